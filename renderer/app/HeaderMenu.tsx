/**
 * A header menu: a disclosure button and what it discloses (links, buttons). Escape closes it
 * and gives focus back to the button; a click elsewhere or a new route closes it. No menu-role
 * keyboard model: its entries stay plain links and buttons, reached with Tab.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';

export const HeaderMenu = ({
  label,
  ariaLabel,
  routeKey,
  current = false,
  className,
  children,
}: {
  label: ReactNode;
  /** When the visible label is not the whole name (it is contained in it). */
  ariaLabel?: string;
  /** The route the menu is shown on: a new route closes it. */
  routeKey: string;
  /** One of its entries is the current page. */
  current?: boolean;
  className: string;
  children: ReactNode;
}) => {
  const [openAt, setOpenAt] = useState<string | null>(null);
  const open = openAt === routeKey;
  const setOpen = useCallback((o: boolean) => setOpenAt(o ? routeKey : null), [routeKey]);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open, setOpen]);
  return (
    <div className={`header-menu ${className}`} ref={root}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-label={ariaLabel}
        aria-controls={id}
        className={current ? 'current' : undefined}
        onClick={() => setOpen(!open)}
      >
        {label}
        <span aria-hidden="true" className="chevron">
          ▾
        </span>
      </button>
      <div id={id} className="header-menu-panel" hidden={!open}>
        {children}
      </div>
    </div>
  );
};

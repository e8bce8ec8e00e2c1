/**
 * Focus the first element matching `selector` once it is rendered and can take focus: screens
 * that load their code or read their data asynchronously (a service's page, a map popup) render
 * their heading a few frames later.
 * Gives up after `frames` animation frames; returns a cancel function.
 */
export const focusWhenReady = (
  selector: string,
  { root = document, frames = 90 }: { root?: ParentNode; frames?: number } = {},
): (() => void) => {
  let handle = 0;
  let left = frames;
  const start = document.activeElement;
  const attempt = () => {
    // The user has moved on (clicked a field, tabbed away) while the screen loaded: leave it.
    const active = document.activeElement;
    if (active && active !== start && active !== document.body) return;
    // Done only once focus has really moved: a screen still loading its code (issue 15) leaves
    // the previous screen in place, hidden, while its fallback shows; its heading matches the
    // selector but cannot take focus.
    const target = root.querySelector<HTMLElement>(selector);
    target?.focus();
    if (target && target.ownerDocument.activeElement === target) return;
    if (--left > 0) handle = requestAnimationFrame(attempt);
  };
  handle = requestAnimationFrame(attempt);
  return () => cancelAnimationFrame(handle);
};

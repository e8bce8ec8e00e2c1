/**
 * A labelled form field with its hint and its error, wired for screen readers: the control gets
 * `aria-invalid` and `aria-describedby` pointing at both texts.
 */
import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { isMessageId, useT } from '../app/i18n';

export type ControlProps = { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string };

export const Field = ({
  label,
  hint,
  error,
  children,
  className,
}: {
  label: string;
  hint?: string;
  /** A message id from the catalogues (as the shared schemas return them). */
  error?: string;
  children: (props: ControlProps) => ReactNode;
  className?: string;
}) => {
  const t = useT();
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${error ? 'field-invalid' : ''} ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="error" id={errorId}>
          {isMessageId(error) ? t(error) : error}
        </p>
      )}
    </div>
  );
};

/** A labelled choice among fixed values: the value handed back is always one of the options'. */
export const SelectField = <V extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
}) => (
  <Field label={label}>
    {(control) => (
      <select
        {...control}
        value={value}
        onChange={(e) => {
          const picked = options.find((o) => o.value === e.target.value);
          if (picked) onChange(picked.value);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    )}
  </Field>
);

type Problem = { controlId: string; label: string; message: string };

/**
 * Shown above a form that failed: counts the problems, says nothing was saved, lists each
 * field's error as a link to that field, and takes the focus (scrolled into view), so a click on
 * Save 2,000 px below still shows what is wrong. The list is read from the rendered invalid
 * fields, in the order the form shows them.
 */
export const ErrorSummary = ({ errors }: { errors: Record<string, string> }) => {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const count = Object.keys(errors).length;
  useLayoutEffect(() => {
    const node = box.current;
    if (!node || count === 0) return;
    const scope = node.closest('form') ?? node.parentElement ?? document.body;
    setProblems(
      [...scope.querySelectorAll<HTMLElement>('.field-invalid')].flatMap((field) => {
        const label = field.querySelector('label');
        const message = field.querySelector('.error')?.textContent ?? '';
        return label?.htmlFor
          ? [{ controlId: label.htmlFor, label: label.textContent ?? '', message }]
          : [];
      }),
    );
    node.focus();
    node.scrollIntoView?.({ block: 'start', behavior: 'instant' });
  }, [errors, count]);
  if (count === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={box}>
      <p>{t('form.errorSummary', { count })}</p>
      {problems.length > 0 && (
        <ul>
          {problems.map((p) => (
            <li key={p.controlId}>
              <a
                href={`#${p.controlId}`}
                onClick={(e) => {
                  // The hash is the router's: focus the field instead of navigating.
                  e.preventDefault();
                  const control = document.getElementById(p.controlId);
                  control?.focus();
                  control?.scrollIntoView?.({ block: 'center' });
                }}
              >
                {t('ux.errorLink', { field: p.label, message: p.message })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};

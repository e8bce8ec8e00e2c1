/**
 * A labelled form field with its hint and its error, wired for screen readers: the control gets
 * `aria-invalid` and `aria-describedby` pointing at both texts.
 */
import { useId } from 'react';
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

/** Shown above a form that failed: counts the problems, says nothing was saved. */
export const ErrorSummary = ({ errors }: { errors: Record<string, string> }) => {
  const t = useT();
  const count = Object.keys(errors).length;
  if (count === 0) return null;
  return (
    <div className="error-summary" role="alert">
      {t('form.errorSummary', { count })}
    </div>
  );
};

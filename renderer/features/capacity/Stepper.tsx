/**
 * A count with big − and + buttons beside a text field. The field takes whatever is typed (so
 * "-2" or "2,5" reach the validator and get a clear message instead of being silently fixed);
 * the buttons step from the typed value and never go below zero.
 */
import { useId } from 'react';
import { isMessageId, useT } from '../../app/i18n';

export const Stepper = ({
  label,
  suffix,
  value,
  onChange,
  increaseLabel,
  decreaseLabel,
  error,
  big = false,
}: {
  label: string;
  /** Completes the accessible name without being shown ("— Femmes" under a "Femmes" heading). */
  suffix: string;
  value: string;
  onChange: (value: string) => void;
  increaseLabel: string;
  decreaseLabel: string;
  error?: string;
  big?: boolean;
}) => {
  const t = useT();
  const id = useId();
  const errorId = `${id}-error`;
  const n = Number(value.trim().replace(',', '.'));
  const stepable = value.trim() !== '' && Number.isInteger(n);
  const step = (delta: number) => onChange(String(Math.max(0, (stepable ? n : 0) + delta)));
  return (
    <div className={`stepper ${big ? 'stepper-big' : ''} ${error ? 'field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        <span className="visually-hidden"> {suffix}</span>
      </label>
      <div className="stepper-row">
        <button
          type="button"
          aria-label={decreaseLabel}
          title={decreaseLabel}
          disabled={stepable && n <= 0}
          onClick={() => step(-1)}
        >
          −
        </button>
        <input
          id={id}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        <button
          type="button"
          aria-label={increaseLabel}
          title={increaseLabel}
          onClick={() => step(1)}
        >
          +
        </button>
      </div>
      {error && (
        <p className="error" id={errorId}>
          {isMessageId(error) ? t(error) : error}
        </p>
      )}
    </div>
  );
};

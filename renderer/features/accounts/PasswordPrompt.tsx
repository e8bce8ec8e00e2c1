/** One password field and a button: the lock screen and the data-key prompt. */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useT } from '../../app/i18n';
import { Field } from '../../ui/Field';
import type { LoginOutcome } from './sessionStore';

export const outcomeMessage = (
  t: ReturnType<typeof useT>,
  outcome: LoginOutcome,
): string | undefined =>
  outcome.ok
    ? undefined
    : outcome.error === 'locked'
      ? t('login.locked', { minutes: Math.max(1, Math.ceil(outcome.retryAfterMs / 60_000)) })
      : t('login.invalid');

export const PasswordPrompt = ({
  label,
  submit,
  onSubmit,
}: {
  label: string;
  submit: string;
  onSubmit: (password: string) => Promise<LoginOutcome>;
}) => {
  const t = useT();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const send = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    setBusy(true);
    const outcome = await onSubmit(String(new FormData(form).get('password') ?? ''));
    setBusy(false);
    if (!outcome.ok) {
      form.reset();
      setError(outcomeMessage(t, outcome));
    }
  };
  return (
    <form onSubmit={send} noValidate aria-label={label}>
      {error && (
        <p className="error-summary" role="alert">
          {error}
        </p>
      )}
      <Field label={t('accounts.password')}>
        {(p) => (
          <input {...p} name="password" type="password" autoComplete="current-password" autoFocus />
        )}
      </Field>
      <button type="submit" className="primary" disabled={busy}>
        {submit}
      </button>
    </form>
  );
};

/** Who is at the keyboard: username and password, throttled after repeated failures. */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useOffice } from '../../app/data';
import { useT } from '../../app/i18n';
import { href } from '../../app/router';
import { homeRoute } from './home';
import { Field } from '../../ui/Field';
import { LanguageSelect } from '../locale/LanguageSelect';
import { outcomeMessage } from './PasswordPrompt';
import { useSession } from './session';

export const LoginScreen = () => {
  const t = useT();
  const office = useOffice();
  const { store, state } = useSession();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    setBusy(true);
    // Where this login started: the user's home replaces it, unless they moved on meanwhile.
    const from = window.location.hash;
    const outcome = await store.login(
      String(data.get('username') ?? ''),
      String(data.get('password') ?? ''),
      (user) => {
        if (window.location.hash === from) window.location.hash = href(homeRoute(user.role));
      },
    );
    setBusy(false);
    if (!outcome.ok) {
      (form.elements.namedItem('password') as HTMLInputElement | null)?.select();
      setError(outcomeMessage(t, outcome));
    }
  };

  return (
    <main className="setup login">
      <LanguageSelect />
      <h1 tabIndex={-1}>{t('login.title')}</h1>
      <p>{t('login.intro', { office: office.officeName })}</p>
      {state.status === 'anonymous' && state.loggedOut && !error && (
        <p role="status">{t('login.loggedOut')}</p>
      )}
      <form onSubmit={submit} noValidate aria-label={t('login.title')}>
        {error && (
          <p className="error-summary" role="alert">
            {error}
          </p>
        )}
        <Field label={t('accounts.username')}>
          {(p) => (
            <input {...p} name="username" autoComplete="username" autoCapitalize="none" autoFocus />
          )}
        </Field>
        <Field label={t('accounts.password')}>
          {(p) => <input {...p} name="password" type="password" autoComplete="current-password" />}
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
      <p className="muted">{t('login.forgot')}</p>
    </main>
  );
};

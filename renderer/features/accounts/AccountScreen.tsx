/**
 * "My account": who I am here, and my own password change. Also shown instead of the app when
 * an administrator set the password (`mustChangePassword`), until the user picks their own.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useData } from '../../app/data';
import { useT } from '../../app/i18n';
import { ErrorSummary, Field } from '../../ui/Field';
import { PasswordPair } from '../../ui/PasswordPair';
import { useSession, useUser } from './session';

export const ChangePasswordForm = ({ onDone }: { onDone?: () => void }) => {
  const t = useT();
  const user = useUser();
  const { repos } = useData();
  const { store } = useSession();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const text = (k: string) => String(data.get(k) ?? '');
    const result = await repos.accounts.changePassword(
      user.id,
      text('current'),
      text('password'),
      text('confirm'),
    );
    setErrors(result.ok ? {} : result.errors);
    setMessage(result.ok ? t('account.changed') : '');
    if (!result.ok) return;
    form.reset();
    await store.refresh(result.value.dataKey);
    onDone?.();
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('account.changePassword')}>
      <ErrorSummary errors={errors} />
      {message && <p role="status">{message}</p>}
      <Field label={t('accounts.currentPassword')} error={errors.current}>
        {(p) => <input {...p} name="current" type="password" autoComplete="current-password" />}
      </Field>
      <PasswordPair
        label={t('accounts.newPassword')}
        confirmLabel={t('accounts.confirm')}
        hint={t('accounts.passwordHint')}
        errors={errors}
      />
      <button type="submit" className="primary">
        {t('account.changePassword')}
      </button>
    </form>
  );
};

export const AccountScreen = () => {
  const t = useT();
  const user = useUser();
  return (
    <div className="account">
      <h1 tabIndex={-1}>{t('account.title')}</h1>
      <dl className="facts">
        <div>
          <dt>{t('accounts.displayName')}</dt>
          <dd>
            <bdi>{user.displayName}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t('accounts.username')}</dt>
          <dd dir="ltr">{user.username}</dd>
        </div>
        <div>
          <dt>{t('accounts.role')}</dt>
          <dd>
            {t(`role.${user.role}`)} — {t(`role.${user.role}.about`)}
            {user.role === 'shelter_manager' && (
              <div className="muted">
                {t('account.shelters', { count: user.shelterServiceIds.length })}
              </div>
            )}
          </dd>
        </div>
      </dl>
      <section aria-labelledby="account-password">
        <h2 id="account-password">{t('account.changePassword')}</h2>
        <ChangePasswordForm />
      </section>
    </div>
  );
};

/** Instead of the app, until a password set by an administrator is replaced. */
export const ForcedPasswordChange = () => {
  const t = useT();
  const { store } = useSession();
  return (
    <main className="setup">
      <h1 tabIndex={-1}>{t('account.changePassword')}</h1>
      <p>{t('account.mustChange')}</p>
      <ChangePasswordForm />
      <button type="button" className="link" onClick={() => void store.logout()}>
        {t('session.logout')}
      </button>
    </main>
  );
};

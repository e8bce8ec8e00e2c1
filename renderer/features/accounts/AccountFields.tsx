/** The administrator's account at first-run setup: username, password and its confirmation. */
import { useT } from '../../app/i18n';
import { Field } from '../../ui/Field';
import { PasswordPair } from '../../ui/PasswordPair';

export const AccountFields = ({ errors }: { errors: Record<string, string> }) => {
  const t = useT();
  return (
    <fieldset>
      <legend>{t('setup.account')}</legend>
      <p className="hint">{t('setup.accountIntro')}</p>
      <Field
        label={t('accounts.username')}
        hint={t('accounts.usernameHint')}
        error={errors.username}
      >
        {(p) => <input {...p} name="username" autoComplete="username" autoCapitalize="none" />}
      </Field>
      <PasswordPair
        label={t('accounts.password')}
        confirmLabel={t('accounts.confirm')}
        hint={t('accounts.passwordHint')}
        errors={errors}
      />
    </fieldset>
  );
};

export const readAccountForm = (form: HTMLFormElement) => {
  const data = new FormData(form);
  const text = (k: string) => String(data.get(k) ?? '');
  return { username: text('username'), password: text('password'), confirm: text('confirm') };
};

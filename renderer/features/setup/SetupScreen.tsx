/** First run: the country and office of this installation, and optional demo data. */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { COUNTRY_CODES, officeProfileSchema } from '@shared/domain/settings/schema';
import { passwordErrors } from '@shared/domain/accounts/password';
import { usernameSchema } from '@shared/domain/accounts/schema';
import { useData } from '../../app/data';
import { useLocale, useT } from '../../app/i18n';
import { createCapacityRepository } from '../../data/repositories/capacity';
import { createDirectoryRepository } from '../../data/repositories/directory';
import { ErrorSummary, Field } from '../../ui/Field';
import { AccountFields, readAccountForm } from '../accounts/AccountFields';
import { useSessionStore } from '../accounts/session';
import { OfficeAreaField } from '../settings/OfficeAreaField';
import { LanguageSelect } from '../locale/LanguageSelect';

export const OfficeFields = ({
  errors,
  defaults,
  withUserName = true,
}: {
  errors: Record<string, string>;
  defaults?: {
    country: string;
    officeName: string;
    officeCode: string;
    userName: string;
    areaCode?: string;
  };
  /** Off in Settings: the name is the first administrator's, and accounts carry names since. */
  withUserName?: boolean;
}) => {
  const t = useT();
  return (
    <>
      <Field label={t('setup.country')} error={errors.country}>
        {(p) => (
          <select {...p} name="country" defaultValue={defaults?.country ?? 'ML'}>
            {COUNTRY_CODES.map((c) => (
              <option key={c} value={c}>
                {t(`country.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('setup.officeName')} error={errors.officeName}>
        {(p) => (
          <input
            {...p}
            name="officeName"
            defaultValue={defaults?.officeName}
            autoComplete="organization"
          />
        )}
      </Field>
      <Field
        label={t('setup.officeCode')}
        hint={t('setup.officeCodeHint')}
        error={errors.officeCode}
      >
        {(p) => (
          <input {...p} name="officeCode" defaultValue={defaults?.officeCode} maxLength={10} />
        )}
      </Field>
      {/* Settings: the office's area and so its level, within the country already chosen. */}
      {!withUserName && defaults && (
        <OfficeAreaField
          country={defaults.country}
          defaultValue={defaults.areaCode}
          error={errors.areaCode}
        />
      )}
      {withUserName && (
        <Field label={t('setup.userName')} hint={t('setup.userNameHint')} error={errors.userName}>
          {(p) => (
            <input {...p} name="userName" defaultValue={defaults?.userName} autoComplete="name" />
          )}
        </Field>
      )}
    </>
  );
};

export const readOfficeForm = (form: HTMLFormElement) => {
  const data = new FormData(form);
  return {
    country: String(data.get('country') ?? ''),
    officeName: String(data.get('officeName') ?? ''),
    officeCode: String(data.get('officeCode') ?? ''),
    ...(data.has('userName') ? { userName: String(data.get('userName')) } : {}),
    ...(data.has('areaCode') ? { areaCode: String(data.get('areaCode')) || undefined } : {}),
  };
};

export const SetupScreen = () => {
  const t = useT();
  const { repos, office } = useData();
  const session = useSessionStore();
  const { prefs } = useLocale();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  // What is happening after "Start": loading the demo takes a few seconds on an office PC.
  const [progress, setProgress] = useState<'demo' | 'office' | null>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const demo = new FormData(form).get('demo') === 'on';
    // Errors of the previous try no longer apply to what is typed now.
    setErrors({});
    setBusy(true);
    const input = readOfficeForm(form);
    const account = readAccountForm(form);
    const checked = officeProfileSchema.safeParse(input);
    const username = usernameSchema.safeParse(account.username);
    const accountOk =
      username.success &&
      Object.keys(passwordErrors(account.password, account.confirm, { username: username.data }))
        .length === 0;
    if (demo && checked.success && accountOk) {
      // Before the office is saved: saving it opens the app, which must not show the directory
      // empty, nor send the user back to it when the demo finishes loading.
      const actor = () => ({
        office: checked.data.officeCode,
        user: checked.data.userName,
        username: username.data,
      });
      setProgress('demo');
      await createDirectoryRepository(repos.db, actor).loadDemo(checked.data.country);
      await createCapacityRepository(repos.db, actor).loadDemo();
    }
    // The directory is where setup leads; set before the office is saved (which opens the app),
    // so a click made while logging in is not undone by a late redirect. Not when the form is
    // refused: the navigation would move focus away from the error summary.
    if (checked.success && accountOk) window.location.hash = '#/directory';
    // The office and its first administrator together; then that administrator is logged in.
    setProgress('office');
    session.expectLogin();
    // The language chosen here becomes the office's default (login screen, new users).
    await repos.locale.setOfficeDefault(prefs);
    const result = await repos.accounts.setup({ office: input, ...account }, session.keys);
    if (!result.ok) {
      session.cancelLogin();
      setErrors(result.errors);
      setBusy(false);
      setProgress(null);
      return;
    }
    await session.login(account.username, account.password);
  };

  return (
    <main className="setup">
      <LanguageSelect />
      <h1 tabIndex={-1}>{t('setup.title')}</h1>
      <p>{office ? t('setup.accountOnly') : t('setup.intro')}</p>
      <form onSubmit={submit} noValidate aria-label={t('setup.title')}>
        <ErrorSummary errors={errors} />
        <OfficeFields errors={errors} defaults={office} />
        <AccountFields errors={errors} />
        <label className="checkbox">
          <input type="checkbox" name="demo" />
          {t('setup.demoCountry')}
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {t('setup.start')}
        </button>
        <p role="status" className="setup-progress">
          {progress === 'demo' && t('ux.setup.loadingDemo')}
          {progress === 'office' && t('ux.setup.creatingOffice')}
        </p>
      </form>
    </main>
  );
};

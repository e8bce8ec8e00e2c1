/** First run: the country and office of this installation, and optional demo data. */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { COUNTRY_CODES } from '@shared/domain/settings/schema';
import { useData } from '../../app/data';
import { useT } from '../../app/i18n';
import { createDirectoryRepository } from '../../data/repositories/directory';
import { ErrorSummary, Field } from '../../ui/Field';

export const OfficeFields = ({
  errors,
  defaults,
}: {
  errors: Record<string, string>;
  defaults?: { country: string; officeName: string; officeCode: string; userName: string };
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
      <Field label={t('setup.userName')} hint={t('setup.userNameHint')} error={errors.userName}>
        {(p) => (
          <input {...p} name="userName" defaultValue={defaults?.userName} autoComplete="name" />
        )}
      </Field>
    </>
  );
};

export const readOfficeForm = (form: HTMLFormElement) => {
  const data = new FormData(form);
  return {
    country: String(data.get('country') ?? ''),
    officeName: String(data.get('officeName') ?? ''),
    officeCode: String(data.get('officeCode') ?? ''),
    userName: String(data.get('userName') ?? ''),
  };
};

export const SetupScreen = () => {
  const t = useT();
  const { repos } = useData();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const demo = new FormData(form).get('demo') === 'on';
    setBusy(true);
    const result = await repos.settings.saveOffice(readOfficeForm(form));
    if (!result.ok) {
      setErrors(result.errors);
      setBusy(false);
      return;
    }
    if (demo) {
      const { officeCode, userName } = result.value;
      await createDirectoryRepository(repos.db, () => ({
        office: officeCode,
        user: userName,
      })).loadDemo();
    }
    window.location.hash = '#/directory';
  };

  return (
    <main className="setup">
      <h1 tabIndex={-1}>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <form onSubmit={submit} noValidate aria-label={t('setup.title')}>
        <ErrorSummary errors={errors} />
        <OfficeFields errors={errors} />
        <label className="checkbox">
          <input type="checkbox" name="demo" />
          {t('setup.demo')}
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {t('setup.start')}
        </button>
      </form>
    </main>
  );
};

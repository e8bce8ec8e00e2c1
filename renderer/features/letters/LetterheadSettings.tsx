/**
 * Settings section: the office letterhead printed on every referral letter (authority, motto,
 * address, footer, logo, default signatory, place) and the reference-number format, with the
 * next reference shown as it will be printed.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Letterhead } from '@shared/domain/letters/letterhead';
import { logoFromFile } from '@shared/domain/letters/letterhead';
import { checkReferenceFormat } from '@shared/domain/letters/reference';
import { useData } from '../../app/data';
import { isMessageId, useT } from '../../app/i18n';
import { ErrorSummary, Field } from '../../ui/Field';
import { platform } from '../../platform';

export const LetterheadSettings = () => {
  const { repos } = useData();
  const stored = useLiveQuery(() => repos.letters.getLetterhead(), [repos]);
  return stored ? <LetterheadForm initial={stored} /> : null;
};

type TextKey = Exclude<keyof Letterhead, 'logo' | 'stamp' | 'hijri'>;

const LetterheadForm = ({ initial }: { initial: Letterhead }) => {
  const t = useT();
  const { repos } = useData();
  const [form, setForm] = useState<Letterhead>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const formatError = checkReferenceFormat(form.referenceFormat);
  const next = useLiveQuery(
    () => (formatError ? Promise.resolve('') : repos.letters.nextReference(form.referenceFormat)),
    [repos, form.referenceFormat, formatError],
  );
  const set = <K extends keyof Letterhead>(key: K, value: Letterhead[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const field = (
    key: TextKey,
    label: string,
    opts: { hint?: string; rows?: number; type?: string } = {},
  ) => (
    <Field label={label} hint={opts.hint} error={errors[key]}>
      {(p) =>
        opts.rows ? (
          <textarea
            {...p}
            rows={opts.rows}
            value={form[key]}
            onChange={(e) => set(key, e.target.value)}
          />
        ) : (
          <input
            {...p}
            type={opts.type ?? 'text'}
            value={form[key]}
            onChange={(e) => set(key, e.target.value)}
          />
        )
      }
    </Field>
  );

  const chooseLogo = async () => {
    const file = await platform().openFile({ extensions: ['png', 'jpg', 'jpeg'] });
    if (!file) return;
    const result = logoFromFile(file.data);
    if (!result.ok) return setErrors((e) => ({ ...e, logo: result.error }));
    setErrors(({ logo: _, ...rest }) => rest);
    set('logo', result.logo);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await repos.letters.saveLetterhead(form);
    setErrors(result.ok ? {} : result.errors);
    setMessage(result.ok ? t('letters.settings.saved') : '');
  };

  return (
    <section className="panel" aria-labelledby="settings-letterhead">
      <h2 id="settings-letterhead">{t('letters.settings.title')}</h2>
      <p className="hint">{t('letters.settings.intro')}</p>
      {message && <p role="status">{message}</p>}
      <form onSubmit={submit} noValidate aria-label={t('letters.settings.title')}>
        <ErrorSummary errors={errors} />
        {field('authority', t('letters.settings.authority'), {
          hint: t('letters.settings.authorityHint'),
          rows: 3,
        })}
        {field('motto', t('letters.settings.motto'), {
          hint: t('letters.settings.mottoHint'),
          rows: 2,
        })}
        {field('address', t('letters.settings.address'), { rows: 2 })}
        <div className="row">
          {field('phone', t('letters.settings.phone'), { type: 'tel' })}
          {field('email', t('letters.settings.email'), { type: 'email' })}
        </div>
        {field('footer', t('letters.settings.footer'), { rows: 2 })}
        <div className="row">
          {field('place', t('letters.settings.place'))}
          {field('signatoryName', t('letters.settings.signatoryName'))}
          {field('signatoryTitle', t('letters.settings.signatoryTitle'))}
        </div>
        <Field
          label={t('letters.settings.referenceFormat')}
          hint={t('letters.settings.referenceFormatHint', { next: next ?? '…' })}
          error={errors.referenceFormat ?? formatError ?? undefined}
        >
          {(p) => (
            <input
              {...p}
              dir="ltr"
              value={form.referenceFormat}
              onChange={(e) => set('referenceFormat', e.target.value)}
            />
          )}
        </Field>
        <label className="checkbox block">
          <input
            type="checkbox"
            checked={form.stamp}
            onChange={(e) => set('stamp', e.target.checked)}
          />
          {t('letters.settings.stamp')}
        </label>
        <label className="checkbox block">
          <input
            type="checkbox"
            checked={form.hijri}
            onChange={(e) => set('hijri', e.target.checked)}
          />
          {t('letterHijri.setting')}
        </label>
        <div className="field logo-field">
          <span className="label">{t('letters.settings.logo')}</span>
          {form.logo && (
            <img
              src={form.logo.dataUrl}
              alt={t('letters.settings.logoAlt')}
              className="logo-preview"
            />
          )}
          <div className="actions">
            <button type="button" onClick={() => void chooseLogo()} aria-describedby="logo-hint">
              {t('letters.settings.logoChoose')}
            </button>
            {form.logo && (
              <button type="button" onClick={() => set('logo', null)}>
                {t('letters.settings.logoRemove')}
              </button>
            )}
          </div>
          <p className="hint" id="logo-hint">
            {t('letters.settings.logoHint')}
          </p>
          {errors.logo && (
            <p className="error">{isMessageId(errors.logo) ? t(errors.logo) : errors.logo}</p>
          )}
        </div>
        <button type="submit" className="primary">
          {t('letters.settings.save')}
        </button>
      </form>
    </section>
  );
};

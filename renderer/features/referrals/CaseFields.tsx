/**
 * The case part of the referral form: needs, the person's situation in HTCDS 2.0 terms, the
 * reason, what the recipient is told and the internal notes. Controlled by ReferralEditor.
 */
import { useMemo } from 'react';
import { profileFor } from '@shared/domain/directory/areas';
import { COUNTRY_CODES_3166 } from '@shared/domain/referrals/countries';
import type { ReferralDraft } from '@shared/domain/referrals/schema';
import {
  AGE_BANDS,
  EXPLOITATION_TYPES,
  GENDERS,
  NEEDS,
  REFERRAL_REASONS,
  TRAFFICKING_STATUSES,
} from '@shared/domain/referrals/schema';
import { useOffice } from '../../app/data';
import { useLocale, useT } from '../../app/i18n';
import { Field } from '../../ui/Field';
import { useLanguageName } from '../directory/Filters';
import { useCountryName } from './format';

export type CaseForm = ReferralDraft['caseDetails'];

/** Languages offered as boxes: the country's own, plus the ones victims in the region speak. */
const EXTRA_LANGUAGES = ['en', 'fr', 'ar', 'pt', 'ha', 'yo'];

export const CaseFields = ({
  value,
  onChange,
  errors,
}: {
  value: CaseForm;
  onChange: (next: CaseForm) => void;
  errors: Record<string, string>;
}) => {
  const t = useT();
  const { intlLocale: locale } = useLocale();
  const office = useOffice();
  const langName = useLanguageName();
  const countryName = useCountryName();
  const set = <K extends keyof CaseForm>(key: K, v: CaseForm[K]) =>
    onChange({ ...value, [key]: v });
  const toggle = <K extends 'needs' | 'exploitationTypes' | 'languages'>(key: K, item: string) => {
    const list = value[key] as string[];
    set(
      key,
      (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]) as CaseForm[K],
    );
  };
  const languages = useMemo(
    () => [...new Set([...(profileFor(office.country)?.languages ?? []), ...EXTRA_LANGUAGES])],
    [office.country],
  );
  const countries = useMemo(
    () =>
      COUNTRY_CODES_3166.map((c) => [c, countryName(c)] as const).sort((a, b) =>
        a[1].localeCompare(b[1], locale),
      ),
    [countryName, locale],
  );
  const e = (k: string) => errors[`caseDetails.${k}`];
  const select = <K extends keyof CaseForm>(key: K, label: string, options: [string, string][]) => (
    <Field label={label} error={e(key)}>
      {(p) => (
        <select
          {...p}
          value={String(value[key])}
          onChange={(ev) => set(key, ev.target.value as CaseForm[K])}
        >
          {options.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const citizenship = (i: 0 | 1, label: string) => (
    <Field label={label} error={e(`citizenship.${i}`)}>
      {(p) => (
        <select
          {...p}
          value={value.citizenship[i] ?? ''}
          onChange={(ev) => {
            const next = [...value.citizenship];
            next[i] = ev.target.value;
            set('citizenship', [...new Set(next.filter(Boolean))]);
          }}
        >
          <option value="">{t('referrals.form.none')}</option>
          {countries.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <>
      <fieldset aria-describedby={e('needs') ? 'needs-error' : undefined}>
        <legend>{t('referrals.form.needs')}</legend>
        {NEEDS.map((n) => (
          <label key={n} className="checkbox">
            <input
              type="checkbox"
              checked={value.needs.includes(n)}
              onChange={() => toggle('needs', n)}
            />
            <span className="capitalize">{t(`referrals.need.${n}`)}</span>
          </label>
        ))}
        {e('needs') && (
          <p className="error" id="needs-error">
            {t('referrals.validation.needs')}
          </p>
        )}
        {value.needs.includes('other') && (
          <Field label={t('referrals.form.needsOther')} error={e('needsOther')}>
            {(p) => (
              <input
                {...p}
                value={value.needsOther}
                onChange={(ev) => set('needsOther', ev.target.value)}
              />
            )}
          </Field>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('referrals.form.case')}</legend>
        <p className="hint">{t('referrals.form.caseHint')}</p>
        <div className="row">
          {select(
            'traffickingStatus',
            t('referrals.form.traffickingStatus'),
            TRAFFICKING_STATUSES.map((s) => [s, t(`referrals.status.${s}`)]),
          )}
          {select(
            'gender',
            t('referrals.form.gender'),
            GENDERS.map((g) => [g, t(`referrals.gender.${g}`)]),
          )}
          {select(
            'ageBand',
            t('referrals.form.ageBand'),
            AGE_BANDS.map((a) => [a, t(`referrals.age.${a}`)]),
          )}
        </div>
        <fieldset className="inner">
          <legend>{t('referrals.form.exploitation')}</legend>
          {EXPLOITATION_TYPES.map((x) => (
            <label key={x} className="checkbox">
              <input
                type="checkbox"
                checked={value.exploitationTypes.includes(x)}
                onChange={() => toggle('exploitationTypes', x)}
              />
              {t(`referrals.exploitation.${x}`)}
            </label>
          ))}
        </fieldset>
        <div className="row">
          {citizenship(0, t('referrals.form.citizenship'))}
          {citizenship(1, t('referrals.form.citizenship2'))}
        </div>
        <fieldset className="inner">
          <legend>{t('referrals.form.languages')}</legend>
          {languages.map((l) => (
            <label key={l} className="checkbox">
              <input
                type="checkbox"
                checked={value.languages.includes(l)}
                onChange={() => toggle('languages', l)}
              />
              {langName(l)}
            </label>
          ))}
        </fieldset>
      </fieldset>
      <fieldset>
        <legend>{t('referrals.form.reason')}</legend>
        {select(
          'reason',
          t('referrals.form.reason'),
          REFERRAL_REASONS.map((r) => [r, t(`referrals.reason.${r}`)]),
        )}
        <Field
          label={t('referrals.form.reasonDetails')}
          hint={t('referrals.form.reasonDetailsHint')}
          error={e('reasonDetails')}
        >
          {(p) => (
            <textarea
              {...p}
              rows={3}
              value={value.reasonDetails}
              onChange={(ev) => set('reasonDetails', ev.target.value)}
            />
          )}
        </Field>
        <Field
          label={t('referrals.form.notes')}
          hint={t('referrals.form.notesHint')}
          error={e('notes')}
        >
          {(p) => (
            <textarea
              {...p}
              rows={3}
              value={value.notes}
              onChange={(ev) => set('notes', ev.target.value)}
            />
          )}
        </Field>
      </fieldset>
    </>
  );
};

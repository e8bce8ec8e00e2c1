/**
 * The guided interview, one part at a time: the person (never their name: there is no text
 * field at all), then each group of indicators, then the needs. Every question starts skipped
 * and may stay so.
 */
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { IndicatorGroup } from '@shared/domain/screening/core';
import { GROUPS } from '@shared/domain/screening/core';
import type { Indicator, ScreeningInputDraft, ScreeningSet } from '@shared/domain/screening/schema';
import { MINOR_ANSWERS } from '@shared/domain/screening/schema';
import { profileFor } from '@shared/domain/directory/areas';
import { AGE_BANDS, GENDERS, URGENCIES } from '@shared/domain/referrals/schema';
import { useOffice } from '../../app/data';
import { useT } from '../../app/i18n';
import { Field } from '../../ui/Field';
import { useLanguageName } from '../directory/Filters';
import { useLocalized } from './hooks';

type Step = 'person' | IndicatorGroup | 'needs';

export const Questions = ({
  set,
  draft,
  onChange,
  onDone,
}: {
  set: ScreeningSet;
  draft: ScreeningInputDraft;
  onChange: (next: ScreeningInputDraft) => void;
  onDone: () => void;
}) => {
  const t = useT();
  const steps: Step[] = [
    'person',
    ...GROUPS.filter((g) => set.indicators.some((i) => i.group === g)),
    'needs',
  ];
  const [at, setAt] = useState(0);
  const step = steps[at]!;
  const last = at === steps.length - 1;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (last) onDone();
    else setAt(at + 1);
  };
  const title =
    step === 'person'
      ? t('screening.section.person')
      : step === 'needs'
        ? t('screening.section.needs')
        : t(`screening.group.${step}`);
  return (
    <form className="panel screening-questions" onSubmit={submit} noValidate aria-label={title}>
      <p className="muted">{t('screening.step', { current: at + 1, total: steps.length })}</p>
      <h2>{title}</h2>
      {step === 'person' && <PersonPart draft={draft} onChange={onChange} />}
      {step === 'needs' && <NeedsPart set={set} draft={draft} onChange={onChange} />}
      {step !== 'person' && step !== 'needs' && (
        <div className="screening-group">
          {set.indicators
            .filter((i) => i.group === step)
            .map((i) => (
              <Question key={i.id} indicator={i} draft={draft} onChange={onChange} />
            ))}
        </div>
      )}
      <div className="actions">
        {at > 0 && (
          <button type="button" onClick={() => setAt(at - 1)}>
            {t('screening.previous')}
          </button>
        )}
        <button type="submit" className="primary">
          {last ? t('screening.assess') : t('screening.next')}
        </button>
      </div>
    </form>
  );
};

const Question = ({
  indicator,
  draft,
  onChange,
}: {
  indicator: Indicator;
  draft: ScreeningInputDraft;
  onChange: (next: ScreeningInputDraft) => void;
}) => {
  const t = useT();
  const text = useLocalized();
  const name = useId();
  const answer = draft.answers?.[indicator.id] ?? 'skip';
  const set = (value: 'yes' | 'no' | 'skip') => {
    const answers = { ...draft.answers };
    if (value === 'skip') delete answers[indicator.id];
    else answers[indicator.id] = value;
    onChange({ ...draft, answers });
  };
  return (
    <fieldset className="screening-question">
      <legend>{text(indicator.question)}</legend>
      {(['yes', 'no', 'skip'] as const).map((v) => (
        <label key={v} className="checkbox">
          <input
            type="radio"
            name={name}
            value={v}
            checked={answer === v}
            onChange={() => set(v)}
          />
          {t(`screening.answer.${v}`)}
        </label>
      ))}
    </fieldset>
  );
};

const PersonPart = ({
  draft,
  onChange,
}: {
  draft: ScreeningInputDraft;
  onChange: (next: ScreeningInputDraft) => void;
}) => {
  const t = useT();
  const langName = useLanguageName();
  const office = useOffice();
  const minorName = useId();
  const languages = profileFor(office.country)?.languages ?? [];
  const spoken = draft.languages ?? [];
  return (
    <>
      <fieldset className="screening-question">
        <legend>{t('screening.minor')}</legend>
        {MINOR_ANSWERS.map((v) => (
          <label key={v} className="checkbox">
            <input
              type="radio"
              name={minorName}
              checked={(draft.minor ?? 'unknown') === v}
              onChange={() => onChange({ ...draft, minor: v })}
            />
            {v === 'unknown' ? t('screening.minor.unknown') : t(`screening.answer.${v}`)}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <Field label={t('screening.ageBand')}>
          {(p) => (
            <select
              {...p}
              value={draft.ageBand ?? 'unknown'}
              onChange={(e) =>
                onChange({ ...draft, ageBand: e.target.value as (typeof AGE_BANDS)[number] })
              }
            >
              {AGE_BANDS.map((b) => (
                <option key={b} value={b}>
                  {t(`referrals.age.${b}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('screening.gender')}>
          {(p) => (
            <select
              {...p}
              value={draft.gender ?? 'NonSpecifiedUnknown'}
              onChange={(e) =>
                onChange({ ...draft, gender: e.target.value as (typeof GENDERS)[number] })
              }
            >
              {GENDERS.map((g) => (
                <option key={g} value={g}>
                  {t(`referrals.gender.${g}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset className="inner">
        <legend>{t('screening.languages')}</legend>
        {languages.map((l) => (
          <label key={l} className="checkbox">
            <input
              type="checkbox"
              checked={spoken.includes(l)}
              onChange={() =>
                onChange({
                  ...draft,
                  languages: spoken.includes(l) ? spoken.filter((x) => x !== l) : [...spoken, l],
                })
              }
            />
            {langName(l)}
          </label>
        ))}
      </fieldset>
    </>
  );
};

const NeedsPart = ({
  set,
  draft,
  onChange,
}: {
  set: ScreeningSet;
  draft: ScreeningInputDraft;
  onChange: (next: ScreeningInputDraft) => void;
}) => {
  const t = useT();
  const text = useLocalized();
  const needs = draft.needs ?? [];
  return (
    <>
      <fieldset className="inner">
        <legend>{t('screening.needs')}</legend>
        {set.needs.map((n) => (
          <label key={n.id} className="checkbox block">
            <input
              type="checkbox"
              checked={needs.includes(n.id)}
              onChange={() =>
                onChange({
                  ...draft,
                  needs: needs.includes(n.id) ? needs.filter((x) => x !== n.id) : [...needs, n.id],
                })
              }
            />
            {text(n.label)}
          </label>
        ))}
      </fieldset>
      <Field label={t('screening.urgency')}>
        {(p) => (
          <select
            {...p}
            value={draft.urgency ?? ''}
            onChange={(e) =>
              onChange({
                ...draft,
                urgency: (e.target.value || null) as (typeof URGENCIES)[number] | null,
              })
            }
          >
            <option value="">{t('screening.urgency.auto')}</option>
            {URGENCIES.map((u) => (
              <option key={u} value={u}>
                {t(`referrals.urgency.${u}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
};

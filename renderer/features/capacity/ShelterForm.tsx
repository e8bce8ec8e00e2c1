/**
 * One shelter's figures as its manager edits them: per population, occupied beds with big
 * steppers, then beds in total, out of service and waiting; the shelter's status and a note;
 * one Save. Available is shown live but never typed: it is derived.
 */
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { ShelterFigures } from '@shared/domain/capacity/fold';
import type { CapacityPopulation } from '@shared/domain/capacity/schema';
import { NOTE_MAX, SHELTER_STATUSES } from '@shared/domain/capacity/schema';
import type { ShelterStatus } from '@shared/domain/capacity/schema';
import { useData } from '../../app/data';
import { isMessageId, useT } from '../../app/i18n';
import { Field } from '../../ui/Field';
import { FigureAge } from './Age';
import { Stepper } from './Stepper';

const FIELDS = ['occupied', 'baseline', 'outOfService', 'waitlist'] as const;
type FieldName = (typeof FIELDS)[number];
type Draft = Record<FieldName, string>;

const asInt = (s: string): number | null => {
  const t = s.trim();
  return /^\d+$/.test(t) ? Number(t) : null;
};

export const ShelterForm = ({
  serviceId,
  populations,
  figures,
  now,
  staleAfterHours,
  onSaved,
}: {
  serviceId: string;
  populations: CapacityPopulation[];
  figures: ShelterFigures | undefined;
  now: number;
  staleAfterHours: number;
  /** Told of every attempt: a refused save must not leave an earlier "saved" on screen. */
  onSaved: (ok: boolean) => void;
}) => {
  const t = useT();
  const { repos } = useData();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [drafts, setDrafts] = useState<Partial<Record<CapacityPopulation, Draft>>>(() =>
    Object.fromEntries(
      populations.map((p) => {
        const f = figures?.populations[p];
        return [p, Object.fromEntries(FIELDS.map((k) => [k, String(f?.[k] ?? 0)])) as Draft];
      }),
    ),
  );
  const [status, setStatus] = useState<ShelterStatus>(figures?.status ?? 'open');
  const [note, setNote] = useState(figures?.note ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const label = (field: FieldName | 'available', p: CapacityPopulation) =>
    t('capacity.fieldOf', { field: t(`capacity.${field}`), population: t(`population.${p}`) });
  const fieldLabel = (key: string): string => {
    const [, p, field] = key.split('.');
    if (key === 'status') return t('capacity.status');
    if (key === 'note') return t('capacity.note');
    if (p && field) return label(field as FieldName, p as CapacityPopulation);
    return p ? t(`population.${p as CapacityPopulation}`) : t('capacity.shelter');
  };

  const set = (p: CapacityPopulation, field: FieldName, value: string) =>
    setDrafts((d) => ({ ...d, [p]: { ...d[p]!, [field]: value } }));

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    try {
      const result = await repos.capacity.record({ serviceId, populations: drafts, status, note });
      onSaved(result.ok);
      if (result.ok) {
        setErrors({});
      } else {
        setErrors(result.errors);
        requestAnimationFrame(() => summaryRef.current?.focus());
      }
    } finally {
      setBusy(false);
    }
  };

  const errorCount = Object.keys(errors).length;
  return (
    <form className="capacity-form" onSubmit={submit} noValidate aria-label={t('capacity.title')}>
      {errorCount > 0 && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          <p>{t('form.errorSummary', { count: errorCount })}</p>
          <ul>
            {Object.entries(errors).map(([key, message]) => (
              <li key={key}>
                {t('capacity.errorItem', {
                  field: fieldLabel(key),
                  message: isMessageId(message) ? t(message) : message,
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="capacity-populations">
        {populations.map((p) => {
          const d = drafts[p]!;
          const [b, o, s] = [asInt(d.baseline), asInt(d.occupied), asInt(d.outOfService)];
          const available = b !== null && o !== null && s !== null ? b - o - s : null;
          const name = t(`population.${p}`);
          const stepper = (field: FieldName, big = false) => (
            <Stepper
              big={big}
              label={t(`capacity.${field}`)}
              suffix={`— ${name}`}
              value={d[field]}
              onChange={(v) => set(p, field, v)}
              increaseLabel={t(`capacity.increase.${field}`, { population: name })}
              decreaseLabel={t(`capacity.decrease.${field}`, { population: name })}
              error={errors[`populations.${p}.${field}`]}
            />
          );
          return (
            <fieldset key={p} className="capacity-population">
              <legend>{name}</legend>
              <p className="muted">
                <FigureAge
                  stamp={figures?.populations[p]?.lastUpdated ?? null}
                  now={now}
                  staleAfterHours={staleAfterHours}
                />
              </p>
              {stepper('occupied', true)}
              <p className="capacity-available">
                <span>{t('capacity.available')}</span>{' '}
                <output aria-label={label('available', p)}>
                  {available === null
                    ? '—'
                    : available < 0
                      ? t('ux.capacity.fullOverBy', { count: -available })
                      : available}
                </output>
              </p>
              {available !== null && available < 0 && (
                <p className="warning" role="status">
                  {t('capacity.overCapacity', { count: -available })}
                </p>
              )}
              <div className="capacity-secondary">
                {stepper('baseline')}
                {stepper('outOfService')}
                {stepper('waitlist')}
              </div>
            </fieldset>
          );
        })}
      </div>
      <div className="row capacity-status-row">
        <Field label={t('capacity.status')} error={errors.status}>
          {(props) => (
            <select
              {...props}
              value={status}
              onChange={(e) => setStatus(e.target.value as ShelterStatus)}
            >
              {SHELTER_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`capacity.status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('capacity.note')} hint={t('capacity.noteHint')} error={errors.note}>
          {(props) => (
            <textarea
              {...props}
              rows={2}
              maxLength={NOTE_MAX}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          )}
        </Field>
      </div>
      <button type="submit" className="primary capacity-save" disabled={busy}>
        {t('action.save')}
      </button>
    </form>
  );
};

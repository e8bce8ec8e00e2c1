/**
 * Create a referral (usually from a service's page, the service preselected) or edit a draft.
 * The case is pseudonymous here: the name, if any, is recorded with the consent, on the
 * referral's page. A shelter's free beds are shown beside it, from the capacity feature.
 */
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ServiceCategory } from '@shared/domain/directory/schema';
import type { ReferralDraft } from '@shared/domain/referrals/schema';
import { URGENCIES } from '@shared/domain/referrals/schema';
import { useData } from '../../app/data';
import { useT } from '../../app/i18n';
import { href, navigate } from '../../app/router';
import { ErrorSummary, Field } from '../../ui/Field';
import { ShelterCapacity, useCapacityBadges } from '../capacity/CapacityBadge';
import { useDirectoryViews } from '../directory/useDirectory';
import { regionName } from '../directory/useDirectory';
import { RequireDataKey } from '../accounts/RequireDataKey';
import { CaseFields } from './CaseFields';
import type { CaseForm } from './CaseFields';
import { BackArrow } from '../../ui/BackArrow';

const blankCase = (): CaseForm => ({
  traffickingStatus: 'PossibleVictimOfTrafficking',
  exploitationTypes: [],
  gender: 'NonSpecifiedUnknown',
  ageBand: 'unknown',
  citizenship: [],
  languages: [],
  needs: [],
  needsOther: '',
  reason: 'AdditionalServicesRequired',
  reasonDetails: '',
  notes: '',
});

type EditorProps = { id?: string; serviceId?: string };

/** The case is sealed with the data key as it is saved: the key first. */
export const ReferralEditor = (props: EditorProps) => (
  <RequireDataKey>
    <Editor {...props} />
  </RequireDataKey>
);

const Editor = ({ id, serviceId }: EditorProps) => {
  const t = useT();
  const { repos } = useData();
  const detail = useLiveQuery(
    async () => (id ? ((await repos.referrals.get(id)) ?? null) : null),
    [repos, id],
  );
  if (id && detail === undefined) return <p role="status">{t('status.loading')}</p>;
  if (id && !detail) return <h1 tabIndex={-1}>{t('referrals.detail.notFound')}</h1>;
  const r = detail?.referral;
  const initial: ReferralDraft = r
    ? { serviceId: r.serviceId, urgency: r.urgency, caseDetails: r.caseDetails }
    : { serviceId: serviceId ?? '', urgency: '72h', caseDetails: blankCase() };
  return (
    <EditorForm key={id ?? serviceId ?? 'new'} id={id} caseCode={r?.caseCode} initial={initial} />
  );
};

const EditorForm = ({
  id,
  caseCode,
  initial,
}: {
  id?: string;
  caseCode?: string;
  initial: ReferralDraft;
}) => {
  const t = useT();
  const { repos } = useData();
  const views = useDirectoryViews();
  const badges = useCapacityBadges();
  const [form, setForm] = useState<ReferralDraft>(() => ({
    ...initial,
    caseDetails: { ...blankCase(), ...initial.caseDetails },
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const grouped = useMemo(() => {
    const byCategory = new Map<ServiceCategory, { id: string; label: string }[]>();
    for (const v of views ?? []) {
      const region = regionName(v.locations[0]?.address.adminAreaCode);
      const list = byCategory.get(v.service.category) ?? [];
      list.push({
        id: v.service.id,
        label: region ? `${v.service.name} — ${region}` : v.service.name,
      });
      byCategory.set(v.service.category, list);
    }
    return [...byCategory.entries()].map(
      ([category, list]) =>
        [category, list.sort((a, b) => a.label.localeCompare(b.label))] as const,
    );
  }, [views]);
  const selected = views?.find((v) => v.service.id === form.serviceId);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = id ? await repos.referrals.update(id, form) : await repos.referrals.create(form);
    setBusy(false);
    if (!result.ok) return setErrors(result.errors);
    navigate({ name: 'referral', id: result.value.id });
  };

  const title = id ? t('referrals.edit', { caseCode: caseCode ?? '' }) : t('referrals.new');
  const back = id
    ? href({ name: 'referral', id })
    : selected
      ? href({ name: 'service', id: selected.service.id })
      : href({ name: 'referrals' });
  return (
    // autoComplete off: the browser then keeps no copy of the case in its session-restore
    // files (Chromium saves form state for back/forward; found by accounts-canary.spec.ts).
    <form
      className="referral-form"
      onSubmit={submit}
      noValidate
      autoComplete="off"
      aria-label={title}
    >
      <a href={back}>
        <BackArrow /> {t('action.back')}
      </a>
      <h1 tabIndex={-1}>{title}</h1>
      <ErrorSummary errors={errors} />
      <fieldset>
        <legend>{t('referrals.form.service')}</legend>
        <Field
          label={t('referrals.form.service')}
          hint={t('referrals.form.serviceHint')}
          error={errors.serviceId}
        >
          {(p) => (
            <select
              {...p}
              value={form.serviceId}
              onChange={(e) => setForm((f) => ({ ...f, serviceId: e.target.value }))}
            >
              <option value="">—</option>
              {grouped.map(([category, list]) => (
                <optgroup key={category} label={t(`category.${category}`)}>
                  {list.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        {selected?.service.category === 'shelter' && badges.summaries?.has(selected.service.id) && (
          <div className="referral-capacity">
            <span>{t('referrals.form.capacity')}</span>
            <ShelterCapacity serviceId={selected.service.id} badges={badges} />
          </div>
        )}
      </fieldset>
      <fieldset className="urgency-choice">
        <legend>{t('referrals.form.urgency')}</legend>
        {URGENCIES.map((u) => (
          <label key={u} className="checkbox">
            <input
              type="radio"
              name="urgency"
              value={u}
              checked={form.urgency === u}
              onChange={() => setForm((f) => ({ ...f, urgency: u }))}
            />
            {t(`referrals.urgency.${u}`)}
          </label>
        ))}
      </fieldset>
      <CaseFields
        value={form.caseDetails}
        onChange={(caseDetails) => setForm((f) => ({ ...f, caseDetails }))}
        errors={errors}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('referrals.saveDraft')}
        </button>
        <a className="button" href={back}>
          {t('action.cancel')}
        </a>
      </div>
    </form>
  );
};

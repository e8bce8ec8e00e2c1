/**
 * Create or edit a service with its organisation and location. Errors come from the shared
 * schema, field by field, and nothing is saved until every field is valid. Coordinate warnings
 * (outside the region, swapped latitude/longitude) are shown but do not block.
 */
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { profileFor } from '@shared/domain/directory/areas';
import { coordinateWarnings, draftFromView } from '@shared/domain/directory/rules';
import type { ServiceDraft, ServiceDraftInput } from '@shared/domain/directory/schema';
import {
  POPULATIONS,
  REFERRAL_METHODS,
  SERVICE_CATEGORIES,
  VISIBILITIES,
} from '@shared/domain/directory/schema';
import { useData, useOffice } from '../../app/data';
import { useT } from '../../app/i18n';
import { href, navigate } from '../../app/router';
import { ErrorSummary, Field } from '../../ui/Field';
import { CoordinatePicker } from '../map/CoordinatePicker';
import { useLanguageName } from './Filters';
import { useAreas } from './useAreas';
import { BackArrow } from '../../ui/BackArrow';

/** The form's state: what the user typed, numbers still as text. */
type FormState = Omit<
  ServiceDraft,
  'latitude' | 'longitude' | 'responseDelayHours' | 'languages'
> & {
  latitude: string;
  longitude: string;
  responseDelayHours: string;
  languages: string[];
  otherLanguages: string;
};

const toForm = (d: ServiceDraft, known: readonly string[]): FormState => ({
  ...d,
  latitude: d.latitude === null ? '' : String(d.latitude),
  longitude: d.longitude === null ? '' : String(d.longitude),
  responseDelayHours: d.responseDelayHours === null ? '' : String(d.responseDelayHours),
  languages: d.languages.filter((l) => known.includes(l)),
  otherLanguages: d.languages.filter((l) => !known.includes(l)).join(', '),
});

/** Empty stays null; anything else becomes a number or NaN, which the schema refuses. */
const num = (s: string): number | null =>
  s.trim() === '' ? null : Number(s.trim().replace(',', '.'));

const toDraft = (f: FormState): ServiceDraftInput => ({
  ...f,
  latitude: num(f.latitude),
  longitude: num(f.longitude),
  responseDelayHours: num(f.responseDelayHours),
  phones: f.phones.filter((p) => p.trim() !== ''),
  languages: [
    ...f.languages,
    ...f.otherLanguages
      .split(/[,;\s]+/)
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean),
  ],
});

const blank = (adminAreaCode: string): ServiceDraft => ({
  organizationName: '',
  name: '',
  description: '',
  category: 'shelter',
  populations: [],
  languages: [],
  phones: [''],
  email: '',
  hours: '',
  free: true,
  feesDescription: '',
  referralMethod: 'phone',
  responseDelayHours: null,
  locationName: '',
  address1: '',
  city: '',
  adminAreaCode,
  districtCode: '',
  latitude: null,
  longitude: null,
  visibility: 'public',
});

export const ServiceEditor = ({ id }: { id?: string }) => {
  const { repos } = useData();
  const view = useLiveQuery(
    async () => (id ? ((await repos.directory.getView(id)) ?? null) : null),
    [repos, id],
  );
  const t = useT();
  if (id && view === undefined) return <p role="status">{t('status.loading')}</p>;
  if (id && view === null) return <h1 tabIndex={-1}>{t('status.notFound')}</h1>;
  return <EditorForm key={id ?? 'new'} id={id} initial={view ? draftFromView(view) : undefined} />;
};

const EditorForm = ({ id, initial }: { id?: string; initial?: ServiceDraft }) => {
  const t = useT();
  const langName = useLanguageName();
  const office = useOffice();
  const { repos } = useData();
  const profile = profileFor(office.country);
  const known = profile?.languages ?? [];
  const [form, setForm] = useState<FormState>(() =>
    toForm(initial ?? blank(profile?.areas[0]?.code ?? ''), known),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const areas = useAreas(office.country);
  // Reference regions only: a service's region is validated against the reference list.
  const regions = areas.regions.filter((a) => a.area.iso !== undefined);
  const districts = areas.districtsOf(form.adminAreaCode);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const toggle = (key: 'populations' | 'languages', value: string) =>
    setForm((f) => {
      const list = f[key] as string[];
      return {
        ...f,
        [key]: list.includes(value) ? list.filter((x) => x !== value) : [...list, value],
      };
    });

  const warnings = useMemo(() => {
    const lat = num(form.latitude);
    const lon = num(form.longitude);
    if (lat === null || lon === null || Number.isNaN(lat) || Number.isNaN(lon)) return [];
    return coordinateWarnings(form.adminAreaCode, lat, lon);
  }, [form.latitude, form.longitude, form.adminAreaCode]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const draft = toDraft(form);
    const result = id
      ? await repos.directory.update(id, draft)
      : await repos.directory.create(draft);
    setBusy(false);
    if (!result.ok) {
      // Phone errors come back per index of the non-empty list; show them on the phone inputs.
      setErrors(result.errors);
      return;
    }
    navigate({ name: 'service', id: result.value.id });
  };

  const text = (
    key: keyof FormState & string,
    label: string,
    opts: { hint?: string; type?: string; private?: boolean } = {},
  ) => (
    <Field label={label} hint={opts.hint} error={errors[key]}>
      {(p) => (
        <input
          {...p}
          type={opts.type ?? 'text'}
          // A shelter's place is sealed at rest: Chromium's form history must not keep it
          // in clear in the profile ("Web Data", issue 13 hole 9).
          {...(opts.private ? { autoComplete: 'off' } : {})}
          value={String(form[key])}
          onChange={(e) => set(key, e.target.value as never)}
        />
      )}
    </Field>
  );

  const title = id ? t('service.editTitle', { name: initial?.name ?? '' }) : t('service.new');
  return (
    <form className="service-form" onSubmit={submit} noValidate aria-label={title}>
      <a href={id ? href({ name: 'service', id }) : href({ name: 'directory' })}>
        <BackArrow /> {t('action.back')}
      </a>
      <h1 tabIndex={-1}>{title}</h1>
      <ErrorSummary errors={errors} />
      <fieldset>
        <legend>{t('service.name')}</legend>
        {text('name', t('service.name'))}
        {text('organizationName', t('service.organization'))}
        <Field label={t('service.category')} error={errors.category}>
          {(p) => (
            <select
              {...p}
              value={form.category}
              onChange={(e) => set('category', e.target.value as FormState['category'])}
            >
              {SERVICE_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`category.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('service.description')} error={errors.description}>
          {(p) => (
            <textarea
              {...p}
              rows={3}
              value={form.description}
              onChange={(e) => set('description', e.target.value)}
            />
          )}
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t('service.populations')}</legend>
        {POPULATIONS.map((p) => (
          <label key={p} className="checkbox">
            <input
              type="checkbox"
              checked={form.populations.includes(p)}
              onChange={() => toggle('populations', p)}
            />
            {t(`population.${p}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('service.languages')}</legend>
        {known.map((l) => (
          <label key={l} className="checkbox">
            <input
              type="checkbox"
              checked={form.languages.includes(l)}
              onChange={() => toggle('languages', l)}
            />
            {langName(l)}
          </label>
        ))}
        {text('otherLanguages', t('service.otherLanguages'), { hint: t('service.languagesHint') })}
        {Object.entries(errors)
          .filter(([k]) => k.startsWith('languages'))
          .slice(0, 1)
          .map(([k]) => (
            <p key={k} className="error">
              {t('validation.language')}
            </p>
          ))}
      </fieldset>
      <fieldset>
        <legend>{t('service.phones')}</legend>
        {form.phones.map((phone, i) => (
          <div key={i} className="row">
            <Field label={t('service.phone', { n: i + 1 })} error={errors[`phones.${i}`]}>
              {(p) => (
                <input
                  {...p}
                  type="tel"
                  dir="ltr"
                  value={phone}
                  onChange={(e) =>
                    set(
                      'phones',
                      form.phones.map((x, j) => (j === i ? e.target.value : x)),
                    )
                  }
                />
              )}
            </Field>
            {form.phones.length > 1 && (
              <button
                type="button"
                onClick={() =>
                  set(
                    'phones',
                    form.phones.filter((_, j) => j !== i),
                  )
                }
              >
                {t('service.removePhone', { n: i + 1 })}
              </button>
            )}
          </div>
        ))}
        <button type="button" onClick={() => set('phones', [...form.phones, ''])}>
          {t('service.addPhone')}
        </button>
        {text('email', t('service.email'), { type: 'email' })}
      </fieldset>
      <fieldset>
        <legend>{t('service.location')}</legend>
        {text('locationName', t('service.locationName'), { private: true })}
        {text('address1', t('service.address'), { private: true })}
        {text('city', t('service.city'), { private: true })}
        <Field label={t('service.region')} error={errors.adminAreaCode}>
          {(p) => (
            <select
              {...p}
              value={form.adminAreaCode}
              onChange={(e) => {
                set('adminAreaCode', e.target.value);
                set('districtCode', ''); // a district belongs to one region
              }}
            >
              {regions.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {districts.length > 0 && (
          <Field label={t('filters.district')} error={errors.districtCode}>
            {(p) => (
              <select
                {...p}
                value={form.districtCode}
                onChange={(e) => set('districtCode', e.target.value)}
              >
                <option value="">{t('filters.any')}</option>
                {districts.map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <div className="row">
          {text('latitude', t('service.latitude'), { private: true })}
          {text('longitude', t('service.longitude'), { private: true })}
        </div>
        {warnings.map((w) => (
          <p key={w} className="warning" role="status">
            {t(`warning.${w}`)}
          </p>
        ))}
        <CoordinatePicker
          areaCode={form.adminAreaCode}
          latitude={num(form.latitude)}
          longitude={num(form.longitude)}
          onPick={(lat, lon) => setForm((f) => ({ ...f, latitude: `${lat}`, longitude: `${lon}` }))}
        />
        <Field
          label={t('service.visibility')}
          hint={t('service.visibilityHint')}
          error={errors.visibility}
        >
          {(p) => (
            <select
              {...p}
              value={form.visibility}
              onChange={(e) => set('visibility', e.target.value as FormState['visibility'])}
            >
              {VISIBILITIES.map((v) => (
                <option key={v} value={v}>
                  {t(`visibility.${v}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t('service.referralMethod')}</legend>
        <Field label={t('service.referralMethod')} error={errors.referralMethod}>
          {(p) => (
            <select
              {...p}
              value={form.referralMethod}
              onChange={(e) => set('referralMethod', e.target.value as FormState['referralMethod'])}
            >
              {REFERRAL_METHODS.map((m) => (
                <option key={m} value={m}>
                  {t(`referralMethod.${m}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('responseDelayHours', t('service.responseDelay'))}
        {text('hours', t('service.hours'))}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.free}
            onChange={(e) => set('free', e.target.checked)}
          />
          {t('service.free')}
        </label>
        {!form.free && text('feesDescription', t('service.fees'))}
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('action.save')}
        </button>
        <a
          className="button"
          href={id ? href({ name: 'service', id }) : href({ name: 'directory' })}
        >
          {t('action.cancel')}
        </a>
      </div>
    </form>
  );
};

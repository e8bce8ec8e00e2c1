/**
 * Settings → administrative areas: an administrator adds an area the reference lists lack (a
 * region created in 2021, a missing district) or imports a list (CSV with ISO / P-code
 * columns). The repository checks the permission and every code again; this only asks.
 */
import { useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import { useData, useOffice } from '../../app/data';
import { useT } from '../../app/i18n';
import { Field } from '../../ui/Field';
import { useAreas } from '../directory/useAreas';

export const AreaSettings = () => {
  const t = useT();
  const office = useOffice();
  const { repos } = useData();
  const areas = useAreas(office.country);
  const added = areas.regions
    .concat(areas.regions.flatMap((r) => areas.districtsOf(r.code)))
    .filter((a) => a.area.source.startsWith('office:'));
  const [level, setLevel] = useState<1 | 2>(2);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string>();
  const [why, setWhy] = useState('');

  const add = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const get = (k: string) => String(data.get(k) ?? '');
    const r = await repos.areas.add({
      country: office.country,
      level,
      name: get('name'),
      ...(level === 2 ? { parent: get('parent') } : {}),
      iso: get('iso'),
      pcode: get('pcode'),
    });
    if (r.ok) {
      form.reset();
      setError(undefined);
      setMessage(t('areas.added', { name: r.area.name }));
    } else {
      setMessage('');
      setError(r.error);
      setWhy(r.why ?? '');
    }
  };

  const importList = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.currentTarget.files?.[0];
    if (!file) return;
    const r = await repos.areas.importCsv(await file.text(), office.country);
    e.currentTarget.value = '';
    setError(undefined);
    setMessage(
      [
        t('areas.imported', { count: r.added }),
        r.refused.length
          ? t('areas.importErrors', {
              rows: r.refused.map((x) => `${x.row} (${x.error ? t(x.error) : ''})`).join(', '),
            })
          : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
  };

  return (
    <section className="panel" aria-labelledby="settings-areas">
      <h2 id="settings-areas">{t('areas.title')}</h2>
      <p>{t('areas.intro')}</p>
      {message && <p role="status">{message}</p>}
      <form onSubmit={add} noValidate aria-label={t('areas.add')}>
        <Field label={t('areas.name')} error={error === 'areas.error.name' ? error : undefined}>
          {(p) => <input {...p} name="name" maxLength={200} />}
        </Field>
        <Field label={t('areas.level')}>
          {(p) => (
            <select {...p} value={level} onChange={(e) => setLevel(e.target.value === '1' ? 1 : 2)}>
              <option value="1">{t('office.level.1')}</option>
              <option value="2">{t('office.level.2')}</option>
            </select>
          )}
        </Field>
        {level === 2 && (
          <Field
            label={t('areas.parent')}
            error={error === 'areas.error.parent' ? error : undefined}
          >
            {(p) => (
              <select {...p} name="parent">
                {areas.regions.map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field
          label={t('areas.iso')}
          error={
            error === 'areas.error.iso' || error === 'areas.error.deprecated' ? error : undefined
          }
        >
          {(p) => <input {...p} name="iso" dir="ltr" maxLength={10} />}
        </Field>
        <Field
          label={t('areas.pcode')}
          error={
            error === 'areas.error.pcode' || error === 'areas.error.exists' ? error : undefined
          }
        >
          {(p) => <input {...p} name="pcode" dir="ltr" maxLength={12} />}
        </Field>
        {error === 'areas.error.denied' && <p role="alert">{t('areas.error.denied')}</p>}
        {/* The reason a code was withdrawn comes with it (PK-TA: merged into PK-KP in 2018). */}
        {error === 'areas.error.deprecated' && (
          <p role="alert">{t('areas.error.deprecated', { why })}</p>
        )}
        <button type="submit">{t('areas.add')}</button>
      </form>
      <Field label={t('areas.import')} hint={t('areas.importHint')}>
        {(p) => <input {...p} type="file" accept=".csv,text/csv" onChange={importList} />}
      </Field>
      <h3>{t('areas.added.list')}</h3>
      {added.length === 0 ? (
        <p>{t('areas.none')}</p>
      ) : (
        <ul>
          {added.map((a) => (
            <li key={a.code}>
              <bdi>{a.name}</bdi> <span dir="ltr">({a.code})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};

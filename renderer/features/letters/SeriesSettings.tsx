/**
 * Settings section: this PC's letter number series (issue 13), editable until the first letter
 * is issued in it, and a warning when another PC of the office announces the same series.
 */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useData } from '../../app/data';
import { useT } from '../../app/i18n';
import { Field } from '../../ui/Field';
import type { CurrentSeries } from '../../data/repositories/letterSeries';

export const SeriesSettings = () => {
  const { repos } = useData();
  const current = useLiveQuery(() => repos.letterSeries.current(), [repos]);
  return current ? <SeriesForm current={current} /> : null;
};

const SeriesForm = ({ current }: { current: CurrentSeries }) => {
  const t = useT();
  const { repos } = useData();
  const clashes = useLiveQuery(() => repos.letterSeries.clashes(), [repos]);
  const [code, setCode] = useState(current.code);
  const [error, setError] = useState<string>();
  const [message, setMessage] = useState('');
  // Announced as soon as an administrator looks here, so clashes show before the first letter.
  useEffect(() => {
    void repos.letterSeries.announce().catch(() => undefined);
  }, [repos]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const result = await repos.letterSeries.save(code);
    if (result.ok) {
      setError(undefined);
      setMessage(t('trust.series.saved'));
    } else {
      setError(result.errors.series ?? result.errors._);
      setMessage('');
    }
  };

  return (
    <section className="panel" aria-labelledby="settings-series">
      <h2 id="settings-series">{t('trust.series.title')}</h2>
      <p className="hint">{t('trust.series.intro')}</p>
      {clashes?.map((c) => (
        <p key={c.id} role="alert" className="warning">
          {t('trust.series.clash', { installation: c.label || c.id.slice(0, 8), series: c.series })}
        </p>
      ))}
      <form onSubmit={save} aria-label={t('trust.series.title')} noValidate>
        <Field
          label={t('trust.series.label')}
          hint={current.locked ? t('trust.series.locked') : t('trust.series.hint')}
          error={error}
        >
          {(p) => (
            <input
              {...p}
              value={code}
              readOnly={current.locked}
              maxLength={17}
              onChange={(e) => setCode(e.target.value)}
            />
          )}
        </Field>
        {!current.locked && <button type="submit">{t('trust.series.save')}</button>}{' '}
        <span role="status">{message}</span>
      </form>
    </section>
  );
};

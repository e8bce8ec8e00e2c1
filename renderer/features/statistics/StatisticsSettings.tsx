/** Administrators: the suppression threshold (5 to 11) and, for a regional office, its region. */
import { useId, useState } from 'react';
import { COUNTRY_PROFILES } from '@shared/domain/directory/areas';
import { DEFAULT_THRESHOLD, MIN_THRESHOLD } from '@shared/domain/statistics/suppress';
import { useData, useOffice } from '../../app/data';
import { useT } from '../../app/i18n';
import { LabelledControl } from '../directory/Filters';
import type { StatisticsSettings as Settings } from '../../data/repositories/statistics';

export const StatisticsSettings = ({ current }: { current: Settings }) => {
  const t = useT();
  const { repos } = useData();
  const office = useOffice();
  const id = useId();
  const [threshold, setThreshold] = useState(current.threshold);
  const [region, setRegion] = useState(current.region ?? '');
  const [status, setStatus] = useState('');
  const areas = COUNTRY_PROFILES.find((p) => p.code === office.country)?.areas ?? [];
  const save = async () => {
    await repos.statistics.saveSettings({ threshold, region: region || null });
    setStatus(t('statistics.settings.saved'));
  };
  return (
    <details className="stat-settings">
      <summary id={id}>{t('statistics.settings.title')}</summary>
      <form
        aria-labelledby={id}
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <LabelledControl label={t('statistics.settings.threshold')}>
          {(cid) => (
            <input
              id={cid}
              type="number"
              min={MIN_THRESHOLD}
              max={DEFAULT_THRESHOLD}
              value={threshold}
              onChange={(e) =>
                setThreshold(
                  Math.min(
                    DEFAULT_THRESHOLD,
                    Math.max(MIN_THRESHOLD, Math.round(+e.target.value || 11)),
                  ),
                )
              }
            />
          )}
        </LabelledControl>
        <LabelledControl label={t('statistics.settings.region')}>
          {(cid) => (
            <select id={cid} value={region} onChange={(e) => setRegion(e.target.value)}>
              <option value="">{t('statistics.settings.national')}</option>
              {areas.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </LabelledControl>
        <button type="submit" className="button">
          {t('statistics.settings.save')}
        </button>
        <p role="status">{status}</p>
      </form>
    </details>
  );
};

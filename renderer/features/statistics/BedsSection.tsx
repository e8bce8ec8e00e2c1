/**
 * Beds over the chosen period: occupied beds at the end of each day by region (a line chart,
 * with a table of the same regions beside it), days full and the share of stale figures.
 */
import { useId, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { CAPACITY_POPULATIONS, type CapacityPopulation } from '@shared/domain/capacity/schema';
import { averageOccupancy } from '@shared/domain/statistics/beds';
import { useData } from '../../app/data';
import { useLocale, useT } from '../../app/i18n';
import { LabelledControl } from '../directory/Filters';
import { regionName } from '../directory/useDirectory';
import { useChartAxes } from './chartAxes';
import { COLOURS } from './labels';

export const BedsSection = ({
  range,
  periodLabel,
  region,
}: {
  range: { from: string; to: string };
  periodLabel: string;
  region: string | null;
}) => {
  const t = useT();
  const { intlLocale } = useLocale();
  const axes = useChartAxes();
  const { repos } = useData();
  const id = useId();
  const [population, setPopulation] = useState<CapacityPopulation | ''>('');
  const all = useLiveQuery(
    () => repos.statistics.beds(range, population ? { population } : {}).catch(() => []),
    [repos, range.from, range.to, population],
  );
  const regions = useMemo(
    () => (all ?? []).filter((r) => !region || r.region === region),
    [all, region],
  );
  const data = useMemo(() => {
    const days = regions[0]?.days ?? [];
    return days.map((d, k) => {
      const point: Record<string, string | number> = { day: d.day };
      for (const r of regions) point[r.region] = r.days[k]!.occupied;
      return point;
    });
  }, [regions]);
  const pct = new Intl.NumberFormat(intlLocale, { style: 'percent', maximumFractionDigits: 0 });
  const shelters = regions.reduce((n, r) => n + r.shelters, 0);
  const caption = t('statistics.beds.caption', { period: periodLabel, shelters });
  return (
    <section className="stat-section" aria-labelledby={id}>
      <h2 id={id}>{t('statistics.beds.title')}</h2>
      <p className="muted">{t('statistics.beds.rule')}</p>
      <div className="filters">
        <LabelledControl label={t('statistics.beds.population')}>
          {(cid) => (
            <select
              id={cid}
              value={population}
              onChange={(e) => setPopulation(e.target.value as CapacityPopulation | '')}
            >
              <option value="">{t('statistics.beds.allPopulations')}</option>
              {CAPACITY_POPULATIONS.map((p) => (
                <option key={p} value={p}>
                  {t(`population.${p}`)}
                </option>
              ))}
            </select>
          )}
        </LabelledControl>
      </div>
      {regions.length === 0 ? (
        <p className="muted">{t('statistics.beds.none')}</p>
      ) : (
        <div className="stat-figure">
          <div
            className="stat-chart"
            role="img"
            aria-label={`${t('statistics.beds.chart')} ${caption}`}
          >
            <ResponsiveContainer width="100%" height={240}>
              <LineChart data={data} margin={axes.margin}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="day" minTickGap={24} reversed={axes.rtl} />
                <YAxis allowDecimals={false} tickFormatter={axes.figure} {...axes.side} />
                <Tooltip />
                <Legend />
                {regions.map((r, k) => (
                  <Line
                    key={r.region}
                    dataKey={r.region}
                    name={regionName(r.region)}
                    stroke={COLOURS[k % COLOURS.length]}
                    dot={false}
                    isAnimationActive={false}
                  />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </div>
          <table className="stat-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('statistics.beds.region')}</th>
                <th scope="col">{t('statistics.beds.shelters')}</th>
                <th scope="col">{t('statistics.beds.occupancy')}</th>
                <th scope="col">{t('statistics.beds.daysFull')}</th>
                <th scope="col">{t('statistics.beds.stale')}</th>
              </tr>
            </thead>
            <tbody>
              {regions.map((r) => {
                const occupancy = averageOccupancy(r);
                return (
                  <tr key={r.region}>
                    <th scope="row">
                      <bdi>{regionName(r.region)}</bdi>
                    </th>
                    <td>{r.shelters}</td>
                    <td>{occupancy === null ? '—' : pct.format(occupancy)}</td>
                    <td>{r.daysFull}</td>
                    <td>{pct.format(r.staleShare)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};

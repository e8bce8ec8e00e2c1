/**
 * Occupancy over the last days for all shelters, a region or one shelter (recharts). The chart
 * is an image for screen readers with a one-sentence summary, and its data is a table below.
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
import { dayEnds, occupancySeries } from '@shared/domain/capacity/series';
import type { ShelterSummary } from '@shared/domain/capacity/summary';
import { useData } from '../../app/data';
import { useLocale, useT } from '../../app/i18n';
import { LabelledControl } from '../directory/Filters';
import { regionName } from '../directory/useDirectory';
import { isRtl } from '@shared/i18n/define';

const PERIODS = [7, 14, 30] as const;
const endOfLocalDay = (d: Date) =>
  new Date(d.getFullYear(), d.getMonth(), d.getDate(), 23, 59, 59, 999);
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export const OccupancyChart = ({
  summaries,
  now,
}: {
  summaries: readonly ShelterSummary[];
  now: number;
}) => {
  const t = useT();
  const { intlLocale: locale, locale: language } = useLocale();
  // Time runs from right to left, and the scale stands on the right, in Arabic.
  const rtl = isRtl(language);
  const { repos } = useData();
  const titleId = useId();
  const summaryId = useId();
  const events = useLiveQuery(() => repos.capacity.allEvents(), [repos]);
  const [scope, setScope] = useState('all');
  const [days, setDays] = useState<number>(14);

  const regions = useMemo(
    () =>
      [...new Set(summaries.map((s) => s.regionCode))]
        .filter(Boolean)
        .sort((a, b) => collator.compare(regionName(a), regionName(b))),
    [summaries],
  );
  const shelters = useMemo(
    () => [...summaries].sort((a, b) => collator.compare(a.name, b.name)),
    [summaries],
  );
  const [kind, key] = scope.split(':');
  const ids = useMemo(
    () =>
      new Set(
        summaries
          .filter((s) =>
            kind === 'region'
              ? s.regionCode === key
              : kind === 'shelter'
                ? s.serviceId === key
                : true,
          )
          .map((s) => s.serviceId),
      ),
    [summaries, kind, key],
  );
  const instants = useMemo(() => dayEnds(new Date(now), days, endOfLocalDay), [now, days]);
  const series = useMemo(
    () => events && occupancySeries(events, ids, instants),
    [events, ids, instants],
  );
  const dayFormat = useMemo(
    () => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }),
    [locale],
  );
  if (!series) return null;
  const data = series.map((p) => ({ ...p, day: dayFormat.format(new Date(p.at)) }));
  const first = data[0]!;
  const last = data.at(-1)!;
  const scopeLabel =
    kind === 'region'
      ? regionName(key)
      : kind === 'shelter'
        ? (summaries.find((s) => s.serviceId === key)?.name ?? '')
        : t('dashboard.scope.all');
  const summary = t('dashboard.chartSummary', {
    scope: scopeLabel,
    first: first.occupied,
    from: first.day,
    last: last.occupied,
    to: last.day,
    beds: last.inService,
    waiting: last.waitlist,
  });
  const LINES = [
    ['occupied', '#0b5c8c', undefined],
    ['inService', '#1f7a3a', '6 4'],
    ['waitlist', '#b25f00', '2 3'],
  ] as const;

  return (
    <section className="dashboard-chart" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('dashboard.chart')}</h2>
      <div className="filters">
        <LabelledControl label={t('dashboard.scope')}>
          {(id) => (
            <select id={id} value={scope} onChange={(e) => setScope(e.target.value)}>
              <option value="all">{t('dashboard.scope.all')}</option>
              <optgroup label={t('dashboard.regions')}>
                {regions.map((r) => (
                  <option key={r} value={`region:${r}`}>
                    {regionName(r)}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t('dashboard.shelters')}>
                {shelters.map((s) => (
                  <option key={s.serviceId} value={`shelter:${s.serviceId}`}>
                    {s.name}
                  </option>
                ))}
              </optgroup>
            </select>
          )}
        </LabelledControl>
        <LabelledControl label={t('dashboard.period')}>
          {(id) => (
            <select id={id} value={days} onChange={(e) => setDays(Number(e.target.value))}>
              {PERIODS.map((d) => (
                <option key={d} value={d}>
                  {t('dashboard.days', { days: d })}
                </option>
              ))}
            </select>
          )}
        </LabelledControl>
      </div>
      <div
        className="chart"
        role="img"
        aria-label={`${t('dashboard.chart')} — ${scopeLabel}`}
        aria-describedby={summaryId}
      >
        <ResponsiveContainer width="100%" height={300}>
          <LineChart
            data={data}
            margin={{ top: 16, right: rtl ? 0 : 24, bottom: 8, left: rtl ? 24 : 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="#d8dde6" />
            <XAxis dataKey="day" reversed={rtl} />
            <YAxis allowDecimals={false} orientation={rtl ? 'right' : 'left'} />
            <Tooltip />
            <Legend />
            {LINES.map(([k, color, dash]) => (
              <Line
                key={k}
                type="stepAfter"
                dataKey={k}
                name={t(`dashboard.series.${k}`)}
                stroke={color}
                strokeWidth={k === 'occupied' ? 3 : 2}
                strokeDasharray={dash}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <p className="muted" id={summaryId}>
        {summary}
      </p>
      <details>
        <summary>{t('dashboard.chartData')}</summary>
        <table className="service-table">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.day')}</th>
              {LINES.map(([k]) => (
                <th key={k} scope="col">
                  {t(`dashboard.series.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.map((p) => (
              <tr key={p.at}>
                <th scope="row">{p.day}</th>
                <td>{p.occupied}</td>
                <td>{p.inService}</td>
                <td>{p.waitlist}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
};

/** Response delay per urgency: median and 90th percentile against the deadline, as a table. */
import { useId } from 'react';
import type { ShownDelay } from '@shared/domain/statistics/aggregate';
import { useLocale, useT } from '../../app/i18n';
import { Figure } from './StatTableView';

export const DelaysSection = ({
  rows,
  caption,
  threshold,
}: {
  rows: readonly ShownDelay[];
  caption: string;
  threshold: number;
}) => {
  const t = useT();
  const { intlLocale } = useLocale();
  const id = useId();
  const hours = (h: number | null) =>
    h === null ? '—' : t('statistics.hours', { n: Math.round(h).toLocaleString(intlLocale) });
  const pct = new Intl.NumberFormat(intlLocale, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <section className="stat-section" aria-labelledby={id}>
      <h2 id={id}>{t('statistics.delays.title')}</h2>
      <table className="stat-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('statistics.delays.urgency')}</th>
            <th scope="col">{t('statistics.delays.deadline')}</th>
            <th scope="col">{t('statistics.delays.answered')}</th>
            <th scope="col">{t('statistics.delays.median')}</th>
            <th scope="col">{t('statistics.delays.p90')}</th>
            <th scope="col">{t('statistics.delays.within')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.urgency}>
              <th scope="row">{t(`referrals.urgency.${r.urgency}`)}</th>
              <td>{hours(r.deadlineHours)}</td>
              <td>
                <Figure value={r.answered} threshold={threshold} />
              </td>
              <td>{hours(r.medianHours)}</td>
              <td>{hours(r.p90Hours)}</td>
              <td>{r.withinShare === null ? '—' : pct.format(r.withinShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};

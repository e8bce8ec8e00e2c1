/**
 * Screenings on the statistics screen (issue 16): how many, how many led to a referral, by
 * suggestion and by indicator group, each as a bar chart with the same figures in a table
 * beside it. The figures come suppressed (`shownScreenings`): small cells read "< k", the cells
 * hidden with them "x", and neither is drawn in a chart.
 */
import { useCallback, useId } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { GROUPS, SUGGESTIONS } from '@shared/domain/screening/core';
import {
  SCREENING_OUTCOMES,
  type ScreeningLabels,
  type ShownScreenings,
} from '@shared/domain/statistics/screenings';
import type { Shown } from '@shared/domain/statistics/suppress';
import { figureText } from '@shared/domain/statistics/table';
import { useT } from '../../app/i18n';
import { useChartAxes } from './chartAxes';
import { COLOURS } from './labels';
import { Figure } from './StatTableView';

/** Labels of the screening tables, in the interface language (screen and files alike). */
export const useScreeningLabels = (threshold: number): ScreeningLabels => {
  const t = useT();
  const figure = useCallback(
    (s: Shown) => (typeof s === 'number' ? s : figureText(s, threshold, String)),
    [threshold],
  );
  return {
    suggestion: (s) => t(`statistics.screenings.s.${s}`),
    group: (g) => t(`screening.group.${g}`),
    outcome: (o) => t(`statistics.screenings.${o}`),
    suggestionTitle: t('statistics.screenings.suggestionHead'),
    groupTitle: t('statistics.screenings.groupHead'),
    total: t('statistics.total'),
    figure,
  };
};

type Line = { name: string; shown: readonly Shown[] };

const Chart = ({ lines, caption }: { lines: readonly Line[]; caption: string }) => {
  const t = useT();
  const axes = useChartAxes();
  const num = (s: Shown | undefined) => (typeof s === 'number' ? s : null);
  const data = lines.map((l) => {
    const point: Record<string, string | number | null> = { name: l.name };
    SCREENING_OUTCOMES.forEach((o, j) => (point[o] = num(l.shown[j])));
    return point;
  });
  return (
    <div
      className="stat-chart"
      role="img"
      aria-label={t('statistics.screenings.chart', { caption })}
    >
      <ResponsiveContainer width="100%" height={Math.max(200, 30 * lines.length + 90)}>
        <BarChart data={data} layout="vertical" margin={axes.margin}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis
            type="number"
            allowDecimals={false}
            reversed={axes.rtl}
            tickFormatter={axes.figure}
          />
          <YAxis type="category" dataKey="name" {...axes.categories(lines.map((l) => l.name))} />
          <Tooltip />
          <Legend />
          {SCREENING_OUTCOMES.map((o, k) => (
            <Bar
              key={o}
              dataKey={o}
              name={t(`statistics.screenings.${o}`)}
              stackId="a"
              fill={COLOURS[k % COLOURS.length]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
};

const Table = ({
  head,
  lines,
  total,
  caption,
  threshold,
}: {
  head: string;
  lines: readonly Line[];
  total: Line | null;
  caption: string;
  threshold: number;
}) => {
  const t = useT();
  const id = useId();
  const row = (l: Line) => (
    <>
      <th scope="row">
        <bdi>{l.name}</bdi>
      </th>
      {l.shown.map((s, j) => (
        <td key={j} className={j === l.shown.length - 1 ? 'stat-total' : undefined}>
          <Figure value={s} threshold={threshold} />
        </td>
      ))}
    </>
  );
  return (
    <table className="stat-table" aria-labelledby={id}>
      <caption id={id}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          {SCREENING_OUTCOMES.map((o) => (
            <th key={o} scope="col">
              {t(`statistics.screenings.${o}`)}
            </th>
          ))}
          <th scope="col">{t('statistics.total')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.name}>{row(l)}</tr>
        ))}
      </tbody>
      {total && (
        <tfoot>
          <tr>{row(total)}</tr>
        </tfoot>
      )}
    </table>
  );
};

export const ScreeningsSection = ({
  shown,
  locked,
  caption,
  groupsCaption,
}: {
  shown: ShownScreenings | null;
  locked: boolean;
  caption: string;
  groupsCaption: string;
}) => {
  const t = useT();
  const id = useId();
  const labels = useScreeningLabels(shown?.threshold ?? 11);
  const body = () => {
    if (locked) return <p className="notice">{t('statistics.screenings.locked')}</p>;
    if (!shown) return <p role="status">{t('statistics.loading')}</p>;
    if (!shown.placed) return <p className="muted">{t('statistics.screenings.noDistrict')}</p>;
    if (shown.records === 0) return <p className="muted">{t('statistics.screenings.none')}</p>;
    if (shown.withheld) return <p className="notice">{t('statistics.withheld')}</p>;
    const bySuggestion = SUGGESTIONS.map((s, i) => ({
      name: labels.suggestion(s),
      shown: shown.bySuggestion[i]!,
    }));
    const byGroup = GROUPS.map((g, i) => ({ name: labels.group(g), shown: shown.byGroup[i]! }));
    return (
      <>
        <div className="stat-figure">
          <Chart lines={bySuggestion} caption={caption} />
          <Table
            head={labels.suggestionTitle}
            lines={bySuggestion}
            total={{ name: labels.total, shown: shown.bySuggestion.at(-1)! }}
            caption={caption}
            threshold={shown.threshold}
          />
        </div>
        <div className="stat-figure">
          <Chart lines={byGroup} caption={groupsCaption} />
          <Table
            head={labels.groupTitle}
            lines={byGroup}
            total={null}
            caption={groupsCaption}
            threshold={shown.threshold}
          />
        </div>
      </>
    );
  };
  return (
    <section className="stat-section" aria-labelledby={id}>
      <h2 id={id}>{t('statistics.screenings.title')}</h2>
      <p className="muted">{t('statistics.screenings.intro')}</p>
      {body()}
    </section>
  );
};

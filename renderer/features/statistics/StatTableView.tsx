/**
 * One statistics table: a bar chart and, beside it, the same figures as a table (the chart is
 * an image with a one-line description for screen readers). Small cells read "< k", the cells
 * hidden with them "x"; both are left out of the chart rather than drawn at a made-up height.
 */
import { useId, useMemo } from 'react';
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
import type { Shown } from '@shared/domain/statistics/suppress';
import { figureText, isTwoWay, type StatTable } from '@shared/domain/statistics/table';
import { useLocale, useT } from '../../app/i18n';
import { useChartAxes } from './chartAxes';
import { COLOURS, dimensionLabel, useValueLabel } from './labels';

export const Figure = ({ value, threshold }: { value: Shown; threshold: number }) => {
  const t = useT();
  // The digits the user chose (Arabic-Indic or not), as everywhere else in the interface.
  const { intlLocale } = useLocale();
  const text = figureText(value, threshold, (n) => n.toLocaleString(intlLocale));
  // Isolated left to right: in Arabic "< 11" would otherwise read "11 >".
  if (value === 'small')
    return (
      <abbr className="stat-small" dir="ltr" title={t('statistics.smallLabel', { k: threshold })}>
        {text}
      </abbr>
    );
  if (value === 'hidden')
    return (
      <abbr className="stat-hidden" title={t('statistics.hiddenLabel')}>
        {text}
      </abbr>
    );
  return <>{text}</>;
};

export const StatTableView = ({ table, caption }: { table: StatTable; caption: string }) => {
  const t = useT();
  const axes = useChartAxes();
  const label = useValueLabel();
  const titleId = useId();
  const two = isTwoWay(table);
  const lastRow = table.shown.length - 1;
  const lastCol = table.colKeys.length;
  const num = (s: Shown | undefined) => (typeof s === 'number' ? s : null);
  const data = useMemo(
    () =>
      table.rowKeys.map((r, i) => {
        // A row whose total is hidden says so on its axis label, rather than drawing nothing.
        const total = table.shown[i]!.at(-1)!;
        const name = label(table.rows, r);
        const point: Record<string, string | number | null> = {
          name:
            typeof total === 'number'
              ? name
              : `${name} (${axes.isolate(figureText(total, table.threshold, axes.figure))})`,
        };
        if (two) table.colKeys.forEach((c, j) => (point[c] = num(table.shown[i]![j])));
        else point.value = num(table.shown[i]![0]);
        return point;
      }),
    [table, two, label, axes],
  );
  if (table.withheld) return <p className="notice">{t('statistics.withheld')}</p>;
  if (table.rowKeys.length === 0) return <p className="muted">{t('statistics.empty')}</p>;
  const series = two ? table.colKeys : ['value'];
  return (
    <div className="stat-figure">
      <div className="stat-chart" role="img" aria-label={t('statistics.chart', { caption })}>
        <ResponsiveContainer width="100%" height={Math.max(220, 28 * table.rowKeys.length + 80)}>
          <BarChart data={data} layout="vertical" margin={axes.margin}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis
              type="number"
              allowDecimals={false}
              reversed={axes.rtl}
              tickFormatter={axes.figure}
            />
            <YAxis
              type="category"
              dataKey="name"
              {...axes.categories(data.map((d) => String(d.name)))}
            />
            <Tooltip />
            {two && <Legend />}
            {series.map((s, k) => (
              <Bar
                key={s}
                dataKey={s}
                name={two ? label(table.cols, s) : caption}
                stackId="a"
                fill={COLOURS[k % COLOURS.length]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="stat-table" aria-labelledby={titleId}>
        <caption id={titleId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{table.rows ? dimensionLabel(t, table.rows) : ''}</th>
            {two &&
              table.colKeys.map((c) => (
                <th key={c} scope="col">
                  {label(table.cols, c)}
                </th>
              ))}
            <th scope="col">{t('statistics.total')}</th>
          </tr>
        </thead>
        <tbody>
          {table.rowKeys.map((r, i) => (
            <tr key={r}>
              <th scope="row">
                <bdi>{label(table.rows, r)}</bdi>
              </th>
              {two &&
                table.colKeys.map((c, j) => (
                  <td key={c}>
                    <Figure value={table.shown[i]![j]!} threshold={table.threshold} />
                  </td>
                ))}
              <td className="stat-total">
                <Figure value={table.shown[i]![lastCol]!} threshold={table.threshold} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('statistics.total')}</th>
            {two &&
              table.colKeys.map((c, j) => (
                <td key={c}>
                  <Figure value={table.shown[lastRow]![j]!} threshold={table.threshold} />
                </td>
              ))}
            <td className="stat-total">
              <Figure value={table.shown[lastRow]![lastCol]!} threshold={table.threshold} />
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
};

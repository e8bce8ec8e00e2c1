/**
 * Export buttons under the statistics table: the table as CSV or XLSX, the PDF report (title
 * page with office, period and suppression rule, then charts and tables), in the interface
 * language. Only suppressed figures reach a file.
 */
import { useState } from 'react';
import type { ShownDelay } from '@shared/domain/statistics/aggregate';
import {
  barsOf,
  bedRows,
  delayRows,
  tableRows,
  type Cell,
  type Labels,
  type ReportSection,
} from '@shared/domain/statistics/export';
import { htcdsTable } from '@shared/domain/statistics/htcds';
import { screeningRows, type ShownScreenings } from '@shared/domain/statistics/screenings';
import type { StatTable } from '@shared/domain/statistics/table';
import { isRtl } from '@shared/i18n/define';
import { useData, useOffice } from '../../app/data';
import { useLocale, useT } from '../../app/i18n';
import { regionName } from '../directory/useDirectory';
import {
  htcdsCsv,
  htcdsXlsx,
  reportHtml,
  saveStatistics,
  statisticsCsv,
  statisticsXlsx,
} from './files';
import { dimensionLabel, useAreaLabel, usePeriodLabel, useValueLabel } from './labels';
import { useScreeningLabels } from './ScreeningsSection';

export type ScreeningExport = { shown: ShownScreenings; caption: string; groupsCaption: string };

export const ExportPanel = ({
  table,
  caption,
  delays,
  screenings,
  bedRegion,
}: {
  table: StatTable;
  caption: string;
  delays: readonly ShownDelay[] | null;
  /** The screenings' figures, suppressed, as the screen shows them (null: none to add). */
  screenings: ScreeningExport | null;
  /** Beds of this region only (the area's region), or of all. */
  bedRegion: string | null;
}) => {
  const t = useT();
  const { locale } = useLocale();
  const { repos } = useData();
  const office = useOffice();
  const value = useValueLabel();
  const periodLabel = usePeriodLabel();
  const areaLabel = useAreaLabel();
  const [status, setStatus] = useState('');
  const number = (n: number) => n.toLocaleString(locale);
  const labels: Labels = {
    value,
    dimension: (d) => dimensionLabel(t, d),
    total: t('statistics.total'),
    format: number,
  };
  const rule = t('statistics.rule', { k: table.threshold });
  const preamble = [t('statistics.title'), office.officeName, caption, rule];
  const stem = `statistiques-${office.officeCode}-${table.range.from}-${table.range.to}`;
  const detail = `${table.range.from}..${table.range.to} ${JSON.stringify(table.area)} ${table.rows ?? ''}×${table.cols ?? ''} ${table.measure} k=${table.threshold}`;
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const screeningLabels = useScreeningLabels(table.threshold);
  /** The screenings' two tables, when they can be placed in the area and hold figures. */
  const screeningTables = () => {
    const s = screenings?.shown;
    if (!screenings || !s || !s.placed || s.records === 0 || s.withheld) return null;
    return { ...screeningRows(s, screeningLabels), ...screenings };
  };
  /** CSV and XLSX: the table, then the screenings' tables, each under its caption. */
  const fileRows = (): Cell[][] => {
    const rows = tableRows(table, labels);
    const s = screeningTables();
    if (!s) return rows;
    return [...rows, [], [s.caption], ...s.bySuggestion, [], [s.groupsCaption], ...s.byGroup];
  };
  const hours = (h: number | null) =>
    h === null ? '—' : t('statistics.hours', { n: Math.round(h) });

  const report = async () => {
    const beds = (await repos.statistics.beds(table.range)).filter(
      (r) => !bedRegion || r.region === bedRegion,
    );
    const sections: ReportSection[] = [
      {
        title: caption,
        caption,
        rows: tableRows(table, labels),
        bars: barsOf(table, labels),
        totals: true,
      },
    ];
    if (delays)
      sections.push({
        title: t('statistics.delays.title'),
        caption: t('statistics.delays.caption', {
          period: periodLabel(table.period),
          area: areaLabel(table.area),
        }),
        rows: delayRows(
          delays,
          [
            t('statistics.delays.urgency'),
            t('statistics.delays.deadline'),
            t('statistics.delays.answered'),
            t('statistics.delays.median'),
            t('statistics.delays.p90'),
            t('statistics.delays.within'),
          ],
          (u) => t(`referrals.urgency.${u}` as Parameters<typeof t>[0]),
          hours,
          (s) => (s === null ? '—' : pct.format(s)),
          table.threshold,
        ),
        bars: [],
      });
    const s = screeningTables();
    if (s)
      sections.push(
        {
          title: t('statistics.screenings.title'),
          caption: s.caption,
          rows: s.bySuggestion,
          totals: true,
          bars: s.bySuggestion.slice(1, -1).map((r, i) => {
            const total = s.shown.bySuggestion[i]!.at(-1)!;
            return {
              label: String(r[0]),
              value: typeof total === 'number' ? total : null,
              text: typeof total === 'number' ? number(total) : String(r.at(-1)),
            };
          }),
        },
        {
          title: t('statistics.screenings.groupHead'),
          caption: s.groupsCaption,
          rows: s.byGroup,
          bars: s.byGroup.slice(1).map((r, i) => {
            const total = s.shown.byGroup[i]!.at(-1)!;
            return {
              label: String(r[0]),
              value: typeof total === 'number' ? total : null,
              text: typeof total === 'number' ? number(total) : String(r.at(-1)),
            };
          }),
        },
      );
    if (beds.length > 0)
      sections.push({
        title: t('statistics.beds.title'),
        caption: `${t('statistics.beds.caption', {
          period: periodLabel(table.period),
          shelters: beds.reduce((n, r) => n + r.shelters, 0),
        })} ${t('statistics.beds.rule')}`,
        rows: bedRows(
          beds,
          [
            t('statistics.beds.region'),
            t('statistics.beds.shelters'),
            t('statistics.beds.occupancy'),
            t('statistics.beds.daysFull'),
            t('statistics.beds.stale'),
          ],
          (c) => (c.includes('-') ? regionName(c) : t('statistics.value.unknown')),
          (s) => pct.format(s),
        ),
        bars: [],
      });
    return reportHtml({
      lang: locale,
      dir: isRtl(locale) ? 'rtl' : 'ltr',
      title: t('statistics.report.title'),
      facts: [
        t('statistics.report.office', { office: office.officeName }),
        t('statistics.report.period', { period: periodLabel(table.period) }),
        t('statistics.report.area', { area: areaLabel(table.area) }),
        t('statistics.report.generated', {
          date: new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date()),
        }),
      ],
      ruleTitle: t('statistics.report.ruleTitle'),
      rule,
      sections,
    });
  };

  const run = async (format: 'csv' | 'xlsx' | 'pdf') => {
    try {
      const rows = fileRows();
      const out = await saveStatistics(repos, format, stem, detail, () =>
        format === 'csv'
          ? statisticsCsv(preamble, rows)
          : format === 'xlsx'
            ? statisticsXlsx(preamble, rows, t('nav.statistics'))
            : report(),
      );
      if (out.saved) setStatus(t('statistics.export.done', { name: out.fileName }));
    } catch {
      setStatus(t('statistics.export.failed'));
    }
  };

  /** The whole office's referrals, de-identified: not limited to the table's period or area. */
  const runHtcds = async (format: 'htcds-csv' | 'htcds-xlsx') => {
    try {
      const e = await repos.statistics.htcds();
      const htcdsRule = t('statistics.htcds.rule', {
        k: e.k,
        generalised: e.generalised,
        withheld: e.withheld,
      });
      const out = await saveStatistics(
        repos,
        format,
        `htcds-${office.officeCode}-${new Date().toISOString().slice(0, 10)}`,
        `rows=${e.rows.length} generalised=${e.generalised} withheld=${e.withheld} k=${e.k}`,
        () =>
          format === 'htcds-csv'
            ? htcdsCsv(htcdsRule, htcdsTable(e))
            : htcdsXlsx(htcdsRule, htcdsTable(e)),
      );
      if (out.saved) setStatus(t('statistics.export.done', { name: out.fileName }));
    } catch {
      setStatus(t('statistics.export.failed'));
    }
  };

  return (
    <div className="stat-export" role="group" aria-label={t('statistics.export.title')}>
      <button type="button" className="button" onClick={() => void run('csv')}>
        {t('statistics.export.csv')}
      </button>
      <button type="button" className="button" onClick={() => void run('xlsx')}>
        {t('statistics.export.xlsx')}
      </button>
      <button type="button" className="button" onClick={() => void run('pdf')}>
        {t('statistics.export.pdf')}
      </button>
      <button type="button" className="button" onClick={() => void runHtcds('htcds-csv')}>
        {t('statistics.export.htcdsCsv')}
      </button>
      <button type="button" className="button" onClick={() => void runHtcds('htcds-xlsx')}>
        {t('statistics.export.htcdsXlsx')}
      </button>
      <p className="muted">{t('statistics.export.audited')}</p>
      <p role="status">{status}</p>
    </div>
  );
};

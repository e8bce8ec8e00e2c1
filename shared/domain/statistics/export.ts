/**
 * Statistics as files: rows for CSV and XLSX, and a printable HTML report (title page, then
 * each table with its bar chart) that Chromium prints to PDF like a letter. Only suppressed
 * tables come in (`StatTable`), so no file can hold a small cell; labels come translated from
 * the caller, so every file is in the interface language.
 */
import Papa from 'papaparse';
import { neutralise } from '../exchange/text';
import { escapeHtml } from '../letters/html';
import type { ShownDelay } from './aggregate';
import { averageOccupancy, type BedRegion } from './beds';
import type { DimensionId } from './facts';
import type { Shown } from './suppress';
import { figureText, isTwoWay, type StatTable } from './table';

export type Labels = {
  value: (dim: DimensionId | null, value: string) => string;
  dimension: (dim: DimensionId) => string;
  total: string;
  format: (n: number) => string;
};

export type Cell = string | number;

/** The table as rows: header, one row per value, the totals row. Figures stay numbers. */
export const tableRows = (t: StatTable, labels: Labels): Cell[][] => {
  const two = isTwoWay(t);
  const lastCol = t.colKeys.length;
  const fig = (s: Shown): Cell => (typeof s === 'number' ? s : figureText(s, t.threshold, String));
  const line = (i: number): Cell[] => [
    ...(two ? t.colKeys.map((_, j) => fig(t.shown[i]![j]!)) : []),
    fig(t.shown[i]![lastCol]!),
  ];
  const header: Cell[] = [
    t.rows ? labels.dimension(t.rows) : '',
    ...(two ? t.colKeys.map((c) => labels.value(t.cols, c)) : []),
    labels.total,
  ];
  return [
    header,
    ...t.rowKeys.map((r, i) => [labels.value(t.rows, r), ...line(i)]),
    [labels.total, ...line(t.shown.length - 1)],
  ];
};

/** Lines above the table: what it counts, period, area, records, the suppression rule. */
export type Preamble = readonly string[];

/** CSV (UTF-8 with BOM, for Excel): the preamble, a blank line, the table; formula-safe. */
export const statisticsCsv = (preamble: Preamble, rows: readonly Cell[][]): string =>
  '\uFEFF' +
  Papa.unparse(
    [...preamble.map((l) => [l]), [], ...rows].map((r) =>
      r.map((c) => (typeof c === 'number' ? String(c) : neutralise(c))),
    ),
    { newline: '\r\n' },
  );

export type ReportSection = {
  title: string;
  caption: string;
  rows: Cell[][];
  /** The last row is a totals row (printed bold). */
  totals?: boolean;
  /** A bar per row (the row total), when the section has a chart. */
  bars?: { label: string; value: number | null; text: string }[];
};

export type ReportModel = {
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  /** Title-page lines: office, period, area, date. */
  facts: readonly string[];
  ruleTitle: string;
  rule: string;
  sections: readonly ReportSection[];
};

/** Bars of a table's row totals, for the report's chart (hidden figures drawn as none). */
export const barsOf = (t: StatTable, labels: Labels): NonNullable<ReportSection['bars']> =>
  t.rowKeys.map((r, i) => {
    const s = t.shown[i]!.at(-1)!;
    return {
      label: labels.value(t.rows, r),
      value: typeof s === 'number' ? s : null,
      text: figureText(s, t.threshold, labels.format),
    };
  });

/** A horizontal bar chart as inline SVG: no script, no remote resource. */
const svgBars = (bars: NonNullable<ReportSection['bars']>, rtl: boolean): string => {
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const rowH = 18;
  const labelW = 190;
  const barW = 380;
  const h = bars.length * rowH + 8;
  const rows = bars
    .map((b, i) => {
      const y = i * rowH + 4;
      const w = b.value === null ? 0 : (b.value / max) * barW;
      const x = rtl ? barW - w : labelW;
      const labelX = rtl ? barW + labelW - 4 : labelW - 6;
      const textX = rtl ? x - 4 : x + w + 4;
      return (
        `<text x="${labelX}" y="${y + 12}" text-anchor="end" class="l">${escapeHtml(b.label)}</text>` +
        `<rect x="${rtl ? x : labelW}" y="${y + 2}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="#0b5c8c"/>` +
        `<text x="${textX}" y="${y + 12}" text-anchor="${rtl ? 'end' : 'start'}" class="v">${escapeHtml(b.text)}</text>`
      );
    })
    .join('');
  return `<svg class="chart" role="img" xmlns="http://www.w3.org/2000/svg" width="${labelW + barW + 60}" height="${h}" viewBox="0 0 ${labelW + barW + 60} ${h}">${rows}</svg>`;
};

const htmlTable = (rows: readonly Cell[][], caption: string, totals: boolean): string => {
  const [head, ...body] = rows;
  const cell = (c: Cell, tag: string) =>
    `<${tag}${typeof c === 'number' ? ' class="n"' : ''}>${escapeHtml(String(c))}</${tag}>`;
  return (
    `<table${totals ? ' class="totals"' : ''}><caption>${escapeHtml(caption)}</caption>` +
    `<thead><tr>${(head ?? []).map((c) => cell(c, 'th')).join('')}</tr></thead><tbody>` +
    body
      .map((r) => `<tr>${r.map((c, i) => cell(c, i === 0 ? 'th' : 'td')).join('')}</tr>`)
      .join('') +
    '</tbody></table>'
  );
};

const CSS = `
@page { size: A4; margin: 16mm 15mm; }
body { font-family: 'Noto Sans', 'Noto Sans Arabic', 'DejaVu Sans', sans-serif; font-size: 9.5pt; color: #111; }
.title-page { break-after: page; padding-block-start: 40mm; }
.title-page h1 { font-size: 20pt; margin-block-end: 10mm; }
.title-page p { font-size: 12pt; margin: 2mm 0; }
.rule { margin-block-start: 14mm; border: 1px solid #888; padding: 4mm; }
.rule h2 { font-size: 11pt; margin: 0 0 2mm; }
section { break-inside: avoid; margin-block-end: 10mm; }
h2 { font-size: 12pt; }
table { border-collapse: collapse; margin-block-start: 3mm; }
caption { text-align: start; font-style: italic; padding-block-end: 2mm; }
th, td { border: 1px solid #999; padding: 1mm 2.5mm; text-align: start; }
td.n, th.n { text-align: end; font-variant-numeric: tabular-nums; }
thead th { background: #eef1f4; }
table.totals tbody tr:last-child th, table.totals tbody tr:last-child td { font-weight: 700; }
.chart text { font-size: 11px; font-family: inherit; }
.chart .v { fill: #333; }
`;

export const reportHtml = (m: ReportModel): string => {
  const sections = m.sections
    .map(
      (s) =>
        `<section><h2>${escapeHtml(s.title)}</h2>` +
        (s.bars && s.bars.length > 0 ? svgBars(s.bars, m.dir === 'rtl') : '') +
        htmlTable(s.rows, s.caption, s.totals ?? false) +
        '</section>',
    )
    .join('');
  return (
    `<!doctype html><html lang="${escapeHtml(m.lang)}" dir="${m.dir}"><head><meta charset="utf-8">` +
    `<title>${escapeHtml(m.title)}</title><style>${CSS}</style></head><body>` +
    `<div class="title-page"><h1>${escapeHtml(m.title)}</h1>` +
    m.facts.map((f) => `<p>${escapeHtml(f)}</p>`).join('') +
    `<div class="rule"><h2>${escapeHtml(m.ruleTitle)}</h2><p>${escapeHtml(m.rule)}</p></div></div>` +
    sections +
    '</body></html>'
  );
};

/** The delays table as rows (already suppressed by `shownDelays`). */
export const delayRows = (
  rows: readonly ShownDelay[],
  head: readonly string[],
  urgency: (u: string) => string,
  hours: (h: number | null) => string,
  share: (s: number | null) => string,
  threshold: number,
): Cell[][] => [
  [...head],
  ...rows.map((r) => [
    urgency(r.urgency),
    hours(r.deadlineHours),
    typeof r.answered === 'number' ? r.answered : `< ${threshold}`,
    hours(r.medianHours),
    hours(r.p90Hours),
    share(r.withinShare),
  ]),
];

export const bedRows = (
  regions: readonly BedRegion[],
  head: readonly string[],
  region: (code: string) => string,
  share: (s: number) => string,
): Cell[][] => [
  [...head],
  ...regions.map((r) => {
    const occupancy = averageOccupancy(r);
    return [
      region(r.region),
      r.shelters,
      occupancy === null ? '—' : share(occupancy),
      r.daysFull,
      share(r.staleShare),
    ];
  }),
];

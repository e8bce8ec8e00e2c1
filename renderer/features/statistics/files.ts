/**
 * Statistics files through the platform: CSV and XLSX saved as files, the PDF report printed by
 * Chromium (Electron's printToPDF; the browser's print dialog), like letters. Every export is
 * recorded in the audit trail by the repository before the file is handed out.
 */
import writeXlsxFile from 'write-excel-file/browser';
import { neutralise } from '@shared/domain/exchange/text';
import {
  reportHtml,
  statisticsCsv,
  type Cell,
  type ReportModel,
} from '@shared/domain/statistics/export';
import type { Repositories } from '../../app/repositories';
import { platform } from '../../platform';
import type { ExportFormat } from '../../data/repositories/statistics';
import { MIME } from '../exchange/files';

/**
 * XLSX: text cells are typed text (format "@", never read as formulas) and neutralised
 * besides; figures stay numbers. The preamble says what the table is and the rule applied.
 */
export const statisticsXlsx = async (
  preamble: readonly string[],
  rows: readonly Cell[][],
  sheet: string,
): Promise<Uint8Array<ArrayBuffer>> => {
  const text = (s: string) => ({ value: neutralise(s), type: String, format: '@' });
  const data = [
    ...preamble.map((l) => [text(l)]),
    [null],
    ...rows.map((r) =>
      r.map((c) => (typeof c === 'number' ? { value: c, type: Number } : text(c))),
    ),
  ];
  const blob = await writeXlsxFile(data, { sheet }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
};

/** HTCDS as CSV: the rule on a first comment line, then the standard's header and rows. */
export const htcdsCsv = (rule: string, table: readonly string[][]): string =>
  `\uFEFF# ${rule.replace(/[\r\n]+/g, ' ')}\r\n` +
  table.map((r) => r.map((c) => csvField(neutralise(c))).join(',')).join('\r\n');

const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** HTCDS as XLSX: the data sheet as the standard names it, and a sheet stating the rule. */
export const htcdsXlsx = async (
  rule: string,
  table: readonly string[][],
): Promise<Uint8Array<ArrayBuffer>> => {
  const text = (s: string) => ({ value: neutralise(s), type: String, format: '@' });
  const blob = await writeXlsxFile([
    { data: table.map((r) => r.map(text)), sheet: 'htcds' },
    { data: [[text(rule)]], sheet: 'rule' },
  ]).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
};

export type Saved = { saved: boolean; fileName: string };

export const saveStatistics = async (
  repos: Repositories,
  format: ExportFormat,
  stem: string,
  detail: string,
  make: () => Promise<string | Uint8Array<ArrayBuffer>> | string,
): Promise<Saved> => {
  const ext = format === 'htcds-csv' ? 'csv' : format === 'htcds-xlsx' ? 'xlsx' : format;
  const fileName = `${stem}.${ext}`;
  const data = await make();
  // Audited first: a file that left the machine is in the trail even if saving then fails.
  await repos.statistics.recordExport(format, `${fileName} ${detail}`);
  const result =
    format === 'pdf'
      ? await platform().printToPdf({ html: String(data), suggestedName: fileName })
      : await platform().saveFile({
          suggestedName: fileName,
          mimeType: ext === 'csv' ? MIME.csv : MIME.xlsx,
          data,
        });
  // The browser's print dialog cannot say whether a file was made; the report counts as handed
  // over (the export is already audited above).
  const saved = result.saved || ('sentToPrint' in result && result.sentToPrint === true);
  return { saved, fileName };
};

export { reportHtml, statisticsCsv, type ReportModel };

/**
 * The import pipeline of one file, whatever its format: envelope (size, encoding, zip limits)
 * → read rows or HSDS items → drafts → guard (validate.ts). Runs in the import worker in the
 * app and directly in tests; XLSX reading is passed in because its library differs between the
 * browser and Node.
 */
import type { Delimiter } from './csv';
import { parseCsv } from './csv';
import type { Mapping } from './flat';
import { flatColumnOf, flatRowsToDrafts } from './flat';
import { headerSignature, suggestMapping } from './mapping';
import { hsdsColumn } from './hsdsColumns';
import { readHsdsItems } from './hsdsRead';
import { ExchangeError, LIMITS, checkSize } from './limits';
import { csvToObjects, tablesToServices } from './tabular';
import type { EncodingChoice } from './text';
import { decodeText, decodeUtf8Strict, isRecord, safeJsonParse } from './text';
import type { ImportContext, ImportFormat, ImportPlan, ProgressFn } from './types';
import { buildPlan } from './validate';
import { baseName, isZip, safeUnzip } from './zip';

export type InputFile = { name: string; bytes: Uint8Array };
export type ReadSheet = (bytes: Uint8Array) => Promise<unknown[][]>;

export type FlatOptions = { encoding: EncodingChoice; delimiter?: Delimiter };

export const detectFormat = (files: readonly InputFile[]): ImportFormat => {
  if (files.length > 1) return 'hsds-package';
  const f = files[0];
  if (!f) throw new ExchangeError('empty');
  const ext = f.name.toLowerCase().split('.').pop() ?? '';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'json') return 'hsds-json';
  if (ext === 'zip') return 'hsds-package';
  if (['csv', 'tsv', 'txt'].includes(ext)) return 'csv';
  if (isZip(f.bytes)) return 'xlsx';
  throw new ExchangeError('unknownFormat', { name: f.name });
};

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return typeof v === 'string' ? v : '';
};

export type FlatTable = {
  header: string[];
  rows: { row: number; cells: string[] }[];
  encoding?: string;
  delimiter?: string;
  problems: { row: number; code: string }[];
};

/** Header and rows of a CSV or the first sheet of an XLSX, limits checked. */
export const readFlat = async (
  file: InputFile,
  format: 'csv' | 'xlsx',
  opts: FlatOptions,
  readSheet: ReadSheet,
): Promise<FlatTable> => {
  checkSize(file.bytes.length);
  if (format === 'csv') {
    const { text, encoding } = decodeText(file.bytes, opts.encoding);
    return { ...parseCsv(text, opts.delimiter), encoding };
  }
  if (!isZip(file.bytes)) throw new ExchangeError('xlsxInvalid');
  // An XLSX is a zip: inflate-and-count first, so a bomb never reaches the spreadsheet reader.
  safeUnzip(file.bytes, () => false);
  let sheet: unknown[][];
  try {
    sheet = await readSheet(file.bytes);
  } catch {
    throw new ExchangeError('xlsxInvalid');
  }
  const start = sheet.findIndex((r) => r.some((c) => cellText(c).trim() !== ''));
  if (start < 0) throw new ExchangeError('empty');
  if (sheet.length > LIMITS.rows + start + 1)
    throw new ExchangeError('tooManyRows', { limit: LIMITS.rows });
  const header = sheet[start]!.map((c) => cellText(c).trim());
  if (header.length > LIMITS.columns)
    throw new ExchangeError('tooManyColumns', { limit: LIMITS.columns });
  const rows = sheet
    .slice(start + 1)
    .map((r, i) => ({ row: start + i + 2, cells: r.map(cellText) }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  return { header, rows, problems: [] };
};

export type FlatPreview = {
  header: string[];
  preview: string[][];
  rowCount: number;
  signature: string;
  suggested: Mapping;
  encoding?: string;
  delimiter?: string;
};

export const previewFlat = (t: FlatTable): FlatPreview => ({
  header: t.header,
  preview: t.rows.slice(0, 5).map((r) => r.cells),
  rowCount: t.rows.length,
  signature: headerSignature(t.header),
  suggested: suggestMapping(t.header),
  ...(t.encoding ? { encoding: t.encoding } : {}),
  ...(t.delimiter ? { delimiter: t.delimiter } : {}),
});

export const planFlat = (
  t: FlatTable,
  name: string,
  format: 'csv' | 'xlsx',
  mapping: Mapping,
  ctx: ImportContext,
  progress?: ProgressFn,
): ImportPlan => {
  const drafts = flatRowsToDrafts(t.rows, mapping, ctx);
  const issues = t.problems.map((p) => ({
    row: p.row,
    column: '',
    code: p.code,
    severity: 'error' as const,
  }));
  return buildPlan(
    drafts,
    {
      name,
      format,
      ...(t.encoding ? { encoding: t.encoding } : {}),
      ...(t.delimiter ? { delimiter: t.delimiter } : {}),
    },
    flatColumnOf(t.header, mapping),
    { rowsRead: t.rows.length, issues },
    progress,
  );
};

const planHsdsRoot = (
  root: unknown,
  name: string,
  format: ImportFormat,
  ctx: ImportContext,
  progress?: ProgressFn,
): ImportPlan => {
  const read = readHsdsItems(root, ctx);
  return buildPlan(read.drafts, { name, format }, hsdsColumn, read, progress);
};

/** tabular.json (file name → rows) is the data package as one JSON document. */
const isTabularJson = (root: unknown): root is Record<string, unknown[]> =>
  isRecord(root) &&
  Object.keys(root).length > 0 &&
  Object.entries(root).every(([k, v]) => k.endsWith('.csv') && Array.isArray(v));

const tablesOf = (files: Map<string, Uint8Array>) => {
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const [path, bytes] of files) {
    const file = baseName(path).toLowerCase();
    if (file.endsWith('.csv'))
      tables[file.slice(0, -4)] = csvToObjects(decodeText(bytes, 'auto').text);
  }
  if (!tables.services) throw new ExchangeError('notHsds');
  return tables;
};

export const planHsds = (
  files: readonly InputFile[],
  format: ImportFormat,
  ctx: ImportContext,
  progress?: ProgressFn,
): ImportPlan => {
  let total = 0;
  for (const f of files) checkSize((total += f.bytes.length));
  const name = files.length === 1 ? files[0]!.name : `${files.length} files`;
  if (format === 'hsds-json') {
    const root = safeJsonParse(decodeUtf8Strict(files[0]!.bytes));
    if (isTabularJson(root)) {
      const tables = Object.fromEntries(
        Object.entries(root).map(([k, v]) => [k.slice(0, -4), v.filter(isRecord)]),
      );
      return planHsdsRoot(tablesToServices(tables), name, format, ctx, progress);
    }
    return planHsdsRoot(root, name, format, ctx, progress);
  }
  const entries =
    files.length === 1 && isZip(files[0]!.bytes)
      ? safeUnzip(files[0]!.bytes, (p) => p.toLowerCase().endsWith('.csv'))
      : new Map(files.map((f) => [f.name, f.bytes]));
  return planHsdsRoot(tablesToServices(tablesOf(entries)), name, format, ctx, progress);
};

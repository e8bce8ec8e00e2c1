/**
 * The import pipeline of one file, whatever its format: envelope (size, encoding, zip limits)
 * → read rows or HSDS items → drafts → guard (validate.ts). Runs in the import worker in the
 * app and directly in tests; XLSX reading is passed in because its library differs between the
 * browser and Node.
 */
import type { Delimiter } from './csv';
import { parseCsv } from './csv';
import type { Mapping } from './flat';
import { columnName, flatColumnOf, flatRowReader, flatRowsToDrafts } from './flat';
import { headerSignature, suggestMapping } from './mapping';
import { hsdsColumn } from './hsdsColumns';
import { readHsdsItems } from './hsdsRead';
import { ExchangeError, LIMITS, checkSize } from './limits';
import { csvToObjects, tablesToServices } from './tabular';
import type { EncodingChoice } from './text';
import { decodeText, decodeUtf8Strict, isRecord, safeJsonParse } from './text';
import type { ImportContext, ImportFormat, ImportPlan, PlanPart, ProgressFn } from './types';
import { buildPlan, planBuilder } from './validate';
import { baseName, isZip, safeUnzip } from './zip';
import { sourceName } from './externalIds';
import type { Layout } from './layout';
import { cleanCell, fillMerges, findLayout } from './layout';
import type { ValueMap } from './valueMatch';
import { workbookMeta } from './xlsxMeta';
import { groupPresence } from './presence';
import { fileDuplicateFinder } from './fileDuplicates';

export type InputFile = { name: string; bytes: Uint8Array };
/** Every sheet of a workbook, in order, as the spreadsheet library reads it. */
export type ReadWorkbook = (bytes: Uint8Array) => Promise<{ name: string; data: unknown[][] }[]>;

export type FlatOptions = {
  encoding: EncodingChoice;
  delimiter?: Delimiter;
  /** Workbook sheet to read; the visible one with the most rows by default. */
  sheet?: string;
  /** Spreadsheet row number of the header, when the user corrects the one found. */
  headerRow?: number;
};

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

/** Date cells become ISO dates; numbers keep their digits (serial dates are read per field). */
const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return typeof v === 'string' ? v : '';
};

export type SheetInfo = { name: string; hidden: boolean; rows: number };

export type FlatTable = Layout & {
  encoding?: string;
  delimiter?: string;
  problems: { row: number; code: string }[];
  /** Every sheet of a workbook, hidden ones said so, and the one read. */
  sheets?: SheetInfo[];
  sheet?: string;
};

const checkShape = (l: Layout) => {
  if (!l.header.length) throw new ExchangeError('empty');
  if (l.header.length > LIMITS.columns)
    throw new ExchangeError('tooManyColumns', { limit: LIMITS.columns });
  if (l.rows.length > LIMITS.rows) throw new ExchangeError('tooManyRows', { limit: LIMITS.rows });
};
const clean = (cells: readonly unknown[]) => cells.map((c) => cleanCell(cellText(c)));

/** Header and rows of a CSV or of one sheet of an XLSX, layout found, limits checked. */
export const readFlat = async (
  file: InputFile,
  format: 'csv' | 'xlsx',
  opts: FlatOptions,
  readWorkbook: ReadWorkbook,
): Promise<FlatTable> => {
  checkSize(file.bytes.length);
  if (format === 'csv') {
    const { text, encoding } = decodeText(file.bytes, opts.encoding);
    const csv = parseCsv(text, opts.delimiter);
    const grid = [
      { row: csv.headerRow, cells: csv.header },
      ...csv.rows.map((r) => ({ row: r.row, cells: r.cells })),
    ].map((r) => ({ row: r.row, cells: clean(r.cells) }));
    const layout = findLayout(grid, opts.headerRow);
    checkShape(layout);
    return { ...layout, encoding, delimiter: csv.delimiter, problems: csv.problems };
  }
  if (!isZip(file.bytes)) throw new ExchangeError('xlsxInvalid');
  // An XLSX is a zip: inflate-and-count first, so a bomb never reaches the spreadsheet reader.
  const parts = safeUnzip(
    file.bytes,
    (p) =>
      p === 'xl/workbook.xml' ||
      p === 'xl/_rels/workbook.xml.rels' ||
      p.startsWith('xl/worksheets/sheet'),
  );
  const meta = workbookMeta(parts);
  parts.clear();
  let book: { name: string; data: unknown[][] }[];
  try {
    book = await readWorkbook(file.bytes);
  } catch {
    throw new ExchangeError('xlsxInvalid');
  }
  const sheets = book.map((s, i) => ({
    name: s.name,
    hidden: meta.find((m) => m.name === s.name)?.hidden ?? false,
    rows: s.data.length,
    index: i,
  }));
  // A read-me sheet often comes first: by default, the visible sheet with the most rows.
  const visible = sheets.filter((s) => !s.hidden);
  const chosen =
    sheets.find((s) => s.name === opts.sheet) ??
    [...visible].sort((a, b) => b.rows - a.rows)[0] ??
    sheets[0];
  if (!chosen) throw new ExchangeError('empty');
  const data = book[chosen.index]!.data;
  if (data.length > LIMITS.rows + SCAN_ROWS)
    throw new ExchangeError('tooManyRows', { limit: LIMITS.rows });
  fillMerges(data, meta.find((m) => m.name === chosen.name)?.merges ?? []);
  const layout = findLayout(
    data.map((r, i) => ({ row: i + 1, cells: clean(r) })),
    opts.headerRow,
  );
  checkShape(layout);
  return {
    ...layout,
    problems: [],
    sheets: sheets.map(({ name, hidden, rows }) => ({ name, hidden, rows })),
    sheet: chosen.name,
  };
};
const SCAN_ROWS = 50;

export type FlatPreview = {
  header: string[];
  hxl?: string[];
  headerRow: number;
  preview: string[][];
  rowCount: number;
  signature: string;
  suggested: Mapping;
  encoding?: string;
  delimiter?: string;
  sheets?: SheetInfo[];
  sheet?: string;
};

export const previewFlat = (t: FlatTable): FlatPreview => ({
  header: t.header,
  ...(t.hxl ? { hxl: t.hxl } : {}),
  headerRow: t.headerRow,
  preview: t.rows.slice(0, 5).map((r) => r.cells),
  rowCount: t.rows.length,
  signature: headerSignature(t.header),
  suggested: suggestMapping(t.header, t.hxl),
  ...(t.encoding ? { encoding: t.encoding } : {}),
  ...(t.delimiter ? { delimiter: t.delimiter } : {}),
  ...(t.sheets ? { sheets: t.sheets } : {}),
  ...(t.sheet ? { sheet: t.sheet } : {}),
});

/** The user's choices after the column mapping: list values, and 3W/5W grouping. */
export type PlanOptions = {
  values?: ValueMap;
  presence?: boolean;
  /**
   * The plan handed over in parts of `size` services as the rows are checked (issue 17): the
   * rows are let go as they are read (`t.rows` is emptied), and the plan returned keeps no
   * service or location (they all went out in parts). Not for 3W/5W grouping, which needs every
   * row at once: that plan comes back whole.
   */
  parts?: { size: number; take: (part: PlanPart) => void };
};

export const planFlat = (
  t: FlatTable,
  name: string,
  format: 'csv' | 'xlsx',
  mapping: Mapping,
  ctx: ImportContext,
  progress?: ProgressFn,
  opts: PlanOptions = {},
): ImportPlan => {
  const source: ImportPlan['source'] = {
    name,
    format,
    ...(t.encoding ? { encoding: t.encoding } : {}),
    ...(t.delimiter ? { delimiter: t.delimiter } : {}),
    ...(opts.presence ? { grouped: true } : {}),
  };
  const read = {
    ...(opts.values ? { values: opts.values } : {}),
    header: t.header,
  };
  const problems = t.problems.map((p) => ({
    row: p.row,
    column: '',
    code: p.code,
    severity: 'error' as const,
  }));
  const columnOf = flatColumnOf(t.header, mapping);
  if (opts.presence) {
    // 3W/5W rows are grouped across the whole file before they are checked.
    // Reading the rows is the first half of the bar, checking them the second.
    const total = t.rows.length * 2;
    const rowDrafts = flatRowsToDrafts(t.rows, mapping, ctx, {
      ...read,
      ...(progress ? { progress: (done: number) => progress(done, total) } : {}),
    });
    const drafts = groupPresence(rowDrafts, t.rows, mapping, ctx.office);
    return buildPlan(
      drafts,
      source,
      columnOf,
      { rowsRead: t.rows.length, issues: problems },
      progress &&
        ((done, of) =>
          progress(t.rows.length + Math.round((done / Math.max(of, 1)) * t.rows.length), total)),
    );
  }
  // One pass (issue 17): each row read, compared with the rows before it, and checked, so the
  // drafts of a 200k-row file are never all held at once; the same steps, in the same order.
  const toDraft = flatRowReader(t.rows, mapping, ctx, read);
  const duplicate = fileDuplicateFinder(
    mapping.name === undefined ? '' : columnName(t.header, mapping.name),
  );
  const plan = planBuilder(columnOf, problems);
  const rows: (FlatTable['rows'][number] | undefined)[] = t.rows;
  const count = rows.length;
  const parts = opts.parts;
  for (let n = 0; n < count; n++) {
    const d = toDraft(rows[n]!, n);
    // Read: the row is not needed any more, and a plan in parts need not keep it meanwhile.
    if (parts) rows[n] = undefined;
    const issue = duplicate(d);
    if (issue) plan.issue(issue);
    else plan.add(d);
    if (parts && plan.pending() >= parts.size) parts.take(plan.take());
    if (progress && n % 2000 === 1999) progress(n + 1, count);
  }
  if (parts) {
    parts.take(plan.take());
    rows.length = 0;
  }
  progress?.(count, count);
  return plan.finish(source, count);
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

/**
 * HSDS 1.x packages name some tables and columns differently: regular_schedules (weekday,
 * "9:00am" times), physical_addresses, languages.language. Renamed to the 3.x names here.
 */
const fromHsds1 = (t: Record<string, Record<string, unknown>[]>) => {
  const out = { ...t };
  if (!out.schedules && out.regular_schedules)
    out.schedules = out.regular_schedules.map((r) => ({
      id: r.id,
      service_id: r.service_id,
      description: [r.weekday, [r.opens_at, r.closes_at].filter(Boolean).join('–')]
        .filter(Boolean)
        .join(' '),
    }));
  if (!out.addresses && out.physical_addresses) out.addresses = out.physical_addresses;
  if (out.languages)
    out.languages = out.languages.map((l) => (l.code ? l : { ...l, code: l.language }));
  return out;
};

const tablesOf = (files: Map<string, Uint8Array>) => {
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const [path, bytes] of files) {
    const file = baseName(path).toLowerCase();
    if (file.endsWith('.csv'))
      tables[file.slice(0, -4)] = csvToObjects(decodeText(bytes, 'auto').text);
  }
  if (!tables.services) throw new ExchangeError('notHsds');
  return fromHsds1(tables);
};

/** The `name` (else `title`) a package's datapackage.json gives itself, if it reads. */
const packageName = (files: Map<string, Uint8Array>): unknown => {
  const descriptor = [...files].find(([p]) => baseName(p).toLowerCase() === 'datapackage.json');
  if (!descriptor) return undefined;
  try {
    const root = safeJsonParse(decodeUtf8Strict(descriptor[1]));
    return isRecord(root) ? root.name || root.title : undefined;
  } catch {
    // A broken descriptor is not needed to read the tables: the file's name names the source.
    return undefined;
  }
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
  const fileName = files.length === 1 ? files[0]!.name : '';
  if (format === 'hsds-json') {
    const root = safeJsonParse(decodeUtf8Strict(files[0]!.bytes));
    const from = { ...ctx, source: sourceName(fileName) };
    if (isTabularJson(root)) {
      const tables = Object.fromEntries(
        Object.entries(root).map(([k, v]) => [k.slice(0, -4), v.filter(isRecord)]),
      );
      return planHsdsRoot(tablesToServices(tables), name, format, from, progress);
    }
    return planHsdsRoot(root, name, format, from, progress);
  }
  const entries =
    files.length === 1 && isZip(files[0]!.bytes)
      ? safeUnzip(files[0]!.bytes, (p) => {
          const lower = p.toLowerCase();
          return lower.endsWith('.csv') || baseName(lower) === 'datapackage.json';
        })
      : new Map(files.map((f) => [f.name, f.bytes]));
  const from = { ...ctx, source: sourceName(fileName, packageName(entries)) };
  return planHsdsRoot(tablesToServices(tablesOf(entries)), name, format, from, progress);
};

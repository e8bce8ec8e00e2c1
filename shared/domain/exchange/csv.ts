/**
 * CSV through papaparse: any delimiter (guessed among , ; tab |), quoted fields with line
 * breaks, and rows kept with their number as a spreadsheet shows it (header = row 1).
 */
import Papa from 'papaparse';
import { ExchangeError, LIMITS } from './limits';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export type CsvTable = {
  header: string[];
  /** Line number of the header (1 unless blank lines come first). */
  headerRow: number;
  /** Data rows with their spreadsheet row number (the header is row 1). */
  rows: { row: number; cells: string[] }[];
  delimiter: string;
  /** Rows papaparse could not read cleanly (unbalanced quotes), by row number. */
  problems: { row: number; code: string }[];
};

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/**
 * The delimiter that splits the header line most: a header rarely holds one inside a name,
 * while data cells often do ("femmes; filles"), which misleads a guess made on data rows.
 */
export const guessDelimiter = (text: string): Delimiter => {
  const line =
    text
      .slice(0, 64 * 1024)
      .split(/\r?\n/)
      .find((l) => l.trim() !== '') ?? '';
  const outside = line.replace(/"[^"]*"/g, '');
  let best: Delimiter = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    const n = outside.split(d).length - 1;
    if (n > most) [best, most] = [d, n];
  }
  return best;
};

export const parseCsv = (text: string, delimiter?: Delimiter): CsvTable => {
  const result = Papa.parse<string[]>(text, {
    delimiter: delimiter ?? guessDelimiter(text),
    skipEmptyLines: false,
  });
  const all = result.data;
  const headerIndex = all.findIndex((r) => !isBlank(r));
  if (headerIndex < 0) throw new ExchangeError('empty');
  const header = all[headerIndex]!.map((h) => h.trim());
  if (header.length > LIMITS.columns)
    throw new ExchangeError('tooManyColumns', { limit: LIMITS.columns });
  const rows: CsvTable['rows'] = [];
  for (let i = headerIndex + 1; i < all.length; i++) {
    const cells = all[i]!;
    if (isBlank(cells)) continue;
    rows.push({ row: i + 1, cells });
    if (rows.length > LIMITS.rows) throw new ExchangeError('tooManyRows', { limit: LIMITS.rows });
  }
  const problems = result.errors
    .filter((e) => e.type === 'Quotes')
    .map((e) => ({ row: (e.row ?? 0) + 1, code: 'exchange.issue.quotes' }));
  return { header, headerRow: headerIndex + 1, rows, delimiter: result.meta.delimiter, problems };
};

/** CSV text for Excel: UTF-8 BOM so accents open right, CRLF line ends, quotes where needed. */
export const toCsv = (rows: string[][], delimiter: Delimiter = ','): string =>
  `\uFEFF${Papa.unparse(rows, { delimiter, newline: '\r\n' })}\r\n`;

/** Plain CSV for HSDS data packages (no BOM: the frictionless spec wants bare UTF-8). */
export const toPlainCsv = (rows: string[][]): string =>
  `${Papa.unparse(rows, { newline: '\r\n' })}\r\n`;

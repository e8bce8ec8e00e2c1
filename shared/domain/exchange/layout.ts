/**
 * Spreadsheets as people make them: a title and merged group headers above the real header, an
 * HXL hashtag row (#org, #adm1…) or an instruction row under it, values merged down over several
 * rows, "N/A" and "-" for nothing. Finds the header, keeps HXL tags for the mapping, and gives
 * back only data rows, each with the row number the user sees in the spreadsheet.
 */
import { LIMITS } from './limits';
import { suggestMapping } from './mapping';
import type { Range } from './xlsxMeta';

export type GridRow = { row: number; cells: string[] };
export type Layout = {
  header: string[];
  /** The HXL hashtag under (or over) the header, by column, when the file has one. */
  hxl?: string[];
  /** Spreadsheet row number of the header. */
  headerRow: number;
  rows: GridRow[];
};

const EMPTY =
  /^(n\/?a|n\.a\.?|na|-+|–|—|\.|\?|null|none|nil|néant|neant|s\/o|s\.o\.|nenhum|sem dados|لا يوجد)$/i;

/** Trimmed, and "N/A", "-", "néant"… read as empty. */
export const cleanCell = (s: string): string => {
  const t = s.replace(/[\u00a0\u202f]/g, ' ').trim();
  return EMPTY.test(t) ? '' : t;
};

/** Copies each merged range's top-left value down its rows (a range over one row is a title). */
export const fillMerges = (grid: unknown[][], merges: readonly Range[]): void => {
  for (const m of merges) {
    if (m.r1 <= m.r0 || m.r1 - m.r0 > LIMITS.rows) continue;
    const v = grid[m.r0]?.[m.c0];
    if (v === null || v === undefined || v === '') continue;
    for (let r = m.r0; r <= m.r1 && r < grid.length; r++) {
      const row = grid[r];
      if (!row) continue;
      for (let c = m.c0; c <= m.c1; c++)
        if (row[c] === null || row[c] === undefined || row[c] === '') row[c] = v;
    }
  }
};

const isHxl = (cells: readonly string[]) => {
  const filled = cells.filter((c) => c !== '');
  return filled.length > 0 && filled.filter((c) => /^#[a-z]/i.test(c)).length * 2 >= filled.length;
};

const INSTRUCTION =
  /^(\(|ex\b|ex\.|e\.g|exemple|example|exemplo|indiqu|saisi|renseign|preench|indicar|escrev|enter\b|type\b|choisi|escolh|select|obligatoire|required|obrigat)/i;
const isInstruction = (cells: readonly string[]) => {
  const filled = cells.filter((c) => c !== '');
  return filled.length > 0 && filled.every((c) => INSTRUCTION.test(c));
};

const texts = (cells: readonly string[]) =>
  new Set(cells.filter((c) => c !== '' && !/^[\d\s.,:/-]+$/.test(c))).size;
const hits = (cells: readonly string[]) => Object.keys(suggestMapping(cells)).length;

/** Rows to look at for the header: titles and notes rarely take more than a dozen. */
const SCAN = 20;

/**
 * The header is the first row as wide as the table (a title or a merged group header is
 * narrower); when it names none of our fields and the row under it does, the first was a
 * group header spelled out in full.
 */
const headerIndex = (rows: readonly GridRow[]): number => {
  const scan = rows.slice(0, SCAN);
  const widest = Math.max(...scan.map((r) => r.cells.filter((c) => c !== '').length));
  const wide = scan
    .map((r, i) => ({ i, cells: r.cells }))
    .filter(({ cells }) => !isHxl(cells) && texts(cells) >= Math.max(2, widest / 2));
  const [first, next] = wide;
  if (!first) return 0;
  return next && next.i === first.i + 1 && hits(first.cells) === 0 && hits(next.cells) > 0
    ? next.i
    : first.i;
};

export const findLayout = (grid: readonly GridRow[], headerRow?: number): Layout => {
  const rows = grid.filter((r) => r.cells.some((c) => c !== ''));
  let at = headerRow !== undefined ? rows.findIndex((r) => r.row === headerRow) : -1;
  if (at < 0) at = headerIndex(rows);
  const head = rows[at];
  if (!head) return { header: [], headerRow: 1, rows: [] };
  let hxl: string[] | undefined;
  let first = at + 1;
  const above = rows[at - 1];
  if (above && isHxl(above.cells)) hxl = above.cells;
  while (rows[first] && (isHxl(rows[first]!.cells) || isInstruction(rows[first]!.cells))) {
    if (isHxl(rows[first]!.cells)) hxl = rows[first]!.cells;
    first++;
  }
  return {
    header: head.cells,
    ...(hxl ? { hxl: hxl.map((t) => t.trim().toLowerCase()) } : {}),
    headerRow: head.row,
    rows: rows.slice(first),
  };
};

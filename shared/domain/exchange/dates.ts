/**
 * Dates as spreadsheets hold them: real date cells (already ISO when read), Excel serial numbers
 * (45628 = 2024-12-02) and text typed in the office's convention. Day-first (fr, pt, ar and
 * most of the world) unless the column itself proves month-first (a "12/31/2024"); a date that
 * reads both ways ("04/05/2024") is read day-first and flagged, never guessed silently.
 */
export type DateOrder = 'dmy' | 'mdy';
export type ParsedDate = { iso: string; ambiguous: boolean } | undefined;

const EXCEL_EPOCH_DAYS = 25569; // 1970-01-01 in Excel's 1900 system
const pad = (n: number) => String(n).padStart(2, '0');
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T].*)?$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/;

const valid = (y: number, m: number, d: number): string | undefined => {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d
    ? `${y}-${pad(m)}-${pad(d)}`
    : undefined;
};

/** Serial day numbers between 1950 and 2100 only: anything else is not a date people kept. */
export const fromExcelSerial = (n: number): string | undefined => {
  if (!Number.isFinite(n) || n < 18264 || n > 73051) return undefined;
  return new Date(Math.round((Math.floor(n) - EXCEL_EPOCH_DAYS) * 86_400_000))
    .toISOString()
    .slice(0, 10);
};

/** Month-first only if some value of the column cannot be day-first. */
export const columnDateOrder = (
  values: readonly string[],
): { order: DateOrder; proven: boolean } => {
  let dayFirst = false;
  let monthFirst = false;
  for (const v of values) {
    const m = SLASHED.exec(v.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[2]) > 12) monthFirst = true;
  }
  return { order: monthFirst && !dayFirst ? 'mdy' : 'dmy', proven: dayFirst !== monthFirst };
};

export const parseDate = (text: string, order: DateOrder = 'dmy', proven = false): ParsedDate => {
  const t = text.trim();
  if (!t) return undefined;
  const iso = ISO.exec(t);
  if (iso) {
    const d = valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return d ? { iso: d, ambiguous: false } : undefined;
  }
  if (/^\d{5}(\.\d+)?$/.test(t)) {
    const d = fromExcelSerial(Number(t));
    return d ? { iso: d, ambiguous: false } : undefined;
  }
  const m = SLASHED.exec(t);
  if (!m) return undefined;
  const [a, b] = [Number(m[1]), Number(m[2])];
  let y = Number(m[3]);
  if (m[3]!.length === 2) y += y < 70 ? 2000 : 1900;
  const [d, mo] = order === 'dmy' ? [a, b] : [b, a];
  const out = valid(y, mo, d);
  if (!out) return undefined;
  return { iso: out, ambiguous: !proven && a <= 12 && b <= 12 && a !== b };
};

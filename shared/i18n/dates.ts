/**
 * Dates in the interface language, not the browser's: the day/month/year order of a locale for
 * typing dates, parsing what was typed (Latin or Arabic-Indic digits), and the Umm al-Qura
 * (Hijri) date shown beside the Gregorian one when an Arabic user asks for it.
 */
export type DatePart = 'day' | 'month' | 'year';

const SAMPLE = new Date(Date.UTC(2026, 10, 23, 12));

/** The order in which `tag` writes a numeric date, e.g. day-month-year for "fr" and "ar". */
export const dateOrder = (tag: string): DatePart[] => {
  const parts = new Intl.DateTimeFormat(tag, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatToParts(SAMPLE);
  const order = parts
    .map((p) => p.type)
    .filter((t): t is DatePart => t === 'day' || t === 'month' || t === 'year');
  return order.length === 3 ? order : ['day', 'month', 'year'];
};

/** Arabic-Indic (٠-٩) and Extended Arabic-Indic (۰-۹) digits read as 0-9. */
export const latinDigits = (s: string): string =>
  s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));

const pad = (n: number, width: number) => String(n).padStart(width, '0');

const validIso = (y: number, m: number, d: number): string | undefined => {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
};

/**
 * What a person typed, in the interface's order ("23/11/2026" in French, "11/23/2026" in US
 * English) or as ISO ("2026-11-23"), with any separator and either digits: the ISO date, or
 * undefined if it is not a real calendar date. Two-digit years are 20xx.
 */
export const parseTypedDate = (text: string, order: readonly DatePart[]): string | undefined => {
  const numbers = latinDigits(text).match(/\d+/g);
  if (!numbers || numbers.length !== 3) return undefined;
  if (numbers[0]!.length === 4) {
    const [y, m, d] = numbers.map(Number) as [number, number, number];
    return validIso(y, m, d);
  }
  const at = (part: DatePart) => numbers[order.indexOf(part)]!;
  const year = at('year');
  if (year.length !== 2 && year.length !== 4) return undefined;
  const y = year.length === 2 ? 2000 + Number(year) : Number(year);
  return validIso(y, Number(at('month')), Number(at('day')));
};

/** An ISO date written for the date field, in `order` with "/" and the locale's digits. */
export const formatTypedDate = (iso: string, order: readonly DatePart[], tag: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return '';
  const parts: Record<DatePart, string> = { year: m[1]!, month: m[2]!, day: m[3]! };
  const digits = new Intl.NumberFormat(tag, { useGrouping: false });
  const write = (p: DatePart) => parts[p].replace(/\d/g, (d) => digits.format(Number(d)));
  return order.map(write).join('/');
};

/** "4 جمادى الأولى 1448 هـ": the Umm al-Qura date of an ISO date, in `tag`'s language. */
export const hijriDate = (iso: string, tag: string): string =>
  new Intl.DateTimeFormat(tag, {
    calendar: 'islamic-umalqura',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));

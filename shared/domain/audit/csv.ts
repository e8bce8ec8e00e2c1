/**
 * The audit trail as CSV (RFC 4180, UTF-8 with a BOM so spreadsheet programs read accents). A
 * cell that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) is
 * prefixed with an apostrophe: an audit export is opened by people who trust it (OWASP CSV
 * injection).
 */
import type { AuditRecord } from './chain';

const FORMULA_START = /^[=+\-@\t\r]/;

export const csvCell = (value: string | number | undefined): string => {
  const text = value === undefined ? '' : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export const AUDIT_CSV_COLUMNS = [
  'seq',
  'at',
  'actor',
  'action',
  'table',
  'recordId',
  'detail',
  'why',
  'prev',
  'hash',
] as const satisfies readonly (keyof AuditRecord)[];

/** Header names are the field names: the file is evidence, read with this documentation. */
export const auditCsv = (entries: readonly AuditRecord[]): string =>
  '\uFEFF' +
  [
    AUDIT_CSV_COLUMNS.join(','),
    ...entries.map((e) => AUDIT_CSV_COLUMNS.map((c) => csvCell(e[c])).join(',')),
  ]
    .map((line) => `${line}\r\n`)
    .join('');

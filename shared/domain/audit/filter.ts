/** Filters of the audit screen: who, what, which table, when (inclusive bounds, ISO times). */
import type { AuditRecord } from './chain';

export type AuditFilter = {
  actor?: string;
  action?: string;
  table?: string;
  recordId?: string;
  /** ISO date-time, inclusive. */
  from?: string;
  /** ISO date-time, exclusive. */
  to?: string;
};

export const matchesAudit = (e: AuditRecord, f: AuditFilter): boolean =>
  (!f.actor || e.actor === f.actor) &&
  (!f.action || e.action === f.action) &&
  (!f.table || e.table === f.table) &&
  (!f.recordId || e.recordId === f.recordId) &&
  (!f.from || Date.parse(e.at) >= Date.parse(f.from)) &&
  (!f.to || Date.parse(e.at) < Date.parse(f.to));

/** The distinct values of a field, sorted, for the filter menus. */
export const distinct = (
  entries: readonly AuditRecord[],
  field: 'actor' | 'action' | 'table',
): string[] => [...new Set(entries.map((e) => e[field]))].sort();

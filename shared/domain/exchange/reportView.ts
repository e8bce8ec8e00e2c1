/**
 * What the import report shows, computed where the plan is held (the check worker, issue 17):
 * counts, the kinds of problems with their counts (errors first, then warnings), and the
 * problems page by page. The window gets these, never the plan's records.
 */
import { z } from 'zod';
import type { ImportPlan, Issue, PartedPlan } from './types';
import { IMPORT_FORMATS } from './types';

/** A problem of the report as it crosses a worker boundary. */
export const issueSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  code: z.string().max(200),
  severity: z.enum(['error', 'warning']),
  value: z.string().optional(),
  field: z.string().max(100).optional(),
  allowed: z.array(z.string()).optional(),
  fix: z.string().optional(),
});

/** Errors first (their rows are refused), then warnings; each by row. */
export const errorsFirst = (issues: readonly Issue[]): Issue[] =>
  [...issues].sort(
    (a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || a.row - b.row,
  );

/** Problems of one kind: same severity and reason, and same list for values out of a list. */
export const kindOf = (i: Issue): string =>
  `${i.severity}:${i.code}${i.code === 'exchange.issue.notAllowed' ? `:${i.field ?? ''}` : ''}`;

const kindSchema = z.object({
  key: z.string().max(400),
  severity: z.enum(['error', 'warning']),
  code: z.string().max(200),
  field: z.string().max(100).optional(),
  count: z.number().int().nonnegative(),
});
export type IssueKind = z.infer<typeof kindSchema>;

export const reportSummarySchema = z.object({
  source: z.object({
    name: z.string().max(1000),
    format: z.enum(IMPORT_FORMATS),
    grouped: z.boolean().optional(),
  }),
  rowsRead: z.number().int().nonnegative(),
  services: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  /** In the order the report lists them: errors' kinds first. */
  kinds: z.array(kindSchema).max(10_000),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;

/** The plan's issues in report order, and their kinds; `ordered` is kept for the pages. */
export const summarise = (
  plan: ImportPlan | PartedPlan,
  ordered: readonly Issue[],
): ReportSummary => {
  const kinds = new Map<string, IssueKind>();
  let errors = 0;
  for (const i of ordered) {
    if (i.severity === 'error') errors++;
    const key = kindOf(i);
    const hit = kinds.get(key);
    if (hit) hit.count++;
    else
      kinds.set(key, {
        key,
        severity: i.severity,
        code: i.code,
        count: 1,
        ...(i.field ? { field: i.field } : {}),
      });
  }
  return {
    source: {
      name: plan.source.name,
      format: plan.source.format,
      ...(plan.source.grouped !== undefined ? { grouped: plan.source.grouped } : {}),
    },
    rowsRead: plan.rowsRead,
    services: 'parts' in plan ? plan.serviceCount : plan.services.length,
    rejected: plan.rejectedRows.length,
    errors,
    warnings: ordered.length - errors,
    kinds: [...kinds.values()],
  };
};

/** Issues asked for at most at once: a page on screen, or a slice of the CSV download. */
export const MAX_PAGE = 5_000;

export const issuesPageSchema = z.object({
  issues: z.array(issueSchema).max(MAX_PAGE),
  /** Issues of that kind (all kinds: ''), of which `issues` starts at the page's offset. */
  total: z.number().int().nonnegative(),
});
export type IssuesPage = z.infer<typeof issuesPageSchema>;

export const issuesPage = (
  ordered: readonly Issue[],
  kind: string,
  offset: number,
  limit: number,
): IssuesPage => {
  const all = kind ? ordered.filter((i) => kindOf(i) === kind) : ordered;
  return {
    issues: all.slice(offset, offset + Math.min(limit, MAX_PAGE)),
    total: all.length,
  };
};

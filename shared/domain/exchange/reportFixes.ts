/**
 * Fixes the report offers and the user applies with a click, to one row or to every row of a
 * kind, before anything is written: a point that fits only with latitude and longitude swapped
 * gets them swapped; rows without a category get the category the user chooses for all. Pure:
 * a new plan comes back, the issues fixed are gone from it, the rest is untouched.
 */
import type { ServiceCategory } from '../directory/schema';
import { SERVICE_CATEGORIES } from '../directory/schema';
import type { ImportPlan, Issue } from './types';

export const SWAPPED = 'exchange.issue.coordSwapped';
export const NO_CATEGORY = 'exchange.issue.defaultCategory';
export type FixKind = 'swap' | 'category';

/** The fix a report line can offer, if any. */
export const fixKindOf = (i: Pick<Issue, 'code' | 'severity'>): FixKind | undefined =>
  i.severity !== 'warning'
    ? undefined
    : i.code === SWAPPED
      ? 'swap'
      : i.code === NO_CATEGORY
        ? 'category'
        : undefined;

/** Services of the plan coming from `rows`, by index. */
const servicesOf = (plan: ImportPlan, rows: ReadonlySet<number>) =>
  plan.services.flatMap((s, n) => (rows.has(plan.serviceRows[n]!) ? [s] : []));

const withoutIssues = (plan: ImportPlan, code: string, rows: ReadonlySet<number>) =>
  plan.issues.filter((i) => !(i.code === code && rows.has(i.row)));

/** Swaps latitude and longitude of the points of `rows` (the rows the warning names). */
export const applySwap = (plan: ImportPlan, rows: ReadonlySet<number>): ImportPlan => {
  const flagged = new Set(
    plan.issues.filter((i) => i.code === SWAPPED && rows.has(i.row)).map((i) => i.row),
  );
  const ids = new Set(servicesOf(plan, flagged).flatMap((s) => s.locationIds));
  return {
    ...plan,
    locations: plan.locations.map((l) =>
      ids.has(l.id) && l.latitude !== null && l.longitude !== null
        ? { ...l, latitude: l.longitude, longitude: l.latitude }
        : l,
    ),
    issues: withoutIssues(plan, SWAPPED, flagged),
  };
};

/** Gives `category` to the services of `rows` that had none in the file. */
export const applyCategory = (
  plan: ImportPlan,
  rows: ReadonlySet<number>,
  category: ServiceCategory,
): ImportPlan => {
  if (!SERVICE_CATEGORIES.includes(category)) return plan;
  const flagged = new Set(
    plan.issues.filter((i) => i.code === NO_CATEGORY && rows.has(i.row)).map((i) => i.row),
  );
  const ids = new Set(servicesOf(plan, flagged).map((s) => s.id));
  return {
    ...plan,
    services: plan.services.map((s) => (ids.has(s.id) ? { ...s, category } : s)),
    issues: withoutIssues(plan, NO_CATEGORY, flagged),
  };
};

/** Every row a kind of warning names. */
export const rowsWith = (plan: ImportPlan, code: string): Set<number> =>
  new Set(plan.issues.filter((i) => i.code === code && i.severity === 'warning').map((i) => i.row));

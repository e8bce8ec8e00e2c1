/**
 * Screening counts for the statistics screen (issue 16): how many screenings, how many led to a
 * referral, how many found indicators in each group, how many were suggested "possible victim"
 * and how many flagged a child. Raw counts: the statistics screen applies its small-cell
 * suppression to them like to every other figure that leaves the app. Pure.
 */
import type { IndicatorGroup, Suggestion } from './core';
import { GROUPS, SUGGESTIONS } from './core';
import type { ScreeningRecord } from './schema';

export type ScreeningCounts = {
  screenings: number;
  referred: number;
  /** Screenings with at least one indicator found in the group (a screening counts once). */
  byGroup: Record<IndicatorGroup, number>;
  bySuggestion: Record<Suggestion, number>;
  childProtection: number;
};

/** The part of a screening the counts need. */
export type Countable = Pick<ScreeningRecord, 'referralIds' | 'createdAt'> & {
  content: {
    assessment: Pick<
      ScreeningRecord['content']['assessment'],
      'found' | 'suggestion' | 'childProtection'
    >;
  };
};

/** `from` / `to`: ISO instants, inclusive start and exclusive end; omitted = unbounded. */
export const screeningCounts = (
  records: Iterable<Countable>,
  period: { from?: string; to?: string } = {},
): ScreeningCounts => {
  const out: ScreeningCounts = {
    screenings: 0,
    referred: 0,
    byGroup: Object.fromEntries(GROUPS.map((g) => [g, 0])) as Record<IndicatorGroup, number>,
    bySuggestion: Object.fromEntries(SUGGESTIONS.map((s) => [s, 0])) as Record<Suggestion, number>,
    childProtection: 0,
  };
  for (const r of records) {
    const at = Date.parse(r.createdAt);
    if (period.from && at < Date.parse(period.from)) continue;
    if (period.to && at >= Date.parse(period.to)) continue;
    const a = r.content.assessment;
    out.screenings++;
    if (r.referralIds.length > 0) out.referred++;
    for (const g of new Set(a.found.map((f) => f.group))) out.byGroup[g]++;
    out.bySuggestion[a.suggestion]++;
    if (a.childProtection) out.childProtection++;
  }
  return out;
};

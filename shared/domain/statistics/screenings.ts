/**
 * Screenings as a statistics source (issue 16: "every screening counts in the statistics: how
 * many screenings, how many led to a referral, by indicator group, with the same small-cell
 * suppression").
 *
 * Screenings are sealed at rest and never replicated. The screening repository opens them and
 * hands the statistics nothing but counts: how many screenings per UTC day, whether they led to
 * a referral, which indicator groups they found (a set, as a bit mask) and the suggestion
 * (`screeningCells`). No answer, worker, id or time of day leaves it.
 *
 * Two tables are shown, both suppressed before anything leaves this module:
 * - by suggestion × led to a referral or not, with its totals (how many screenings, how many
 *   referred): an additive table, suppressed like every count table (`suppress`);
 * - by indicator group × referred or not, with each group's total. A screening may find
 *   indicators in several groups, so the groups overlap and their column sums mean nothing: no
 *   totals row is shown, and each group's line (referred, not referred, total) is suppressed as
 *   a table of its own.
 *
 * Area: a screening records no place (the form asks none, by design), so it counts in its
 * office and in the region the office sits in (the screening settings' office area); at
 * district level screenings cannot be placed and are not shown.
 */
import { z } from 'zod';
import { GROUPS, SUGGESTIONS, type IndicatorGroup, type Suggestion } from '../screening/core';
import type { Countable } from '../screening/statistics';
import { periodRange, type Area, type Period } from './aggregate';
import { shownGrid, suppress, withMargins, type Shown } from './suppress';

export const SCREENING_OUTCOMES = ['referred', 'notReferred'] as const;
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number];

export const screeningCellSchema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  referred: z.boolean(),
  /** Bit g set: an indicator of GROUPS[g] was found. */
  groups: z
    .number()
    .int()
    .min(0)
    .max(2 ** GROUPS.length - 1),
  suggestion: z.enum(SUGGESTIONS),
  count: z.number().int().min(1),
});
export type ScreeningCell = z.infer<typeof screeningCellSchema>;

/** What the screening repository gives the statistics: counts, and where the office is. */
export const screeningCountsSchema = z.object({
  office: z.string().min(1).max(40),
  /** ISO 3166-2 region of the office (screening settings), null when not set. */
  region: z
    .string()
    .regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/)
    .nullable(),
  cells: z.array(screeningCellSchema).max(500_000),
});
export type ScreeningCounts = z.infer<typeof screeningCountsSchema>;

const groupMask = (found: readonly { group: IndicatorGroup }[]): number =>
  found.reduce((m, f) => m | (1 << GROUPS.indexOf(f.group)), 0);

/** Screenings grouped by day, outcome, groups found and suggestion: counts only. */
export const screeningCells = (records: Iterable<Countable>): ScreeningCell[] => {
  const cells = new Map<string, ScreeningCell>();
  for (const r of records) {
    const day = new Date(r.createdAt).toISOString().slice(0, 10);
    const referred = r.referralIds.length > 0;
    const groups = groupMask(r.content.assessment.found);
    const suggestion = r.content.assessment.suggestion;
    const key = `${day}|${referred ? 1 : 0}|${groups}|${suggestion}`;
    const cell = cells.get(key);
    if (cell) cell.count++;
    else cells.set(key, { day, referred, groups, suggestion, count: 1 });
  }
  return [...cells.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
};

export type ScreeningTotals = {
  /** SUGGESTIONS × SCREENING_OUTCOMES. */
  bySuggestion: number[][];
  /** GROUPS × SCREENING_OUTCOMES (overlapping rows). */
  byGroup: number[][];
  screenings: number;
  /** False at district level: screenings record no place. */
  placed: boolean;
};

/** Whether the office's screenings fall in the area (they record no place of their own). */
export const screeningsInArea = (data: Pick<ScreeningCounts, 'office' | 'region'>, area: Area) => {
  switch (area.kind) {
    case 'country':
      return true;
    case 'region':
      return data.region === area.code;
    case 'office':
      return data.office === area.code;
    case 'district':
    case 'formedRegion':
      return false;
  }
};

export const screeningTotals = (
  data: ScreeningCounts,
  period: Period,
  area: Area,
): ScreeningTotals => {
  const bySuggestion = SUGGESTIONS.map(() => SCREENING_OUTCOMES.map(() => 0));
  const byGroup = GROUPS.map(() => SCREENING_OUTCOMES.map(() => 0));
  let screenings = 0;
  const placed = area.kind !== 'district' && area.kind !== 'formedRegion';
  if (screeningsInArea(data, area)) {
    const { from, to } = periodRange(period);
    for (const c of data.cells) {
      if (c.day < from || c.day > to) continue;
      const o = c.referred ? 0 : 1;
      screenings += c.count;
      bySuggestion[SUGGESTIONS.indexOf(c.suggestion)]![o]! += c.count;
      GROUPS.forEach((_, g) => {
        if (c.groups & (1 << g)) byGroup[g]![o]! += c.count;
      });
    }
  }
  return { bySuggestion, byGroup, screenings, placed };
};

export type ShownScreenings = {
  threshold: number;
  /** (SUGGESTIONS + 1) × (outcomes + 1): last row and column are totals. */
  bySuggestion: Shown[][];
  /** GROUPS × (outcomes + 1): each group's referred, not referred, and total. */
  byGroup: Shown[][];
  /** The whole table is withheld (nothing could protect its small cells). */
  withheld: boolean;
  /** How many screenings the figures rest on ("< k" when small). */
  records: Shown;
  placed: boolean;
};

export const shownScreenings = (t: ScreeningTotals, k: number): ShownScreenings => {
  const main = suppress(withMargins(t.bySuggestion), k);
  const shown = shownGrid(main);
  const byGroup = t.byGroup.map((line) => {
    // One line with its total, as a table of its own: the grid's margin row repeats it.
    const g = suppress(withMargins([line]), k);
    return shownGrid(g)[0]!;
  });
  return {
    threshold: main.threshold,
    bySuggestion: shown,
    byGroup,
    withheld: main.withheld,
    records: shown.at(-1)!.at(-1)!,
    placed: t.placed,
  };
};

export type ScreeningLabels = {
  suggestion: (s: Suggestion) => string;
  group: (g: IndicatorGroup) => string;
  outcome: (o: ScreeningOutcome) => string;
  suggestionTitle: string;
  groupTitle: string;
  total: string;
  figure: (s: Shown) => string | number;
};

/** The two tables as rows for files (header first); figures stay numbers where shown. */
export const screeningRows = (
  s: ShownScreenings,
  l: ScreeningLabels,
): { bySuggestion: (string | number)[][]; byGroup: (string | number)[][] } => {
  const head = (title: string) => [title, ...SCREENING_OUTCOMES.map(l.outcome), l.total];
  return {
    bySuggestion: [
      head(l.suggestionTitle),
      ...SUGGESTIONS.map((x, i) => [l.suggestion(x), ...s.bySuggestion[i]!.map(l.figure)]),
      [l.total, ...s.bySuggestion.at(-1)!.map(l.figure)],
    ],
    byGroup: [
      head(l.groupTitle),
      ...GROUPS.map((g, i) => [l.group(g), ...s.byGroup[i]!.map(l.figure)]),
    ],
  };
};

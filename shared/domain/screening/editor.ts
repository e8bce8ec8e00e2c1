/**
 * The office's screening form as an administrator edits it (issue 16): pure operations on a
 * working copy of the set (questions grouped and ordered, the suggestion rules, the needs), its
 * validation with the same schema that guards every load, and the version rule — every change
 * of the form is a new version, so a past screening keeps the version it was made with.
 *
 * The working copy has the set's shape; texts may be empty while it is being edited, and only
 * `validateSet` says whether it may be saved.
 */
import type { HtcdsField, IndicatorGroup, Localized, Strength } from './core';
import { GROUPS } from './core';
import type { Indicator, NeedDef, Rule, ScreeningSet } from './schema';
import { HTCDS_VALUES, screeningSetSchema } from './schema';

export const LANGS = ['fr', 'en', 'pt', 'ar'] as const satisfies readonly (keyof Localized)[];
export const emptyText = (): Localized => ({ fr: '', en: '', pt: '', ar: '' });

/** The HTCDS value names a question may be mapped to, by field (the standard's own list). */
export const htcdsChoices = (): { field: HtcdsField; values: readonly string[] }[] =>
  (Object.keys(HTCDS_VALUES) as HtcdsField[]).map((field) => ({
    field,
    values: HTCDS_VALUES[field],
  }));

const freeId = (taken: readonly string[], prefix: string): string => {
  const used = new Set(taken);
  let n = used.size + 1;
  for (let i = 1; i <= used.size + 1; i++)
    if (!used.has(`${prefix}${i}`)) {
      n = i;
      break;
    }
  return `${prefix}${n}`;
};

// ---- Questions (indicators) ----------------------------------------------------------------

/** A new, empty question at the end of its group; its id is generated, never typed. */
export const addIndicator = (
  set: ScreeningSet,
  group: IndicatorGroup,
): { set: ScreeningSet; id: string } => {
  const id = freeId(
    set.indicators.map((i) => i.id),
    'q-',
  );
  const indicator: Indicator = {
    id,
    group,
    strength: 'medium',
    htcds: null,
    question: emptyText(),
    label: emptyText(),
  };
  const lastOfGroup = set.indicators.map((i) => i.group).lastIndexOf(group);
  const at = lastOfGroup === -1 ? set.indicators.length : lastOfGroup + 1;
  const indicators = [...set.indicators];
  indicators.splice(at, 0, indicator);
  return { set: { ...set, indicators }, id };
};

export type IndicatorPatch = Partial<Pick<Indicator, 'strength' | 'htcds'>> & {
  question?: Partial<Localized>;
  label?: Partial<Localized>;
};

export const updateIndicator = (
  set: ScreeningSet,
  id: string,
  patch: IndicatorPatch,
): ScreeningSet => ({
  ...set,
  indicators: set.indicators.map((i) =>
    i.id === id
      ? {
          ...i,
          ...('strength' in patch && patch.strength ? { strength: patch.strength } : {}),
          ...('htcds' in patch ? { htcds: patch.htcds ?? null } : {}),
          question: { ...i.question, ...patch.question },
          label: { ...i.label, ...patch.label },
        }
      : i,
  ),
});

/** One place up (-1) or down (+1) among the questions of its own group; the order asked. */
export const moveIndicator = (set: ScreeningSet, id: string, by: -1 | 1): ScreeningSet => {
  const from = set.indicators.findIndex((i) => i.id === id);
  if (from === -1) return set;
  const group = set.indicators[from]!.group;
  let to = from + by;
  while (to >= 0 && to < set.indicators.length && set.indicators[to]!.group !== group) to += by;
  if (to < 0 || to >= set.indicators.length) return set;
  const indicators = [...set.indicators];
  [indicators[from], indicators[to]] = [indicators[to]!, indicators[from]!];
  return { ...set, indicators };
};

/** To another group, last of it. */
export const moveToGroup = (set: ScreeningSet, id: string, group: IndicatorGroup): ScreeningSet => {
  const moving = set.indicators.find((i) => i.id === id);
  if (!moving || moving.group === group) return set;
  const rest = set.indicators.filter((i) => i.id !== id);
  const lastOfGroup = rest.map((i) => i.group).lastIndexOf(group);
  const at = lastOfGroup === -1 ? rest.length : lastOfGroup + 1;
  rest.splice(at, 0, { ...moving, group });
  return { ...set, indicators: rest };
};

export const removeIndicator = (set: ScreeningSet, id: string): ScreeningSet => ({
  ...set,
  indicators: set.indicators.filter((i) => i.id !== id),
});

/** The questions of each group, in the order they are asked (groups in the standard's order). */
export const byGroup = (set: ScreeningSet): [IndicatorGroup, Indicator[]][] =>
  GROUPS.map((g) => [g, set.indicators.filter((i) => i.group === g)]);

// ---- Rules ---------------------------------------------------------------------------------

export const addRule = (set: ScreeningSet): ScreeningSet => ({
  ...set,
  rules: [...set.rules, { minGroups: 2, minStrength: 'strong' }],
});

export const updateRule = (
  set: ScreeningSet,
  index: number,
  patch: Partial<Rule>,
): ScreeningSet => ({
  ...set,
  rules: set.rules.map((r, i) => (i === index ? { ...r, ...patch } : r)),
});

export const removeRule = (set: ScreeningSet, index: number): ScreeningSet => ({
  ...set,
  rules: set.rules.filter((_, i) => i !== index),
});

/** The strengths a rule may ask for. */
export const RULE_STRENGTHS: readonly Strength[] = ['strong', 'medium', 'weak'];

// ---- Needs ---------------------------------------------------------------------------------

export const addNeed = (set: ScreeningSet): { set: ScreeningSet; id: string } => {
  const id = freeId(
    set.needs.map((n) => n.id),
    'need-',
  );
  const need: NeedDef = {
    id,
    label: emptyText(),
    categories: [],
    referralNeed: 'other',
    urgency: '72h',
    bed: false,
    childProtection: false,
    interpreter: false,
  };
  return { set: { ...set, needs: [...set.needs, need] }, id };
};

export type NeedPatch = Partial<
  Pick<NeedDef, 'categories' | 'referralNeed' | 'urgency' | 'bed' | 'interpreter'>
> & { label?: Partial<Localized> };

export const updateNeed = (set: ScreeningSet, id: string, patch: NeedPatch): ScreeningSet => ({
  ...set,
  needs: set.needs.map((n) =>
    n.id === id ? { ...n, ...patch, label: { ...n.label, ...patch.label } } : n,
  ),
});

/** The one need added first for a possible minor (exactly one, the schema says). */
export const setChildNeed = (set: ScreeningSet, id: string): ScreeningSet => ({
  ...set,
  needs: set.needs.map((n) => ({ ...n, childProtection: n.id === id })),
});

export const moveNeed = (set: ScreeningSet, id: string, by: -1 | 1): ScreeningSet => {
  const from = set.needs.findIndex((n) => n.id === id);
  const to = from + by;
  if (from === -1 || to < 0 || to >= set.needs.length) return set;
  const needs = [...set.needs];
  [needs[from], needs[to]] = [needs[to]!, needs[from]!];
  return { ...set, needs };
};

export const removeNeed = (set: ScreeningSet, id: string): ScreeningSet => ({
  ...set,
  needs: set.needs.filter((n) => n.id !== id),
});

// ---- Validation ----------------------------------------------------------------------------

export type EditorError = { path: (string | number)[]; message: string };

/** Messages the schema writes as ids are kept; zod's own codes become the catalogue's words. */
const messageOf = (issue: {
  code: string;
  message: string;
  path: PropertyKey[];
  origin?: string;
}): string => {
  if (/^(validation|screening\.validation|screeningEditor\.validation)\./.test(issue.message))
    return issue.message;
  const last = issue.path[issue.path.length - 1];
  if (issue.code === 'too_small' && issue.path.length === 1) {
    if (last === 'indicators') return 'screeningEditor.validation.noQuestion';
    if (last === 'rules') return 'screeningEditor.validation.noRule';
    if (last === 'needs') return 'screeningEditor.validation.noNeed';
  }
  if (issue.code === 'too_big' && issue.origin === 'string') return 'validation.tooLong';
  if (issue.code === 'too_big' && issue.path.length === 1)
    return 'screeningEditor.validation.tooMany';
  return 'validation.invalid';
};

/**
 * Every problem of the working copy, each naming its field (path), in the order the editor
 * shows them; empty when it may be saved. The schema is the one every load uses.
 */
export const validateSet = (set: ScreeningSet): EditorError[] => {
  const parsed = screeningSetSchema.safeParse(set);
  if (parsed.success) return [];
  const seen = new Set<string>();
  const out: EditorError[] = [];
  for (const issue of parsed.error.issues) {
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    const key = path.join('.');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      path,
      message: messageOf({
        code: issue.code,
        message: issue.message,
        path: issue.path,
        origin: 'origin' in issue ? String(issue.origin) : undefined,
      }),
    });
  }
  return out.sort((a, b) => rank(set, a.path) - rank(set, b.path));
};

/** Where a path is shown: name, then questions by group, then rules, then needs. */
const rank = (set: ScreeningSet, path: EditorError['path']): number => {
  const [head, index] = path;
  if (head === 'name') return 0;
  if (head === 'indicators' && typeof index === 'number') {
    const ordered = byGroup(set).flatMap(([, list]) => list);
    const at = ordered.indexOf(set.indicators[index]!);
    return 1 + (at === -1 ? index : at);
  }
  if (head === 'indicators') return 1;
  if (head === 'rules') return 1000 + (typeof index === 'number' ? index : 0);
  return 2000 + (typeof index === 'number' ? index : 0);
};

/** The id of the control a path names, so an error summary links to it. */
export const controlId = (path: readonly (string | number)[]): string =>
  `sf-${path.map(String).join('-')}`;

// ---- Versions ------------------------------------------------------------------------------

/** The same questions, rules and needs (whatever the version number says). */
export const sameForm = (a: ScreeningSet, b: ScreeningSet): boolean =>
  canonical({ ...a, version: 0 }) === canonical({ ...b, version: 0 });

/** JSON with object keys sorted, so key order never makes two equal forms differ. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );

/** A changed form's version: above every version this office has used, never one reused. */
export const nextVersion = (current: number, used: readonly number[]): number =>
  Math.max(current, ...used) + 1;

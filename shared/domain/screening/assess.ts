/**
 * From what the worker recorded to the assessment: the indicators found, grouped; the office's
 * rules SUGGESTING a trafficking status (the worker and then the receiving service decide, never
 * this function); the needs, child protection first for a possible minor whatever else was
 * recorded; an urgency; the HTCDS value names the indicators carry. Pure.
 */
import type { CapacityPopulation } from '../capacity/schema';
import type { ReferralDraftInput, Urgency } from '../referrals/schema';
import { URGENCIES, isMinorBand } from '../referrals/schema';
import type { Assessment, Found, HtcdsField, IndicatorGroup, Localized, Suggestion } from './core';
import { GROUPS, HTCDS_FIELDS, atLeast } from './core';
import type { NeedDef, Rule, ScreeningInput, ScreeningSet } from './schema';

/** Groups holding at least one found indicator at least as strong as `min`. */
export const groupsWith = (found: readonly Found[], min: Rule['minStrength']): IndicatorGroup[] =>
  GROUPS.filter((g) => found.some((f) => f.group === g && atLeast(f.strength, min)));

export const ruleMet = (found: readonly Found[], rule: Rule): boolean =>
  groupsWith(found, rule.minStrength).length >= rule.minGroups;

export const suggest = (found: readonly Found[], rules: readonly Rule[]): Suggestion =>
  rules.some((r) => ruleMet(found, r))
    ? 'PossibleVictimOfTrafficking'
    : found.length > 0
      ? 'furtherAssessment'
      : 'noIndicators';

/** A minor when the worker says so or the age band is a child's; "unknown" is not flagged. */
export const isMinor = (input: Pick<ScreeningInput, 'minor' | 'ageBand'>): boolean =>
  input.minor === 'yes' || isMinorBand(input.ageBand);

const mostUrgent = (us: readonly Urgency[]): Urgency | undefined =>
  [...URGENCIES].find((u) => us.includes(u));

export const assess = (set: ScreeningSet, input: ScreeningInput): Assessment => {
  const found: Found[] = set.indicators
    .filter((i) => input.answers[i.id] === 'yes')
    .map(({ id, group, strength, htcds, label }) => ({ id, group, strength, htcds, label }));
  const suggestion = suggest(found, set.rules);
  const childProtection = isMinor(input);
  const byId = new Map(set.needs.map((n) => [n.id, n]));
  const child = set.needs.find((n) => n.childProtection);
  const chosen = input.needs.filter((n) => byId.has(n) && n !== child?.id);
  const needs = childProtection && child ? [child.id, ...chosen] : chosen;
  const needUrgencies = needs.map((n) => byId.get(n)!.urgency);
  const urgency =
    input.urgency ??
    mostUrgent([...needUrgencies, ...(childProtection ? (['24h'] as const) : [])]) ??
    (suggestion === 'PossibleVictimOfTrafficking' ? '72h' : '2w');
  const htcds: Partial<Record<HtcdsField, string[]>> = {};
  for (const field of HTCDS_FIELDS) {
    const values = [
      ...new Set(found.flatMap((f) => (f.htcds?.field === field ? [f.htcds.value] : []))),
    ];
    if (values.length) htcds[field] = values;
  }
  return { setVersion: set.version, found, suggestion, childProtection, needs, urgency, htcds };
};

/** Found indicators by group, in the set's group order (empty groups left out). */
export const foundByGroup = (found: readonly Found[]): [IndicatorGroup, Found[]][] =>
  GROUPS.map((g) => [g, found.filter((f) => f.group === g)] as [IndicatorGroup, Found[]]).filter(
    ([, list]) => list.length > 0,
  );

/** Whose beds the person needs: a girl needs a bed for girls, a man one for men. */
export const personPopulation = (
  input: Pick<ScreeningInput, 'minor' | 'ageBand' | 'gender'>,
): CapacityPopulation | null => {
  const minor = isMinor(input);
  const adult = input.minor === 'no' || (!minor && input.ageBand !== 'unknown');
  const female = input.gender === 'Feminine' || input.gender === 'TransgenderFeminine';
  const male = input.gender === 'Masculine' || input.gender === 'TransgenderMasculine';
  if (minor) return female ? 'girls' : male ? 'boys' : null;
  if (adult) return female ? 'women' : male ? 'men' : null;
  return null;
};

/**
 * The referral the screening becomes, for one service: HTCDS fields filled from it (status as
 * suggested, exploitation types, gender, age band, languages), the needs the service was chosen
 * for, the urgency, and the assessment itself, sealed with the case.
 */
export const referralDraftFrom = (
  assessment: Assessment,
  input: ScreeningInput,
  needs: readonly NeedDef[],
  serviceId: string,
  lang: keyof Localized,
): ReferralDraftInput => {
  const referralNeeds = [...new Set(needs.map((n) => n.referralNeed))];
  const other = needs.filter((n) => n.referralNeed === 'other').map((n) => n.label[lang]);
  return {
    serviceId,
    urgency: assessment.urgency,
    caseDetails: {
      // HTCDS has no "to be assessed": a screened person referred is a possible victim until
      // an identification says otherwise.
      traffickingStatus: 'PossibleVictimOfTrafficking',
      exploitationTypes: (assessment.htcds.vic_TypeOfExploitation ??
        []) as ReferralDraftInput['caseDetails']['exploitationTypes'],
      gender: input.gender,
      ageBand: input.ageBand,
      languages: input.languages,
      needs: referralNeeds.length ? referralNeeds : ['other'],
      needsOther: referralNeeds.length ? other.join(', ') : '—',
      screening: assessment,
    },
  };
};

/**
 * What statistics count: one de-identified fact per counted event (today a referral; issue 16's
 * screenings plug in as another source), holding only the dimension values the statistics break
 * down by. Facts are built in memory after the data key is unlocked and never stored: the
 * person key in particular (which tells one person's referrals apart) stays on this machine.
 *
 * Extension point: a new source adds its name to STAT_SOURCES and a `xxxFact` builder beside
 * `referralFact`; a new breakdown adds an entry to DIMENSIONS. Every aggregate, table, export
 * and published document works from these two lists.
 */
import { SERVICE_CATEGORIES } from '../directory/schema';
import { normalizeText } from '../directory/normalize';
import {
  AGE_BANDS,
  EXPLOITATION_TYPES,
  GENDERS,
  TRAFFICKING_STATUSES,
  URGENCIES,
  isMinorBand,
  type Referral,
  type ReferralState,
} from '../referrals/schema';

/** Where facts come from. Issue 16 (frontline screening) adds 'screening'. */
export const STAT_SOURCES = ['referral'] as const;
export type StatSource = (typeof STAT_SOURCES)[number];

export const UNKNOWN = 'unknown';
/** Several types of exploitation on one case: counted once, as "multiple", so tables add up. */
export const MULTIPLE = 'multiple';

export const OUTCOMES = ['pending', 'accepted', 'declined', 'completed', 'withdrawn'] as const;

export type DimensionSpec = {
  /** Values in the order tables show them; null: whatever occurs, sorted (codes). */
  values: readonly string[] | null;
  /** The sources that carry this dimension (others count as UNKNOWN). */
  sources: readonly StatSource[];
};

export const DIMENSIONS = {
  traffickingStatus: { values: [...TRAFFICKING_STATUSES, UNKNOWN], sources: ['referral'] },
  exploitation: { values: [...EXPLOITATION_TYPES, MULTIPLE, UNKNOWN], sources: ['referral'] },
  gender: { values: GENDERS, sources: ['referral'] },
  ageGroup: { values: ['minor', 'adult', UNKNOWN], sources: ['referral'] },
  ageBand: { values: AGE_BANDS, sources: ['referral'] },
  nationality: { values: null, sources: ['referral'] },
  referringOffice: { values: null, sources: ['referral'] },
  serviceCategory: { values: [...SERVICE_CATEGORIES, UNKNOWN], sources: ['referral'] },
  urgency: { values: URGENCIES, sources: ['referral'] },
  outcome: { values: OUTCOMES, sources: ['referral'] },
  region: { values: null, sources: ['referral'] },
} as const satisfies Record<string, DimensionSpec>;
export type DimensionId = keyof typeof DIMENSIONS;
export const DIMENSION_IDS = Object.keys(DIMENSIONS) as DimensionId[];
export const isDimension = (s: string): s is DimensionId => s in DIMENSIONS;

export type StatFact = {
  source: StatSource;
  /** Opaque and in memory only: the same person gives the same key. */
  personKey: string;
  /** The office whose record this is (it publishes the fact in its aggregates). */
  office: string;
  /** When it counts: a referral's sending (ISO, UTC); drafts are not referrals yet. */
  at: string;
  /** ISO 3166-1 country of the office, and ISO 3166-2 region of the receiving service. */
  country: string;
  region: string;
  /**
   * The receiving service's cercle/district (OCHA P-code or an administrator's local code), or
   * UNKNOWN: directory records made before districts have none. A referral records no place of
   * the person (where they were identified or live), so the service's place is the only one.
   */
  district: string;
  dims: Record<DimensionId, string>;
  /** Hours from sending to the answer, when answered; with the urgency's deadline. */
  delayHours: number | null;
};

const outcomeOf = (state: ReferralState): string => {
  if (state === 'sent' || state === 'draft') return 'pending';
  return state;
};

/**
 * The person behind a referral: their recorded name with what describes them (so two people of
 * the same name stay two), or, with no name kept, the case code (each referral its own person:
 * we cannot tell more without identifying data).
 */
export const personKeyOf = (r: Referral): string => {
  const c = r.caseDetails;
  if (!c.person) return `case:${r.caseCode}`;
  const who = normalizeText(c.person.name).replace(/\s+/g, ' ').trim();
  return `person:${who}|${c.gender}|${[...c.citizenship].sort().join(',')}|${c.ageBand}`;
};

/**
 * A referral as a fact; none for a draft (nobody was referred yet). `service`: the receiving
 * service's category and region, if known.
 */
export const referralFact = (
  r: Referral,
  service: { category: string; region: string; district?: string } | undefined,
  country: string,
): StatFact | null => {
  if (r.state === 'draft') return null;
  const c = r.caseDetails;
  const types = c.exploitationTypes;
  const delay =
    r.sentAt && r.answeredAt ? (Date.parse(r.answeredAt) - Date.parse(r.sentAt)) / 3_600_000 : null;
  const region = service?.region || UNKNOWN;
  return {
    source: 'referral',
    personKey: personKeyOf(r),
    office: r.office,
    at: r.sentAt ?? r.createdAt,
    country,
    region,
    district: service?.district || UNKNOWN,
    delayHours: delay,
    dims: {
      traffickingStatus: c.traffickingStatus,
      exploitation: types.length === 0 ? UNKNOWN : types.length > 1 ? MULTIPLE : types[0]!,
      gender: c.gender,
      ageGroup: c.ageBand === 'unknown' ? UNKNOWN : isMinorBand(c.ageBand) ? 'minor' : 'adult',
      ageBand: c.ageBand,
      // The first citizenship is the one HTCDS calls primary; none known is "unknown".
      nationality: c.citizenship[0] ?? UNKNOWN,
      referringOffice: r.referringOffice.code,
      serviceCategory: service?.category ?? UNKNOWN,
      urgency: r.urgency,
      outcome: outcomeOf(r.state),
      region,
    },
  };
};

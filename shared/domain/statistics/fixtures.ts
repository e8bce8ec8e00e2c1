/**
 * Fictional facts for tests and the benchmark: a seeded generator, so a run is repeatable.
 * Regions are Mali's (ISO 3166-2), offices fictional codes.
 */
import { AGE_BANDS, GENDERS, TRAFFICKING_STATUSES, URGENCIES } from '../referrals/schema';
import { OUTCOMES, type StatFact } from './facts';

const REGIONS = ['ML-BKO', 'ML-1', 'ML-2', 'ML-3', 'ML-4', 'ML-5', 'ML-6', 'ML-7', 'ML-8'];
/** Cercles of some regions (OCHA P-codes); other regions' facts have no district recorded. */
const DISTRICTS: Record<string, readonly string[]> = {
  'ML-1': ['ML0101', 'ML0102', 'ML0103'],
  'ML-4': ['ML0401', 'ML0402'],
  'ML-5': ['ML0501'],
};
const OFFICES = ['BKO', 'SEG', 'KAY', 'MPT', 'SIK'];
const NATIONS = ['ML', 'NG', 'BF', 'CI', 'GN', 'NE', 'SN', 'GH'];
const TYPES = ['SexualExploitation', 'ForcedLabour', 'ForcedBegging', 'ChildLabour', 'multiple'];
const CATEGORIES = ['shelter', 'medical', 'legal_aid', 'psychosocial'];

/** Mulberry32: small, fast, seeded. */
export const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

export const generateFacts = (n: number, seed = 1, year = 2026): StatFact[] => {
  const rnd = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const out: StatFact[] = [];
  for (let i = 0; i < n; i++) {
    // One person in five is referred again (same key as an earlier fact).
    const person = i > 0 && rnd() < 0.2 ? Math.floor(rnd() * i) : i;
    const day = Math.floor(rnd() * 365);
    const at = new Date(Date.UTC(year, 0, 1) + day * 86_400_000 + 36_000_000).toISOString();
    const band = pick(AGE_BANDS);
    const region = pick(REGIONS);
    const districts = DISTRICTS[region];
    const district = districts && rnd() < 0.8 ? pick(districts) : 'unknown';
    out.push({
      source: 'referral',
      personKey: `case:P${person}`,
      office: pick(OFFICES),
      at,
      country: 'ML',
      region,
      district,
      delayHours: rnd() < 0.7 ? Math.round(rnd() * 400) : null,
      dims: {
        traffickingStatus: pick(TRAFFICKING_STATUSES),
        exploitation: pick(TYPES),
        gender: pick(GENDERS),
        ageGroup:
          band === 'unknown' ? 'unknown' : band === '0-8' || band === '9-17' ? 'minor' : 'adult',
        ageBand: band,
        nationality: pick(NATIONS),
        referringOffice: pick(OFFICES),
        serviceCategory: pick(CATEGORIES),
        urgency: pick(URGENCIES),
        outcome: pick(OUTCOMES),
        region,
      },
    });
  }
  return out;
};

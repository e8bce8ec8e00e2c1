/**
 * Need-to-know: which case fields a letter gives to which kind of service. A letter always
 * carries the case code, the services requested, the urgency, the languages (every service
 * needs to know whether to find an interpreter) and the details the referring officer wrote
 * for the recipient. The rest only where the recipient's work needs it. Internal notes never
 * leave the office; the name only with consent (rules.ts `mayShareName`) and when the officer
 * says the recipient needs it.
 */
import type { ServiceCategory } from '../directory/schema';
import type { Need } from '../referrals/schema';

export const CASE_FIELDS = [
  'gender',
  'ageBand',
  'citizenship',
  'traffickingStatus',
  'exploitationTypes',
] as const;
export type CaseField = (typeof CASE_FIELDS)[number];

/** By the receiving service's category: why each one needs what it gets. */
export const NEED_TO_KNOW: Record<ServiceCategory, readonly CaseField[]> = {
  // A room or dormitory suited to the person's sex and age.
  shelter: ['gender', 'ageBand'],
  // Examinations and care differ after sexual exploitation or organ removal.
  medical: ['gender', 'ageBand', 'exploitationTypes'],
  psychosocial: ['gender', 'ageBand', 'exploitationTypes'],
  // Rights and procedures depend on the status, the exploitation and the nationality.
  legal_aid: ['citizenship', 'traffickingStatus', 'exploitationTypes'],
  social_services: ['gender', 'ageBand'],
  law_enforcement: ['gender', 'ageBand', 'citizenship', 'traffickingStatus', 'exploitationTypes'],
  hotline: [],
  // Return needs nationality and who travels; the status opens return programmes.
  repatriation: ['gender', 'ageBand', 'citizenship', 'traffickingStatus'],
  labour_inspection: ['traffickingStatus', 'exploitationTypes'],
  child_protection: ['gender', 'ageBand', 'citizenship'],
};

/** What a requested service itself needs, whatever the recipient's category. */
const BY_NEED: Record<Need, readonly CaseField[]> = {
  shelter: ['gender', 'ageBand'],
  medical: [],
  legal: ['traffickingStatus'],
  psychosocial: [],
  repatriation: ['citizenship'],
  other: [],
};

export const fieldsFor = (category: ServiceCategory, needs: readonly Need[]): CaseField[] => {
  const wanted = new Set<CaseField>(NEED_TO_KNOW[category]);
  for (const n of needs) for (const f of BY_NEED[n]) wanted.add(f);
  return CASE_FIELDS.filter((f) => wanted.has(f));
};

/**
 * Passerelle's additions to HSDS, carried as HSDS `attribute`s linked to a term of our own
 * taxonomy, never as renamed or invented standard fields (DESIGN §2). A partner's HSDS tool
 * keeps and ignores them; another Passerelle reads them back.
 *
 * One term per extension field (its code is the field name); the attribute's `value` holds the
 * value (one attribute per value for lists such as populations).
 */
import { stableId } from './ids';
import { isRecord } from './text';

export const TAXONOMY_NAME = 'passerelle';

export const EXTENSION_FIELDS = {
  category: 'Service category in a National Referral Mechanism (Passerelle codes).',
  population: 'Population the service takes (women, men, girls, boys, families, …).',
  referral_method: 'How a referral reaches the service (phone, email, letter, in_person, hotline).',
  response_delay_hours: 'Typical delay before the service answers a referral, in hours.',
  free: 'Whether the service is free of charge for victims (true/false).',
  verified_by: 'Who last verified the service details (date in assured_date).',
  visibility: 'Who may see the location: public, partners or restricted (shelters).',
  admin_area: 'ISO 3166-2 code of the first-level administrative area.',
  admin_area_2: 'OCHA P-code (or local code) of the second-level area (cercle, district).',
  office: 'Code of the Passerelle office that owns the record.',
  created_at: 'When the record was created (ISO 8601).',
  updated_at: 'When the record was last changed (ISO 8601).',
  demo: 'Fictional demonstration record (true).',
  external_id_scheme:
    'System an external identifier of the service comes from (an HSDS package or file name).',
  external_id_type: 'Kind of the external identifier (service_id: the id in that system).',
  external_id:
    'Identifier of the service in that system; the n-th external_id goes with the n-th scheme and type.',
} as const;
export type ExtensionField = keyof typeof EXTENSION_FIELDS;
export type LinkEntity = 'service' | 'location' | 'organization';

export const TAXONOMY = {
  id: stableId('passerelle-taxonomy'),
  name: 'Passerelle',
  description: 'Passerelle extensions to HSDS for National Referral Mechanism directories.',
  version: '1',
};

export const termFor = (field: ExtensionField) => ({
  id: stableId('passerelle-term', field),
  code: field,
  name: field,
  description: EXTENSION_FIELDS[field],
  taxonomy: TAXONOMY_NAME,
  taxonomy_id: TAXONOMY.id,
});

export type HsdsAttribute = {
  id: string;
  link_id: string;
  link_type: string;
  link_entity: LinkEntity;
  taxonomy_term_id: string;
  value: string;
  taxonomy_term: ReturnType<typeof termFor>;
};

/** Attributes for (field, value) pairs; empty values are left out. */
export const attributes = (
  entity: LinkEntity,
  id: string,
  pairs: (readonly [ExtensionField, string | null | undefined])[],
): HsdsAttribute[] =>
  pairs
    .filter(
      (p): p is readonly [ExtensionField, string] =>
        p[1] !== null && p[1] !== undefined && p[1] !== '',
    )
    .map(([field, value], i) => {
      const term = termFor(field);
      return {
        id: stableId('passerelle-attribute', entity, id, field, value, String(i)),
        link_id: id,
        link_type: field,
        link_entity: entity,
        taxonomy_term_id: term.id,
        value,
        taxonomy_term: term,
      };
    });

const FIELD_BY_TERM_ID = new Map(
  (Object.keys(EXTENSION_FIELDS) as ExtensionField[]).map((f) => [termFor(f).id, f]),
);

/**
 * Our extension values from any HSDS `attributes` array: recognised by our term id or by
 * (taxonomy "passerelle", code). Other attributes are someone else's and are ignored.
 */
export const readExtensions = (attrs: unknown): Map<ExtensionField, string[]> => {
  const out = new Map<ExtensionField, string[]>();
  if (!Array.isArray(attrs)) return out;
  for (const a of attrs) {
    if (!isRecord(a)) continue;
    const term = isRecord(a.taxonomy_term) ? a.taxonomy_term : {};
    let field = FIELD_BY_TERM_ID.get(String(a.taxonomy_term_id ?? term.id ?? ''));
    if (!field && term.taxonomy === TAXONOMY_NAME && typeof term.code === 'string')
      field = term.code in EXTENSION_FIELDS ? (term.code as ExtensionField) : undefined;
    if (!field || (typeof a.value !== 'string' && typeof a.value !== 'number')) continue;
    out.set(field, [...(out.get(field) ?? []), String(a.value).trim()]);
  }
  return out;
};

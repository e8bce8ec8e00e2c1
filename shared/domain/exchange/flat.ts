/**
 * Flat files (CSV, XLSX): one row per service with its organisation and first location, the
 * shape offices keep in Excel. Columns are mapped to fields by the user (suggested from the
 * header, remembered per header layout); cells are read as people type them (values.ts).
 * Exports carry every field, ids last, so an exported sheet edited and re-imported updates the
 * same records.
 */
import { matchArea, matchDistrict, profileFor } from '../directory/areas';
import { normalizeText } from '../directory/normalize';
import {
  POPULATIONS,
  REFERRAL_METHODS,
  SERVICE_CATEGORIES,
  SERVICE_STATUSES,
  VISIBILITIES,
} from '../directory/schema';
import { stableId } from './ids';
import { unneutralise } from './text';
import type { ImportContext, Issue } from './types';
import type { Draft, Entity, Path } from './validate';
import { languageCode, matchCode, parseBool, parseNumber, splitList } from './values';

export const FLAT_FIELDS = [
  'organization',
  'name',
  'alternate_name',
  'description',
  'category',
  'populations',
  'languages',
  'phones',
  'email',
  'url',
  'hours',
  'free',
  'fees_description',
  'referral_method',
  'response_delay_hours',
  'status',
  'location_name',
  'address',
  'city',
  'region',
  'district',
  'country',
  'latitude',
  'longitude',
  'visibility',
  'verified_date',
  'verified_by',
  'contact_name',
  'contact_title',
  'contact_email',
  'contact_phone',
  'service_id',
  'organization_id',
  'location_id',
  'office',
  'created_at',
  'updated_at',
] as const;
export type FlatField = (typeof FLAT_FIELDS)[number];
export const REQUIRED_FIELDS: readonly FlatField[] = ['organization', 'name'];

/** Field → column index in the file. */
export type Mapping = Partial<Record<FlatField, number>>;

/** dd/mm/yyyy (as typed in French spreadsheets) or yyyy-mm-dd → yyyy-mm-dd; else as is. */
const isoDate = (t: string) => {
  const m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : t.slice(0, 10);
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const countryCode = (t: string, fallback: string) => {
  if (/^[a-z]{2}$/i.test(t)) return t.toUpperCase();
  return t ? (matchCode(['ML', 'MZ', 'SA', 'BH', 'PK'] as const, 'country.', t) ?? t) : fallback;
};

/** Rows (with their spreadsheet row numbers) → drafts, organisations shared by name. */
export const flatRowsToDrafts = (
  rows: readonly { row: number; cells: readonly string[] }[],
  mapping: Mapping,
  ctx: ImportContext,
): Draft[] => {
  const orgs = new Map<string, Record<string, unknown>>();
  return rows.map(({ row, cells }) => {
    const get = (f: FlatField) => {
      const i = mapping[f];
      return i === undefined ? '' : unneutralise((cells[i] ?? '').trim()).trim();
    };
    const issues: Issue[] = [];
    const meta = {
      office: get('office') || ctx.office,
      createdAt: get('created_at') || get('updated_at') || ctx.now,
      updatedAt: get('updated_at') || ctx.now,
      deletedAt: null,
      demo: false,
    };
    const orgName = get('organization');
    const orgKey = UUID.test(get('organization_id'))
      ? get('organization_id')
      : normalizeText(orgName);
    let organization = orgs.get(orgKey);
    if (!organization) {
      organization = {
        id: UUID.test(get('organization_id')) ? get('organization_id') : ctx.newId(),
        ...meta,
        name: orgName,
      };
      orgs.set(orgKey, organization);
    }
    const serviceId = get('service_id') || ctx.newId();
    const hasLocation = (
      ['location_name', 'address', 'city', 'region', 'district', 'latitude', 'longitude'] as const
    ).some((f) => get(f) !== '');
    const country = countryCode(get('country'), ctx.country);
    const profile = profileFor(country);
    const regionText = get('region');
    const area = regionText && profile ? matchArea(profile, regionText) : undefined;
    const districtText = get('district');
    const district =
      districtText && profile ? matchDistrict(profile, districtText, area?.code) : undefined;
    const num = (f: FlatField) => (get(f) === '' ? null : parseNumber(get(f)));
    const locations = hasLocation
      ? [
          {
            id: get('location_id') || ctx.newId(),
            ...meta,
            organizationId: organization.id,
            name: get('location_name') || get('name'),
            // An unknown region stays as typed so the schema names it: no silent default.
            address: {
              address1: get('address'),
              city: get('city'),
              adminAreaCode: regionText ? (area?.code ?? regionText) : country,
              ...(districtText ? { districtCode: district?.code ?? districtText } : {}),
              country,
            },
            latitude: num('latitude'),
            longitude: num('longitude'),
            visibility: get('visibility')
              ? (matchCode(VISIBILITIES, 'visibility.', get('visibility')) ?? get('visibility'))
              : 'public',
          },
        ]
      : [];
    let category: string = get('category');
    if (!category) {
      category = ctx.defaultCategory;
      issues.push({
        row,
        column: 'category',
        code: 'exchange.issue.defaultCategory',
        severity: 'warning',
        value: category,
      });
    }
    const contactName = get('contact_name');
    const fees = get('fees_description');
    const free = get('free');
    return {
      row,
      organization,
      locations,
      issues,
      service: {
        id: serviceId,
        ...meta,
        organizationId: organization.id,
        locationIds: locations.map((l) => l.id),
        name: get('name'),
        alternateName: get('alternate_name'),
        description: get('description'),
        status: get('status')
          ? (matchCode(SERVICE_STATUSES, 'status.', get('status')) ?? get('status'))
          : 'active',
        category: matchCode(SERVICE_CATEGORIES, 'category.', category) ?? category,
        populations: splitList(get('populations')).map(
          (p) => matchCode(POPULATIONS, 'population.', p) ?? p,
        ),
        languages: splitList(get('languages')).map((l) => languageCode(l) ?? l),
        phones: get('phones')
          .split(/[;/\n|]/)
          .map((p) => p.trim())
          .filter(Boolean)
          .map((number, i) => ({
            id: stableId('phone', serviceId, String(i)),
            number,
            type: 'voice',
            description: '',
          })),
        email: get('email'),
        url: get('url'),
        contacts: contactName
          ? [
              {
                id: stableId('contact', serviceId),
                name: contactName,
                title: get('contact_title'),
                email: get('contact_email'),
                phone: get('contact_phone'),
              },
            ]
          : [],
        hours: get('hours'),
        free: free ? (parseBool(free) ?? free) : fees === '',
        feesDescription: fees,
        referralMethod: get('referral_method')
          ? (matchCode(REFERRAL_METHODS, 'referralMethod.', get('referral_method')) ??
            get('referral_method'))
          : 'phone',
        responseDelayHours: num('response_delay_hours'),
        lastVerified: get('verified_date')
          ? { date: isoDate(get('verified_date')), by: get('verified_by') || '—' }
          : null,
      },
    };
  });
};

const SERVICE_COLUMNS: Record<string, FlatField> = {
  id: 'service_id',
  organizationId: 'organization_id',
  alternateName: 'alternate_name',
  feesDescription: 'fees_description',
  referralMethod: 'referral_method',
  responseDelayHours: 'response_delay_hours',
  lastVerified: 'verified_date',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  contacts: 'contact_name',
};
const LOCATION_COLUMNS: Record<string, FlatField> = {
  id: 'location_id',
  name: 'location_name',
  address1: 'address',
  adminAreaCode: 'region',
  districtCode: 'district',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

/** The header of the column a schema problem comes from. */
export const flatColumnOf =
  (header: readonly string[], mapping: Mapping) =>
  (entity: Entity, path: Path): string => {
    const [head, second, third] = path.map(String);
    let field: string;
    if (entity === 'organization')
      field = head === 'name' ? 'organization' : head === 'id' ? 'organization_id' : (head ?? '');
    else if (entity === 'location')
      field =
        LOCATION_COLUMNS[head === 'address' ? (second ?? '') : (head ?? '')] ??
        (head === 'address' ? (second ?? '') : (head ?? ''));
    else if (head === 'contacts')
      field = third ? `contact_${third === 'name' ? 'name' : third}` : 'contact_name';
    else field = SERVICE_COLUMNS[head ?? ''] ?? head ?? '';
    const i = mapping[field as FlatField];
    return i !== undefined ? (header[i] ?? field) : field;
  };

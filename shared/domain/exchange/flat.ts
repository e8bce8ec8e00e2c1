/**
 * Flat files (CSV, XLSX): one row per service with its organisation and first location, the
 * shape offices keep in Excel. Columns are mapped to fields by the user (suggested from the
 * header, remembered per header layout); cells are read as people type them (values.ts).
 * Exports carry every field, ids last, so an exported sheet edited and re-imported updates the
 * same records.
 */
import { matchDistrict, profileFor } from '../directory/areas';
import { normalizeText } from '../directory/normalize';
import { REFERRAL_METHODS, VISIBILITIES } from '../directory/schema';
import { columnDateOrder, parseDate } from './dates';
import { placeIssues } from './places';
import { withScheme } from './hsdsForeign';
import { repairMojibake } from './mojibake';
import { stableId } from './ids';
import { unneutralise } from './text';
import type { ImportContext, Issue } from './types';
import type { Draft, Entity, Path } from './validate';
import type { ClosedField, ValueMap } from './valueMatch';
import { allowedCodes, cellValues, resolveValue } from './valueMatch';
import { matchCode, memo, parseBool, parseNumber } from './values';

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Spreadsheet column letter: A … Z, AA … */
export const columnLetter = (i: number): string => {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
/** A column as the user knows it: its header, or its letter when the header cell is empty. */
export const columnName = (header: readonly string[], i: number): string =>
  header[i]?.trim() || columnLetter(i);

/** Free-text fields checked for text read twice as UTF-8. */
const TEXT_FIELDS: readonly FlatField[] = [
  'organization',
  'name',
  'description',
  'location_name',
  'address',
  'city',
  'region',
  'country',
  'contact_name',
];

export type FlatReadOptions = {
  values?: ValueMap;
  header?: readonly string[];
  /** Called every 2,000 rows while reading, so a large file shows progress from the start. */
  progress?: (done: number) => void;
};

/** `make(field, country)` made once per pair (field and country kept apart: nothing to forge). */
const byFieldAndCountry = <T>(make: (field: ClosedField, country: string) => T) => {
  const made = new Map<ClosedField, Map<string, T>>();
  return (field: ClosedField, country: string): T => {
    let byCountry = made.get(field);
    if (!byCountry) made.set(field, (byCountry = new Map()));
    if (!byCountry.has(country)) byCountry.set(country, make(field, country));
    return byCountry.get(country) as T;
  };
};

type FlatRow = { row: number; cells: readonly string[] };

/** Rows (with their spreadsheet row numbers) → drafts, organisations shared by name. */
export const flatRowsToDrafts = (
  rows: readonly FlatRow[],
  mapping: Mapping,
  ctx: ImportContext,
  opts: FlatReadOptions = {},
): Draft[] => rows.map(flatRowReader(rows, mapping, ctx, opts));

/**
 * The reader of one row of `rows` into a draft, called in row order (organisations are shared
 * by name from the first row naming them; dates are read in the order the whole column
 * proves), so that a file can be read and checked row by row.
 */
export const flatRowReader = (
  rows: readonly FlatRow[],
  mapping: Mapping,
  ctx: ImportContext,
  opts: FlatReadOptions = {},
): ((r: FlatRow, n: number) => Draft) => {
  const orgs = new Map<string, Record<string, unknown>>();
  const values = opts.values ?? {};
  const header = opts.header ?? [];
  const col = (f: FlatField) => {
    const i = mapping[f];
    return i === undefined ? '' : columnName(header, i);
  };
  const dateCol = mapping.verified_date;
  const dates = columnDateOrder(
    dateCol === undefined ? [] : rows.map((r) => r.cells[dateCol] ?? ''),
  );
  // A 200k-row file repeats a few hundred distinct list cells and organisation names: each is
  // matched (and normalised) once, not once per row (issue 17). The matching is a pure function
  // of its key, so a hit is the very answer the row would have computed.
  const resolverFor = byFieldAndCountry((field, country) =>
    memo((cell) => {
      const codes: string[] = [];
      const unknown: string[] = [];
      for (const v of cellValues(field, cell)) {
        const c = resolveValue(field, v, values, country);
        if (c) codes.push(...c);
        else unknown.push(v);
      }
      return { codes: [...new Set(codes)], unknown };
    }),
  );
  const allowedFor = byFieldAndCountry((field, country) =>
    field === 'languages' ? [] : allowedCodes(field, country),
  );
  const orgKeyOf = memo(normalizeText);
  return ({ row, cells }, n) => {
    if (opts.progress && n % 2000 === 1999) opts.progress(n + 1);
    const read = new Map<FlatField, string>();
    const get = (f: FlatField) => {
      let v = read.get(f);
      if (v === undefined) {
        const i = mapping[f];
        v = i === undefined ? '' : unneutralise((cells[i] ?? '').trim()).trim();
        read.set(f, v);
      }
      return v;
    };
    const issues: Issue[] = [];
    /** Codes for a closed-list cell; each value nobody can match is an error naming the list. */
    const closed = (field: ClosedField, country: string): string[] => {
      const { codes, unknown } = resolverFor(field, country)(get(field));
      for (const v of unknown)
        issues.push({
          row,
          column: col(field),
          code: 'exchange.issue.notAllowed',
          severity: 'error',
          value: v,
          field,
          allowed: [...allowedFor(field, country)],
        });
      return [...codes];
    };
    const meta = {
      office: get('office') || ctx.office,
      createdAt: get('created_at') || get('updated_at') || ctx.now,
      updatedAt: get('updated_at') || ctx.now,
      deletedAt: null,
      demo: false,
    };
    const orgName = get('organization');
    const orgKey = UUID.test(get('organization_id')) ? get('organization_id') : orgKeyOf(orgName);
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
    const country = closed('country', ctx.country)[0] ?? ctx.country;
    const area = closed('region', country)[0];
    const profile = profileFor(country);
    const districtText = get('district');
    const district =
      districtText && profile ? matchDistrict(profile, districtText, area) : undefined;
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
              adminAreaCode: area ?? country,
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
    for (const l of locations)
      for (const p of placeIssues(
        String(l.address.adminAreaCode),
        country,
        l.latitude,
        l.longitude,
      ))
        issues.push({
          row,
          column: col('latitude'),
          code: p.code,
          severity: 'warning',
          value: `${get('latitude')}, ${get('longitude')}`,
          field: 'latitude',
          ...(p.fix ? { fix: p.fix } : {}),
        });
    let category = get('category') ? closed('category', country)[0] : undefined;
    if (!get('category')) {
      category = ctx.defaultCategory;
      issues.push({
        row,
        column: col('category'),
        code: 'exchange.issue.defaultCategory',
        severity: 'warning',
        value: category,
        field: 'category',
      });
    }
    const verified = get('verified_date')
      ? parseDate(get('verified_date'), dates.order, dates.proven)
      : undefined;
    if (verified?.ambiguous)
      issues.push({
        row,
        column: col('verified_date'),
        code: 'exchange.issue.ambiguousDate',
        severity: 'warning',
        value: get('verified_date'),
        field: 'verified_date',
        fix: verified.iso,
      });
    for (const f of TEXT_FIELDS) {
      const fix = repairMojibake(get(f));
      if (fix !== undefined)
        issues.push({
          row,
          column: col(f),
          code: 'exchange.issue.mojibake',
          severity: 'warning',
          value: get(f),
          field: f,
          fix,
        });
    }
    const url = withScheme(get('url'));
    if (url.fixed)
      issues.push({
        row,
        column: col('url'),
        code: 'exchange.issue.urlScheme',
        severity: 'warning',
        value: get('url'),
        field: 'url',
        fix: url.url,
      });
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
        status: (get('status') && closed('status', country)[0]) || 'active',
        category,
        populations: closed('populations', country),
        languages: closed('languages', country),
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
        url: url.url,
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
          ? { date: verified?.iso ?? get('verified_date'), by: get('verified_by') || '—' }
          : null,
      },
    };
  };
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
    return i !== undefined ? columnName(header, i) : field;
  };

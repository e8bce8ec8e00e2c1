/**
 * HSDS 3 JSON → drafts of our records (validate.ts then parses them). Lenient where HSDS is
 * loose and nothing is lost: quotes around a phone number are dropped, out-of-range coordinates
 * and unknown language codes are dropped with a warning, a service without our category gets
 * the one the user chose, with a warning. Strict where a record would be wrong: anything our
 * schemas refuse rejects its row.
 */
import { areaByCode, matchArea, profileFor, recordRegionCode } from '../directory/areas';
import type { ExtensionField } from './extensions';
import { readExtensions } from './extensions';
import { languageCode } from './values';
import { looksLikeService, normalizeRecord, ownId, withScheme } from './hsdsForeign';
import {
  foreignIdentifier,
  mergeExternalIds,
  readExternalIdAttributes,
  readOrganizationIdentifiers,
  withExternalIds,
} from './externalIds';
import { ExchangeError, LIMITS } from './limits';
import { isRecord } from './text';
import type { Draft } from './validate';
import type { ImportContext, Issue } from './types';

type Obj = Record<string, unknown>;
const str = (v: unknown): string =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isRecord) : []);
const num = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
};
/** The official examples quote their phone numbers inside the string. */
const cleanPhone = (v: unknown) =>
  str(v)
    .replace(/^["']+|["']+$/g, '')
    .trim();

const recordMeta = (ext: Map<ExtensionField, string[]>, ctx: ImportContext, updated?: string) => {
  const updatedAt = ext.get('updated_at')?.[0] || updated || ctx.now;
  return {
    office: ext.get('office')?.[0] || ctx.office,
    createdAt: ext.get('created_at')?.[0] || updatedAt,
    updatedAt,
    deletedAt: null,
    demo: ext.get('demo')?.[0] === 'true',
  };
};

export const readOrganization = (o: Obj, ctx: ImportContext): Obj => ({
  id: ownId(ctx, 'organization', str(o.id)),
  ...recordMeta(readExtensions(o.attributes), ctx),
  name: str(o.name),
  description: str(o.description),
  email: str(o.email),
  // HSDS 1.x calls it url.
  website: withScheme(str(o.website) || str(o.url)).url,
  ...withExternalIds(
    mergeExternalIds(
      readOrganizationIdentifiers(o, ctx),
      foreignIdentifier(ctx, 'organization', str(o.id)),
    ),
  ),
});

const readLocation = (
  l: Obj,
  orgId: string,
  fallbackName: string,
  ctx: ImportContext,
  warn: (c: string, code: string, v?: string) => void,
): Obj => {
  const ext = readExtensions(l.attributes);
  const addresses = arr(l.addresses);
  const a = addresses.find((x) => x.address_type === 'physical') ?? addresses[0] ?? {};
  const countryText = str(a.country).toUpperCase();
  const country = /^[A-Z]{2}$/.test(countryText) ? countryText : ctx.country;
  const profile = profileFor(country);
  const named = str(a.state_province) || str(a.region);
  const coded = ext.get('admin_area')?.[0];
  const area =
    (coded && areaByCode(coded)) ||
    (profile && named
      ? (matchArea(profile, named) ?? matchArea(profile, str(a.region)))
      : undefined);
  if (!area && named) warn('addresses[0].state_province', 'exchange.issue.areaUnknown', named);
  // Records store ISO regions: a region created from older ones (ML_KITA) is stored as its
  // former one, as the service form does.
  const region = area ? recordRegionCode(area) : undefined;
  const districtCoded = ext.get('admin_area_2')?.[0];
  const district =
    districtCoded && region && areaByCode(districtCoded)?.parent === region
      ? districtCoded
      : undefined;
  let lat = num(l.latitude);
  let lon = num(l.longitude);
  if (
    (lat === null) !== (lon === null) ||
    (lat !== null && Math.abs(lat) > 90) ||
    (lon !== null && Math.abs(lon) > 180)
  ) {
    if (lat !== null || lon !== null)
      warn(
        'latitude',
        'exchange.issue.coordinatesDropped',
        `${str(l.latitude)}, ${str(l.longitude)}`,
      );
    lat = lon = null;
  }
  return {
    id: ownId(ctx, 'location', str(l.id)),
    ...recordMeta(ext, ctx),
    organizationId: orgId,
    name: str(l.name) || fallbackName,
    address: {
      address1: [str(a.address_1), str(a.address_2)].filter(Boolean).join(', '),
      city: str(a.city),
      adminAreaCode: region ?? country,
      // Kept only when it lies in the region read: a district elsewhere is a crafted mismatch.
      ...(district ? { districtCode: district } : {}),
      country,
    },
    latitude: lat,
    longitude: lon,
    visibility: ext.get('visibility')?.[0] || 'public',
  };
};

const hoursOf = (schedules: Obj[]): string =>
  schedules
    .map(
      (s) =>
        str(s.description) ||
        [str(s.byday), [str(s.opens_at), str(s.closes_at)].filter(Boolean).join('–')]
          .filter(Boolean)
          .join(' '),
    )
    .filter(Boolean)
    .join('; ');

/**
 * One HSDS service (with its nested organisation and locations) → a draft. `org` overrides the
 * nested organisation (a service listed inside an organisation); `locationIndex` resolves
 * service_at_location entries that give only a location_id.
 */
export const readService = (
  s: Obj,
  row: number,
  ctx: ImportContext,
  opts: {
    org?: Obj;
    orgIndex?: Map<string, Obj>;
    locationIndex?: Map<string, Obj>;
    extraLocations?: Obj[];
  } = {},
): Draft => {
  const issues: Issue[] = [];
  const warn = (column: string, code: string, value?: string) =>
    issues.push({
      row,
      column,
      code,
      severity: 'warning',
      ...(value !== undefined ? { value } : {}),
    });
  const ext = readExtensions(s.attributes);
  const one = (f: ExtensionField) => ext.get(f)?.[0];
  const orgRaw = opts.org ??
    (isRecord(s.organization) ? s.organization : opts.orgIndex?.get(str(s.organization_id))) ?? {
      id: str(s.organization_id),
    };
  const organization = readOrganization(orgRaw, ctx);
  const id = ownId(ctx, 'service', str(s.id));
  const url = withScheme(str(s.url));
  if (url.fixed) warn('url', 'exchange.issue.urlScheme', str(s.url));
  const sals = arr(s.service_at_locations);
  const rawLocations = [
    ...sals.map((sal) =>
      isRecord(sal.location) ? sal.location : opts.locationIndex?.get(str(sal.location_id)),
    ),
    ...(opts.extraLocations ?? []),
  ].filter(isRecord);
  const seen = new Set<string>();
  const locations = rawLocations
    .map((l, i) =>
      readLocation(l, String(organization.id), str(s.name), ctx, (c, code, v) =>
        warn(`service_at_locations[${i}].location.${c}`, code, v),
      ),
    )
    .filter((l) => !seen.has(String(l.id)) && seen.add(String(l.id)));
  let category = one('category');
  if (!category) {
    category = ctx.defaultCategory;
    warn('attributes.category', 'exchange.issue.defaultCategory', category);
  }
  const languages: string[] = [];
  for (const [i, l] of arr(s.languages).entries()) {
    const code = languageCode(str(l.code)) ?? languageCode(str(l.name));
    if (code && !languages.includes(code)) languages.push(code);
    else if (!code)
      warn(`languages[${i}].code`, 'exchange.issue.languageDropped', str(l.code) || str(l.name));
  }
  const contacts = arr(s.contacts).flatMap((c, i) => {
    if (!str(c.name)) {
      warn(`contacts[${i}].name`, 'exchange.issue.contactDropped');
      return [];
    }
    return [
      {
        id: ownId(ctx, 'contact', str(c.id)),
        name: str(c.name),
        title: str(c.title),
        email: str(c.email),
        phone: cleanPhone(arr(c.phones)[0]?.number),
      },
    ];
  });
  const fees = str(s.fees_description) || str(s.fees);
  const verifiedDate = str(s.assured_date).slice(0, 10);
  const status = str(s.status);
  const delay = one('response_delay_hours');
  return {
    row,
    organization,
    locations,
    issues,
    service: {
      id,
      ...recordMeta(ext, ctx, str(s.last_modified) || undefined),
      organizationId: organization.id,
      locationIds: locations.map((l) => l.id),
      name: str(s.name),
      alternateName: str(s.alternate_name),
      description: str(s.description),
      status: status || 'active',
      category,
      populations: ext.get('population') ?? [],
      languages,
      phones: arr(s.phones).map((p) => ({
        id: ownId(ctx, 'phone', str(p.id)),
        number: cleanPhone(p.number),
        type: ['voice', 'fax', 'text', 'cell', 'video', 'pager', 'textphone'].includes(str(p.type))
          ? str(p.type)
          : 'voice',
        description: str(p.description),
      })),
      email: str(s.email),
      url: url.url,
      contacts,
      hours: hoursOf(arr(s.schedules)),
      free: one('free') ? one('free') === 'true' : fees === '',
      feesDescription: fees,
      referralMethod: one('referral_method') || 'phone',
      responseDelayHours: delay ? Number(delay) : null,
      lastVerified: verifiedDate
        ? { date: verifiedDate, by: one('verified_by') || str(s.assurer_email) || '—' }
        : null,
      ...withExternalIds(
        mergeExternalIds(
          readExternalIdAttributes(ext),
          foreignIdentifier(ctx, 'service', str(s.id)),
        ),
      ),
    },
  };
};

export type HsdsItems = {
  drafts: Draft[];
  organizationsOnly: Obj[];
  rowsRead: number;
  issues: Issue[];
};

/** Any HSDS JSON root: one service, a list, a paginated list, organisations or services at locations. */
export const readHsdsItems = (root: unknown, ctx: ImportContext): HsdsItems => {
  const items: unknown[] = Array.isArray(root)
    ? root
    : isRecord(root) && Array.isArray(root.contents)
      ? root.contents
      : isRecord(root)
        ? [root]
        : [];
  if (items.length === 0) throw new ExchangeError('notHsds');
  if (items.length > LIMITS.rows) throw new ExchangeError('tooManyRows', { limit: LIMITS.rows });
  const out: HsdsItems = { drafts: [], organizationsOnly: [], rowsRead: items.length, issues: [] };
  items.forEach((raw, i) => {
    const row = i + 1;
    // Other systems' shapes are reshaped only for records that are services, not organisations.
    const item =
      isRecord(raw) && !isRecord(raw.service) && looksLikeService(raw) ? normalizeRecord(raw) : raw;
    if (!isRecord(item)) {
      out.issues.push({ row, column: '', code: 'exchange.issue.notAnObject', severity: 'error' });
    } else if (isRecord(item.service)) {
      out.drafts.push(
        readService(item.service, row, ctx, {
          extraLocations: isRecord(item.location) ? [item.location] : [],
        }),
      );
    } else if (looksLikeService(item)) {
      out.drafts.push(readService(item, row, ctx));
    } else if (!str(item.name)) {
      // Never a silent zero: a record we cannot read is a line of the report.
      out.issues.push({
        row,
        column: '',
        code: 'exchange.issue.recordUnreadable',
        severity: 'error',
        value: Object.keys(item).slice(0, 12).join(', '),
      });
    } else {
      const locationIndex = new Map(arr(item.locations).map((l) => [str(l.id), l]));
      const services = arr(item.services);
      if (services.length === 0) out.organizationsOnly.push(readOrganization(item, ctx));
      for (const s of services)
        out.drafts.push(readService(s, row, ctx, { org: item, locationIndex }));
    }
  });
  return out;
};

/**
 * Our records → HSDS 3 JSON, nested as the official examples nest a service: organization,
 * phones, schedules, languages, contacts and service_at_locations with their location and
 * addresses inside. Standard fields keep their HSDS names; our additions are attributes
 * (extensions.ts). Empty optional values are left out rather than sent as "" (HSDS formats such
 * as email and uri would reject an empty string).
 */
import { areaByCode } from '../directory/areas';
import type { Location, Organization, ServiceView } from '../directory/schema';
import { attributes } from './extensions';
import { stableId } from './ids';
import { externalIdPairs, hsdsOrganizationIdentifiers } from './externalIds';

export type ExportOptions = {
  /** Restricted locations (shelters) keep coordinates and street address only if true. */
  includeRestricted: boolean;
};

type Json = Record<string, unknown>;

/** Drops keys whose value is '' or null or undefined; HSDS prefers absent to empty. */
const compact = (o: Json): Json =>
  Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== '' && v !== null && v !== undefined),
  );

const meta = (r: { office: string; createdAt: string; updatedAt: string; demo: boolean }) =>
  [
    ['office', r.office],
    ['created_at', r.createdAt],
    ['updated_at', r.updatedAt],
    ['demo', r.demo ? 'true' : ''],
  ] as const;

export const isHidden = (l: Location, opts: ExportOptions) =>
  l.visibility === 'restricted' && !opts.includeRestricted;

export const hsdsOrganization = (o: Organization): Json => ({
  ...compact({
    id: o.id,
    name: o.name,
    email: o.email,
    website: o.website,
  }),
  // Required by HSDS even when empty.
  description: o.description,
  ...(o.externalIds?.length
    ? { organization_identifiers: hsdsOrganizationIdentifiers(o.id, o.externalIds) }
    : {}),
  attributes: attributes('organization', o.id, [...meta(o)]),
});

export const hsdsLocation = (l: Location, opts: ExportOptions): Json => {
  const hidden = isHidden(l, opts);
  const area = areaByCode(l.address.adminAreaCode);
  return {
    ...compact({
      id: l.id,
      location_type: 'physical',
      organization_id: l.organizationId,
      name: l.name,
      latitude: hidden ? null : l.latitude,
      longitude: hidden ? null : l.longitude,
    }),
    addresses: [
      {
        id: stableId('address', l.id),
        location_id: l.id,
        address_1: hidden ? '' : l.address.address1,
        city: hidden ? '' : l.address.city,
        state_province: area?.name ?? '',
        postal_code: '',
        country: l.address.country,
        address_type: 'physical',
      },
    ],
    attributes: attributes('location', l.id, [
      ['visibility', l.visibility],
      ['admin_area', l.address.adminAreaCode],
      ...(l.address.districtCode && !hidden
        ? [['admin_area_2', l.address.districtCode] as const]
        : []),
      ...meta(l),
    ]),
  };
};

export const hsdsService = (view: ServiceView, opts: ExportOptions): Json => {
  const s = view.service;
  return {
    ...compact({
      id: s.id,
      organization_id: s.organizationId,
      name: s.name,
      alternate_name: s.alternateName,
      description: s.description,
      url: s.url,
      email: s.email,
      status: s.status,
      fees_description: s.feesDescription,
      assured_date: s.lastVerified?.date,
      last_modified: s.updatedAt,
    }),
    phones: s.phones.map((p) =>
      compact({
        id: p.id,
        service_id: s.id,
        number: p.number,
        type: p.type,
        description: p.description,
      }),
    ),
    schedules: s.hours
      ? [{ id: stableId('schedule', s.id), service_id: s.id, description: s.hours }]
      : [],
    languages: s.languages.map((code) => ({
      id: stableId('language', s.id, code),
      service_id: s.id,
      code,
    })),
    contacts: s.contacts.map((c) => ({
      ...compact({ id: c.id, service_id: s.id, name: c.name, title: c.title, email: c.email }),
      phones: c.phone
        ? [{ id: stableId('contact-phone', c.id), contact_id: c.id, number: c.phone }]
        : [],
    })),
    service_at_locations: view.locations.map((l) => ({
      id: stableId('service_at_location', s.id, l.id),
      service_id: s.id,
      location_id: l.id,
      location: hsdsLocation(l, opts),
    })),
    ...(view.organization ? { organization: hsdsOrganization(view.organization) } : {}),
    attributes: attributes('service', s.id, [
      ['category', s.category],
      ...s.populations.map((p) => ['population', p] as ['population', string]),
      ['referral_method', s.referralMethod],
      ['response_delay_hours', s.responseDelayHours === null ? null : String(s.responseDelayHours)],
      ['free', String(s.free)],
      ['verified_by', s.lastVerified?.by],
      ...meta(s),
      ...externalIdPairs(s.externalIds),
    ]),
  };
};

/** A whole export, shaped like the official paginated list (service_list.json), one page. */
export const toHsdsJson = (views: readonly ServiceView[], opts: ExportOptions) => {
  const contents = views.map((v) => hsdsService(v, opts));
  return {
    total_items: contents.length,
    total_pages: 1,
    page_number: 1,
    size: contents.length,
    first_page: true,
    last_page: true,
    empty: contents.length === 0,
    contents,
  };
};

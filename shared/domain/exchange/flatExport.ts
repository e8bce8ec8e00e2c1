/**
 * The directory as flat rows (one per service, its first location), for CSV and XLSX. Every
 * field is a column, ids last; restricted locations lose coordinates and street address unless
 * the user asked for them.
 */
import type { ServiceView } from '../directory/schema';
import type { FlatField } from './flat';
import { FLAT_FIELDS } from './flat';
import { isHidden } from './hsdsWrite';
import type { ExportOptions } from './hsdsWrite';
import { neutralise } from './text';

export type FlatCell = string | number | null;

/** Header + one row per service; strings as they are (neutralised by the writers). */
export const exportFlatRows = (
  views: readonly ServiceView[],
  opts: ExportOptions,
): FlatCell[][] => [
  [...FLAT_FIELDS],
  ...views.map(({ service: s, organization: o, locations }) => {
    const l = locations[0];
    const hidden = l ? isHidden(l, opts) : false;
    const c = s.contacts[0];
    const cells: Record<FlatField, FlatCell> = {
      organization: o?.name ?? '',
      name: s.name,
      alternate_name: s.alternateName,
      description: s.description,
      category: s.category,
      populations: s.populations.join('; '),
      languages: s.languages.join('; '),
      phones: s.phones.map((p) => p.number).join('; '),
      email: s.email,
      url: s.url,
      hours: s.hours,
      free: String(s.free),
      fees_description: s.feesDescription,
      referral_method: s.referralMethod,
      response_delay_hours: s.responseDelayHours,
      status: s.status,
      location_name: l?.name ?? '',
      address: l && !hidden ? l.address.address1 : '',
      city: l && !hidden ? l.address.city : '',
      region: l?.address.adminAreaCode ?? '',
      // Finer than the region: hidden with the street for a restricted location.
      district: l && !hidden ? (l.address.districtCode ?? '') : '',
      country: l?.address.country ?? '',
      latitude: l && !hidden ? l.latitude : null,
      longitude: l && !hidden ? l.longitude : null,
      visibility: l?.visibility ?? '',
      verified_date: s.lastVerified?.date ?? '',
      verified_by: s.lastVerified?.by ?? '',
      contact_name: c?.name ?? '',
      contact_title: c?.title ?? '',
      contact_email: c?.email ?? '',
      contact_phone: c?.phone ?? '',
      service_id: s.id,
      organization_id: s.organizationId,
      location_id: l?.id ?? '',
      office: s.office,
      created_at: s.createdAt,
      updated_at: s.updatedAt,
    };
    return FLAT_FIELDS.map((f) => cells[f]);
  }),
];

/** CSV cells: everything is text, so numbers are neutralised too ("-25.9" → "'-25.9"). */
export const toCsvCells = (rows: FlatCell[][]): string[][] =>
  rows.map((r, i) => r.map((c) => (c === null ? '' : i === 0 ? String(c) : neutralise(String(c)))));

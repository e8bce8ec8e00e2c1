/** Where, in an HSDS file, the problem a schema found on one of our fields comes from. */
import type { Entity, Path } from './validate';

/** Our record paths → the HSDS field a problem is reported on. */
const SERVICE_FIELDS: Record<string, string> = {
  organizationId: 'organization_id',
  alternateName: 'alternate_name',
  feesDescription: 'fees_description',
  category: 'attributes.category',
  populations: 'attributes.population',
  free: 'attributes.free',
  referralMethod: 'attributes.referral_method',
  responseDelayHours: 'attributes.response_delay_hours',
  lastVerified: 'assured_date',
  hours: 'schedules',
  updatedAt: 'last_modified',
  createdAt: 'attributes.created_at',
  office: 'attributes.office',
  locationIds: 'service_at_locations',
  externalIds: 'attributes.external_id',
};
const LOCATION_FIELDS: Record<string, string> = {
  adminAreaCode: 'addresses[0].state_province',
  address1: 'addresses[0].address_1',
  city: 'addresses[0].city',
  country: 'addresses[0].country',
  visibility: 'attributes.visibility',
  office: 'attributes.office',
};

export const hsdsColumn = (entity: Entity, path: Path, li: number): string => {
  const [head, ...rest] = path.map(String);
  if (entity === 'organization')
    return `organization.${head === 'externalIds' ? 'organization_identifiers' : (head ?? '')}`;
  if (entity === 'location') {
    const key = head === 'address' ? (rest[0] ?? '') : (head ?? '');
    return `service_at_locations[${li}].location.${LOCATION_FIELDS[key] ?? key}`;
  }
  const base = SERVICE_FIELDS[head ?? ''] ?? head ?? '';
  return rest.length && /^\d+$/.test(rest[0]!)
    ? `${base}[${rest[0]}]${rest[1] ? `.${rest[1]}` : ''}`
    : base;
};

/**
 * Directory rules: validating what the form submits, turning it into HSDS-shaped records, and
 * the warnings a coordinator should see but may override (a point outside the chosen region).
 */
import { areaByCode, areasContaining, profileFor } from './areas';
import type {
  Location,
  Organization,
  Service,
  ServiceDraft,
  ServiceDraftInput,
  ServiceView,
} from './schema';
import { serviceDraftSchema } from './schema';
import type { FieldErrors, Result } from '../validation';
import { fieldErrors } from '../validation';

export const validateDraft = (input: ServiceDraftInput): Result<ServiceDraft> => {
  const parsed = serviceDraftSchema.safeParse(input);
  const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error);
  const lat = input.latitude ?? null;
  const lon = input.longitude ?? null;
  if ((lat === null) !== (lon === null)) {
    errors[lat === null ? 'latitude' : 'longitude'] ??= 'validation.coordinatesPair';
  }
  if (input.adminAreaCode && !areaByCode(input.adminAreaCode)) {
    errors.adminAreaCode ??= 'validation.adminArea';
  }
  // A reference district lies in one region; one added here is checked by its repository.
  const district = input.districtCode ? areaByCode(input.districtCode) : undefined;
  if (district && district.parent !== input.adminAreaCode) {
    errors.districtCode ??= 'validation.adminArea';
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: parsed.data };
};

export type CoordinateWarning = 'outsideCountry' | 'outsideRegion' | 'swapped';

/** Warnings, not errors: boundaries are approximate (bounding boxes) and borders move. */
export const coordinateWarnings = (
  adminAreaCode: string,
  latitude: number | null,
  longitude: number | null,
): CoordinateWarning[] => {
  if (latitude === null || longitude === null) return [];
  const area = areaByCode(adminAreaCode);
  const profile = profileFor(adminAreaCode.slice(0, 2));
  if (!area || !profile) return [];
  const inBox = (b: readonly number[], lat: number, lon: number) =>
    lat >= b[0]! && lat <= b[2]! && lon >= b[1]! && lon <= b[3]!;
  if (!inBox(profile.bbox, latitude, longitude)) {
    return inBox(profile.bbox, longitude, latitude) ? ['swapped'] : ['outsideCountry'];
  }
  const inside = areasContaining(profile, latitude, longitude).some((a) => a.code === area.code);
  return inside ? [] : ['outsideRegion'];
};

export type RecordContext = { office: string; now: string; newId: () => string };

/** The records a draft becomes; `existing` keeps ids, owner and creation time on edit. */
export const draftToRecords = (
  draft: ServiceDraft,
  organization: Organization,
  existing: ServiceView | undefined,
  ctx: RecordContext,
): { service: Service; location: Location } => {
  const oldLocation = existing?.locations[0];
  const locationId = oldLocation?.id ?? ctx.newId();
  const meta = <T extends { id: string; office: string; createdAt: string } | undefined>(
    old: T,
    id: string,
  ) => ({
    id,
    office: old?.office ?? ctx.office,
    createdAt: old?.createdAt ?? ctx.now,
    updatedAt: ctx.now,
    deletedAt: null,
    demo: false,
  });
  const location: Location = {
    ...meta(oldLocation, locationId),
    organizationId: organization.id,
    name: draft.locationName || draft.name,
    address: {
      address1: draft.address1,
      city: draft.city,
      adminAreaCode: draft.adminAreaCode,
      ...(draft.districtCode ? { districtCode: draft.districtCode } : {}),
      country: draft.adminAreaCode.slice(0, 2),
    },
    latitude: draft.latitude,
    longitude: draft.longitude,
    visibility: draft.visibility,
  };
  const old = existing?.service;
  const service: Service = {
    ...meta(old, old?.id ?? ctx.newId()),
    organizationId: organization.id,
    locationIds: [locationId, ...(old?.locationIds.slice(1) ?? [])],
    name: draft.name,
    alternateName: old?.alternateName ?? '',
    description: draft.description,
    status: old?.status ?? 'active',
    category: draft.category,
    populations: draft.populations,
    languages: draft.languages,
    phones: draft.phones.map((number, i) => ({
      id: old?.phones[i]?.id ?? ctx.newId(),
      number,
      type: old?.phones[i]?.type ?? 'voice',
      description: old?.phones[i]?.description ?? '',
    })),
    email: draft.email,
    url: old?.url ?? '',
    contacts: old?.contacts ?? [],
    hours: draft.hours,
    free: draft.free,
    feesDescription: draft.feesDescription,
    referralMethod: draft.referralMethod,
    responseDelayHours: draft.responseDelayHours,
    lastVerified: old?.lastVerified ?? null,
    // Kept from an import (issue 17): the form does not show them, an edit does not drop them.
    ...(old?.externalIds ? { externalIds: old.externalIds } : {}),
  };
  return { service, location };
};

/** The form's starting values for an existing service. */
export const draftFromView = (view: ServiceView): ServiceDraft => {
  const { service: s, organization, locations } = view;
  const loc = locations[0];
  return {
    organizationName: organization?.name ?? '',
    name: s.name,
    description: s.description,
    category: s.category,
    populations: s.populations,
    languages: s.languages,
    phones: s.phones.map((p) => p.number),
    email: s.email,
    hours: s.hours,
    free: s.free,
    feesDescription: s.feesDescription,
    referralMethod: s.referralMethod,
    responseDelayHours: s.responseDelayHours,
    locationName: loc && loc.name !== s.name ? loc.name : '',
    address1: loc?.address.address1 ?? '',
    city: loc?.address.city ?? '',
    adminAreaCode: loc?.address.adminAreaCode ?? '',
    districtCode: loc?.address.districtCode ?? '',
    latitude: loc?.latitude ?? null,
    longitude: loc?.longitude ?? null,
    visibility: loc?.visibility ?? 'public',
  };
};

/**
 * Location visibility by role (DESIGN §2): a restricted shelter's address and coordinates are
 * shown only to roles allowed to see them. Redaction happens where views are read, so the list,
 * the detail, the map, exports and letters all get the same redacted record.
 */
import type { Location, ServiceView } from '../directory/schema';
import { can, type Subject } from './permissions';

/** Visible when not restricted, or when the subject may see it for any service held there. */
export const mayShowLocation = (
  subject: Subject | null | undefined,
  location: Pick<Location, 'visibility'>,
  serviceIds: readonly string[],
): boolean =>
  location.visibility !== 'restricted' ||
  serviceIds.some((id) => can(subject, 'location.viewRestricted', { serviceIds: [id] }));

/**
 * The region stays (it is what a referral needs to know); street, town, point and a location
 * name of its own (often the neighbourhood) go.
 */
export const redactLocation = (location: Location, serviceName: string): Location => ({
  ...location,
  name: serviceName,
  address: { ...location.address, address1: '', city: '' },
  latitude: null,
  longitude: null,
});

export const isRedacted = (location: Location): boolean =>
  location.visibility === 'restricted' &&
  location.latitude === null &&
  location.address.address1 === '' &&
  location.address.city === '';

/**
 * A location whose place this installation does not hold (sealed to other offices, or its key
 * locked) is redacted for everyone, so it reads as the service, not as a placeholder.
 */
export const redactView = (subject: Subject | null | undefined, view: ServiceView): ServiceView => {
  const ids = [view.service.id];
  const shown = (l: Location) => mayShowLocation(subject, l, ids) && !isRedacted(l);
  return view.locations.every(shown)
    ? view
    : {
        ...view,
        locations: view.locations.map((l) => (shown(l) ? l : redactLocation(l, view.service.name))),
      };
};

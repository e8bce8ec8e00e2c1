/**
 * The replicated tables. A feature plugs its table in with one line; the engine, the bundles,
 * the server validation and the screens need nothing more.
 */
import { auditHeadSchema } from '../audit/heads';
import { capacityEventSchema } from '../capacity/schema';
import { customAreaSchema } from '../directory/customAreas';
import { locationSchema, organizationSchema, serviceSchema } from '../directory/schema';
import { seriesAnnouncementSchema } from '../letters/series';
import { restorePlace, showsPlace, takePlace } from '../directory/restricted';
import { referralEventSchema, referralSchema } from '../referrals/schema';
import { aggregateDocSchema } from '../statistics/published';
import {
  REFERRAL_EVENT_SEALED_FIELDS,
  REFERRAL_SEALED_FIELDS,
  referralEventParties,
  referralOwnerOnly,
  referralParties,
} from './parties';
import type { ReplicatedTable } from './registry';
import { createRegistry, replicated } from './registry';

export const REPLICATED_TABLES: readonly ReplicatedTable[] = [
  replicated('organizations', organizationSchema, { ownerField: 'office', immutable: false }),
  // A restricted location's place (street, town, point, name) is sealed to the owner office
  // (its desks), the ministry when configured, and the office a handover names; every other
  // office gets the shelter at its region only (issue 13, hole 9; docs/security.md).
  replicated('locations', locationSchema, {
    ownerField: 'office',
    immutable: false,
    restricted: {
      take: (record) => {
        const { record: open, place } = takePlace(record);
        return { record: open, secret: place && showsPlace(record) ? place : undefined };
      },
      restore: restorePlace,
      parties: () => [],
      shows: (record) => record.visibility === 'restricted' && showsPlace(record),
    },
  }),
  replicated('services', serviceSchema, { ownerField: 'office', immutable: false }),
  // Areas an administrator adds (region created in 2021, a missing district): directory data.
  replicated('areas', customAreaSchema, { ownerField: 'office', immutable: false }),
  replicated('capacityEvents', capacityEventSchema, { ownerField: 'office', immutable: true }),
  // A referral is its referring office's; the receiving office answers with events it owns
  // (shared/domain/referrals/fold.ts). Case fields are sealed to the parties (parties.ts).
  // Letters stay with the office that issued them; their history events travel.
  replicated('referrals', referralSchema, {
    ownerField: 'office',
    immutable: false,
    sealed: {
      fields: REFERRAL_SEALED_FIELDS,
      parties: referralParties,
      ownerOnly: referralOwnerOnly,
    },
  }),
  replicated('referralEvents', referralEventSchema, {
    ownerField: 'office',
    immutable: true,
    sealed: { fields: REFERRAL_EVENT_SEALED_FIELDS, parties: referralEventParties },
  }),
  // Each installation's audit head and the heads it saw of others (issue 13, hole 6).
  replicated('auditHeads', auditHeadSchema, { ownerField: 'office', immutable: false }),
  // Statistics: an office's per-period counts, no case in them (issue 14).
  replicated('statAggregates', aggregateDocSchema, { ownerField: 'office', immutable: false }),
  // Each installation's letter series (issue 13): two PCs of one office announcing the same
  // series are flagged in Settings.
  replicated('seriesAnnouncements', seriesAnnouncementSchema, {
    ownerField: 'office',
    immutable: false,
  }),
];

export const REGISTRY = createRegistry(REPLICATED_TABLES);

/**
 * The replicated tables. A feature plugs its table in with one line; the engine, the bundles,
 * the server validation and the screens need nothing more.
 */
import { capacityEventSchema } from '../capacity/schema';
import { locationSchema, organizationSchema, serviceSchema } from '../directory/schema';
import type { ReplicatedTable } from './registry';
import { createRegistry, replicated } from './registry';

export const REPLICATED_TABLES: readonly ReplicatedTable[] = [
  replicated('organizations', organizationSchema, { ownerField: 'office', immutable: false }),
  replicated('locations', locationSchema, { ownerField: 'office', immutable: false }),
  replicated('services', serviceSchema, { ownerField: 'office', immutable: false }),
  replicated('capacityEvents', capacityEventSchema, { ownerField: 'office', immutable: true }),
  // Referrals, once the receiving office's answer is an event it owns (see parties.ts):
  // replicated('referrals', referralSchema, { ownerField: 'office', immutable: false, sealed: { fields: REFERRAL_SEALED_FIELDS, parties: referralParties } }),
  // replicated('referralEvents', referralEventSchema, { ownerField: 'office', immutable: true, sealed: { fields: ['reason'], parties: referralEventParties } }),
];

export const REGISTRY = createRegistry(REPLICATED_TABLES);

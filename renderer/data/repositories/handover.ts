/**
 * Handing a shelter over to another office (issue 13, hole 1: "a handover is a signed act of
 * the current owner"). An administrator of the owner office names a trusted partner office;
 * the service and its locations are marked here, and the next sync signs the act into their
 * next versions (renderer/data/sync/outgoing.ts). Replicas accept the new owner's versions only
 * with that act (renderer/data/sync/gate.ts); the new owner takes the records over when it
 * receives them (renderer/data/sync/engine.ts).
 */
import { can, type Subject } from '@shared/domain/accounts/permissions';
import type { PasserelleDb } from '../db';
import type { Actor } from '../journal';
import { journal } from '../journal';
import { HANDOVER_OUT, handoverKey, type PendingHandover } from '../sync/handovers';
import { syncTables } from './sync';

export type HandoverResult = { ok: true } | { ok: false; error: string };

export const createHandoverRepository = (
  db: PasserelleDb,
  actor: () => Actor,
  subject?: () => Subject | null,
) => {
  const t = syncTables(db);
  const NOT_ALLOWED = 'accounts.error.notAllowed';

  /** The office a service of this office is being handed to, if any. */
  const pending = async (serviceId: string): Promise<string | undefined> =>
    (
      (await t.meta.get(HANDOVER_OUT + handoverKey('services', serviceId)))?.value as
        PendingHandover | undefined
    )?.to;

  /** Trusted partner offices a service can go to: unrevoked, not this office, one row each. */
  const partners = async (): Promise<{ office: string; name: string }[]> => {
    const self = actor().office;
    const byOffice = new Map<string, string>();
    for (const p of await t.peers.toArray())
      if (p.revokedAt === null && p.office !== self) byOffice.set(p.office, p.name);
    return [...byOffice].map(([office, name]) => ({ office, name }));
  };

  const handOverService = async (serviceId: string, to: string): Promise<HandoverResult> => {
    // Who owns a record is partner trust: the administrator's, as trusting a partner is.
    if (subject && !can(subject(), 'sync.trust')) return { ok: false, error: NOT_ALLOWED };
    const self = actor().office;
    if (to === self) return { ok: false, error: 'handover.error.self' };
    return db.transaction(
      'rw',
      [db.services, db.locations, t.meta, t.peers, db.changes, db.audit],
      async () => {
        const service = await db.services.get(serviceId);
        if (!service || service.deletedAt !== null)
          return { ok: false as const, error: 'validation.notFound' };
        // Only the current owner hands over; a record of another office is not ours to give.
        if (service.office !== self) return { ok: false as const, error: NOT_ALLOWED };
        const partner = (await t.peers.where('office').equals(to).toArray()).some(
          (p) => p.revokedAt === null,
        );
        if (!partner) return { ok: false as const, error: 'handover.error.notPartner' };
        const locations = (await db.locations.bulkGet(service.locationIds)).filter(
          (l): l is NonNullable<typeof l> => !!l && l.office === self,
        );
        const at = new Date().toISOString();
        const items = [
          { table: 'services', recordId: service.id },
          ...locations.map((l) => ({ table: 'locations', recordId: l.id })),
        ];
        for (const i of items)
          await t.meta.put({
            key: HANDOVER_OUT + handoverKey(i.table, i.recordId),
            value: { to, at } satisfies PendingHandover,
          });
        await journal(
          db,
          actor(),
          items.map((i) => ({ ...i, op: 'put' as const, action: 'service.handover', detail: to })),
        );
        return { ok: true as const };
      },
    );
  };

  return { pending, partners, handOverService };
};
export type HandoverRepository = ReturnType<typeof createHandoverRepository>;

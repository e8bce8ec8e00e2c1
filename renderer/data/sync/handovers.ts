/**
 * Handovers on this installation (shared/domain/sync/handover.ts has the rules): what this
 * office hands over (`handoverOut:`, set by the repository, signed into the next version the
 * drain writes) and what was handed to it (`handoverIn:`, kept from the previous owner's
 * document, carried in every version this office writes of the record).
 */
import type { Handover } from '@shared/domain/sync/handover';
import { handoverPayload, handoverSchema } from '@shared/domain/sync/handover';
import { toBase64 } from '@shared/domain/sync/codec';
import { recordKey } from '@shared/domain/sync/registry';
import type { SyncTables } from '../repositories/sync';
import { signBytes } from './signing';

export const HANDOVER_OUT = 'handoverOut:';
export const HANDOVER_IN = 'handoverIn:';

export type PendingHandover = { to: string; at: string };
export type Handovers = {
  out: ReadonlyMap<string, PendingHandover>;
  in: ReadonlyMap<string, Handover>;
};

/** Every handover kept here (few), keyed by recordKey(table, id). */
export const readHandovers = async (t: SyncTables): Promise<Handovers> => {
  const rows = await t.meta.where('key').startsWith('handover').toArray();
  const out = new Map<string, PendingHandover>();
  const inn = new Map<string, Handover>();
  for (const r of rows) {
    if (r.key.startsWith(HANDOVER_OUT)) out.set(r.key.slice(HANDOVER_OUT.length), r.value as never);
    else if (r.key.startsWith(HANDOVER_IN)) {
      const h = handoverSchema.safeParse(r.value);
      if (h.success) inn.set(r.key.slice(HANDOVER_IN.length), h.data);
    }
  }
  return { out, in: inn };
};

export const handoverKey = (table: string, recordId: string) => recordKey(table, recordId);

/** The act, signed with this installation's key. */
export const signHandover = async (
  act: Handover['act'],
  signPrivate: CryptoKey,
): Promise<Handover> => ({
  act,
  sig: toBase64(await signBytes(signPrivate, handoverPayload(act))),
});

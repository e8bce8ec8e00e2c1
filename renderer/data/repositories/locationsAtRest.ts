/**
 * Restricted locations sealed at rest (issue 13, hole 9). A restricted location is stored as its
 * open part (shared/domain/directory/restricted.ts: region, country, organisation, visibility;
 * street, town, point and name blanked) with its place in `atRest.place`, AES-GCM under the
 * installation's data key (additional data `locations:<id>:place`). Someone reading IndexedDB
 * finds no address nor coordinates; code that reads the table without the key gets a redacted
 * location, never a wrong one.
 *
 * WebCrypto never runs inside a Dexie transaction: writers seal before opening one, readers
 * open after reading (as referralsAtRest.ts). Rows stored in clear (before this, or written by
 * a path that does not seal: an import, a restore of an older backup) are sealed at the next
 * unlock of the data key (`sealPlaintextLocations`).
 */
import type { Sealed } from '@shared/domain/accounts/sealed';
import { sealedSchema } from '@shared/domain/accounts/sealed';
import type { Location } from '@shared/domain/directory/schema';
import { restorePlace, showsPlace, takePlace } from '@shared/domain/directory/restricted';
import type { PasserelleDb } from '../db';
import { decryptJson, encryptJson } from '../encryption';
import { appendAudit } from '../journal';
import { DataKeyLocked, atRestAad } from './referralsAtRest';

export type StoredLocation = Location & { atRest?: Record<string, Sealed> };

const TABLE = 'locations';
const FIELD = 'place';

/** Whether this stored row shows a restricted place in clear (or has a stale sealed part). */
export const needsSealing = (row: Record<string, unknown>): boolean =>
  row.visibility === 'restricted' ? showsPlace(row) : Boolean(row.atRest);

/** The row as stored: a restricted place sealed, anything else as it is. Outside transactions. */
export const sealLocation = async <L extends Record<string, unknown> & { id: string }>(
  key: CryptoKey | null,
  location: L,
): Promise<L & { atRest?: Record<string, Sealed> }> => {
  const { atRest: _old, ...plain } = location as L & { atRest?: unknown };
  const { record, place } = takePlace(plain);
  // Not restricted, or no place held here (sealed to other offices): nothing to seal.
  if (!place || !showsPlace(plain)) return record as L;
  if (!key) throw new DataKeyLocked();
  const sealed = await Promise.resolve(
    encryptJson(key, place, atRestAad(TABLE, location.id, FIELD)),
  );
  return { ...(record as L), atRest: { [FIELD]: sealed } };
};

/**
 * The location with its place opened. Without the key, a sealed row comes back redacted (no
 * place); a row whose place is in clear (written by a path that does not seal) comes back as
 * stored, its clear fields being newer than any sealed part it kept.
 */
export const openLocation = async <L extends Record<string, unknown>>(
  key: CryptoKey | null,
  stored: L,
): Promise<L> => {
  const { atRest, ...open } = stored as L & { atRest?: Record<string, unknown> };
  if (!atRest || open.visibility !== 'restricted' || showsPlace(open)) return open as L;
  if (!key) return open as L;
  const sealed = sealedSchema.safeParse(atRest[FIELD]);
  if (!sealed.success) return open as L;
  try {
    const place = await Promise.resolve(
      decryptJson(key, sealed.data, atRestAad(TABLE, String(open.id), FIELD)),
    );
    return restorePlace(open as L, place);
  } catch {
    return open as L; // another installation's key (a foreign backup): stays redacted
  }
};

export const openLocations = <L extends Record<string, unknown>>(
  key: CryptoKey | null,
  rows: readonly L[],
): Promise<L[]> => Promise.all(rows.map((r) => openLocation(key, r)));

/**
 * Seals every location stored with a restricted place in clear. Sealed outside any transaction,
 * written in one, each only if it did not change in between. Not a change to replicate (the
 * content is the same); one audit entry says how many rows were sealed.
 */
const SEAL_PAGE = 5000;

export const sealPlaintextLocations = async (
  db: PasserelleDb,
  key: CryptoKey,
  actor: { office: string; user: string },
): Promise<number> => {
  const rows: Location[] = [];
  // Read a page at a time, keeping only the rows to seal: after a 200k-row import the whole
  // table at once was ~150 MB of the worker's memory for the few restricted places it holds.
  for (let last: string | undefined; ;) {
    const page = await (
      last === undefined ? db.locations.orderBy(':id') : db.locations.where(':id').above(last)
    )
      .limit(SEAL_PAGE)
      .toArray();
    if (page.length === 0) break;
    last = page[page.length - 1]!.id;
    for (const r of page) if (needsSealing(r as unknown as Record<string, unknown>)) rows.push(r);
  }
  if (rows.length === 0) return 0;
  const sealed = await Promise.all(
    rows.map(async (r) => ({ before: r, after: await sealLocation(key, r) })),
  );
  let written = 0;
  await db.transaction('rw', [db.locations, db.audit], async () => {
    const current = await db.locations.bulkGet(rows.map((r) => r.id));
    const unchanged = sealed.filter(
      (r, i) => JSON.stringify(current[i]) === JSON.stringify(r.before),
    );
    await db.locations.bulkPut(unchanged.map((r) => r.after as Location));
    written = unchanged.length;
    await appendAudit(db, [
      {
        at: new Date().toISOString(),
        actor: actor.user,
        action: 'location.sealAtRest',
        table: TABLE,
        recordId: '*',
        detail: String(written),
      },
    ]);
  });
  return written;
};

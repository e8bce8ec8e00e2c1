/**
 * Sync's own local tables (never replicated): cursors and this installation's keys, the revision
 * applied per document, trusted partner offices, the exchange log, open conflicts, bundle files
 * seen. The engine (renderer/data/sync/) and the sync screens read and write them through here.
 */
import type { OfficeIdentity, OfficeLevel, Peer } from '@shared/domain/sync/identity';
import { officeIdentitySchema, peerSchema } from '@shared/domain/sync/identity';
import type { RejectReason } from '@shared/domain/sync/verify';
import type { Range } from '@shared/domain/sync/bundle';
import { fromBase64, toBase64 } from '@shared/domain/sync/codec';
import type { PasserelleDb } from '../db';
import { changedIds } from '../changes';
import type { LocalKeys } from '../sync/signing';
import { keyIdOf } from '../sync/signing';
import { createVaultedKeys } from './syncKeys';

export type MetaRow = { key: string; value: unknown };
/** The revision applied per document, with the author's time and when it reached us. */
export type RevRow = {
  docId: string;
  rev: string;
  at?: string;
  receivedAt?: string;
  /** The document's owner, signed version number and signature (issue 13: owner and order). */
  owner?: string;
  n?: number;
  sig?: string;
};
export type LogKind = 'sent' | 'applied' | 'rejected' | 'replayed' | 'server' | 'serverError';
export type LogChannel = 'folder' | 'file' | 'server' | 'local';
export type LogRow = {
  id?: number;
  at: string;
  kind: LogKind;
  channel: LogChannel;
  /** The office (and key) whose bundle this was, when known. */
  office?: string;
  key?: string;
  count: number;
  file?: string;
  range?: Range;
  reasons?: {
    docId: string;
    reason: RejectReason | 'truncated' | 'version' | 'tampered' | 'tooLarge';
  }[];
  /** Documents dated more than 24 h ahead of our clock (a PC with a wrong clock). */
  future?: number;
};
export type ConflictRow = {
  docId: string;
  table: string;
  recordId: string;
  revs: string[];
  at: string;
};
export type FileRow = {
  name: string;
  size: number;
  status: 'applied' | 'rejected' | 'replayed' | 'own';
  at: string;
};

export type ServerConfig = { url: string; username: string; password: string; enabled: boolean };
export type SyncSettings = {
  level: OfficeLevel;
  region: string;
  /** Office code of the ministry, made party to every referral when set. */
  ministry: string;
  folderEnabled: boolean;
  /** Pass on other offices' documents in this office's bundles (the ministry relays). */
  relay: boolean;
  /** Minutes between automatic syncs in the desktop app. */
  intervalMinutes: number;
};
export const DEFAULT_SYNC_SETTINGS: SyncSettings = {
  level: 'regional',
  region: '',
  ministry: '',
  folderEnabled: false,
  relay: false,
  intervalMinutes: 5,
};

export type SelfIdentity = { office: string; name: string; country: string; keys: LocalKeys };

export const syncTables = (db: PasserelleDb) => ({
  meta: db.table<MetaRow, string>('syncMeta'),
  revs: db.table<RevRow, string>('syncRevs'),
  peers: db.table<Peer, string>('syncPeers'),
  log: db.table<LogRow, number>('syncLog'),
  conflicts: db.table<ConflictRow, string>('syncConflicts'),
  files: db.table<FileRow, string>('syncFiles'),
});
export type SyncTables = ReturnType<typeof syncTables>;

export const getMeta = async <T>(t: SyncTables, key: string, fallback: T): Promise<T> =>
  ((await t.meta.get(key))?.value as T | undefined) ?? fallback;
export const setMeta = (t: SyncTables, key: string, value: unknown) => t.meta.put({ key, value });

export const createSyncRepository = (db: PasserelleDb) => {
  const t = syncTables(db);

  /** This installation's keys, created on first use and kept (non-extractable) from then on. */
  const keys = async (): Promise<LocalKeys> => {
    const found = await getMeta<LocalKeys | null>(t, 'keys', null);
    if (found) return found;
    // With their vault, so that a backup can carry them (syncKeys.ts, issue 13).
    const { keys: created, vault } = await createVaultedKeys();
    // Two tabs starting at once must end with one key pair: keep whichever was stored first.
    return db.transaction('rw', t.meta, async () => {
      const again = await getMeta<LocalKeys | null>(t, 'keys', null);
      if (again) return again;
      await setMeta(t, 'keys', created);
      await setMeta(t, 'keyVault', vault);
      await setMeta(t, 'keysCreatedAt', new Date().toISOString());
      return created;
    });
  };

  const settings = async (): Promise<SyncSettings> => ({
    ...DEFAULT_SYNC_SETTINGS,
    ...(await getMeta<Partial<SyncSettings>>(t, 'settings', {})),
  });

  const identity = async (office: {
    officeCode: string;
    officeName: string;
    country: string;
  }): Promise<OfficeIdentity & { keyId: string }> => {
    const k = await keys();
    const s = await settings();
    return {
      format: 'passerelle-office',
      version: 1,
      office: office.officeCode,
      name: office.officeName,
      country: office.country,
      level: s.level,
      region: s.region,
      signingKey: toBase64(k.signPublic),
      encryptionKey: toBase64(k.encPublic),
      createdAt: await getMeta(t, 'keysCreatedAt', new Date().toISOString()),
      keyId: k.keyId,
    };
  };

  /** Reads a partner's identity file; the caller shows the fingerprint before `trust`. */
  const readIdentity = async (
    raw: unknown,
  ): Promise<{ ok: true; identity: OfficeIdentity; keyId: string } | { ok: false }> => {
    const parsed = officeIdentitySchema.safeParse(raw);
    if (!parsed.success) return { ok: false };
    return {
      ok: true,
      identity: parsed.data,
      keyId: await keyIdOf(fromBase64(parsed.data.signingKey)),
    };
  };

  return {
    tables: t,
    keys,
    settings,
    identity,
    readIdentity,
    saveSettings: async (patch: Partial<SyncSettings>) =>
      setMeta(t, 'settings', { ...(await settings()), ...patch }),
    // The server's address and password: serverCredentials.ts (password never in clear here).
    trust: async (identity: OfficeIdentity, keyId: string): Promise<Peer> => {
      const own = await keys();
      if (keyId === own.keyId) throw new Error('own key');
      const peer = peerSchema.parse({ ...identity, keyId, trustedAt: new Date().toISOString() });
      await t.peers.put(peer);
      return peer;
    },
    revoke: (keyId: string) => t.peers.update(keyId, { revokedAt: new Date().toISOString() }),
    restore: (keyId: string) => t.peers.update(keyId, { revokedAt: null }),
    peers: () => t.peers.toArray(),
    log: (limit = 50) => t.log.orderBy('at').reverse().limit(limit).toArray(),
    conflicts: () => t.conflicts.toArray(),
    /** Changes written here and not yet handed to the replication engine. */
    pendingCount: async () => {
      const drained = await getMeta(t, 'drainedSeq', 0);
      // Records, not rows: an import's row names a whole batch (ChangeEntry.recordIds).
      let records = 0;
      await db.changes
        .where('seq')
        .above(drained)
        .each((c) => void (records += changedIds(c).length));
      return records;
    },
    lastSync: () => getMeta<string | null>(t, 'lastSyncAt', null),
    /** No partner, no folder, no server: an office working alone, with nothing to be behind. */
    standalone: async () =>
      (await t.peers.count()) === 0 &&
      !(await settings()).folderEnabled &&
      !(await getMeta<ServerConfig | null>(t, 'server', null))?.enabled,
  };
};
export type SyncRepository = ReturnType<typeof createSyncRepository>;

/**
 * The one Dexie database. Every `version(n).stores()` stays here forever with its upgrade, and
 * each upgrade has a test that opens a fixture of the previous version (db.test.ts).
 * Repositories are the only code that imports this file's tables.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Sealed } from '@shared/domain/accounts/sealed';
import type { Location, Organization, Service } from '@shared/domain/directory/schema';
import { AUDIT_LEGACY_MARK, prepareAudit } from './journal';
import { ACCOUNTS_STORES_V5 } from './repositories/accounts';
import { AREAS_STORES_V11 } from './repositories/areas';
import {
  DEMO_KEY,
  DIRECTORY_CACHE,
  DIRECTORY_CACHE_STORES_V15,
  directoryVersionMiddleware,
} from './directoryVersion';

/** Outbox of replicated changes, drained by the sync module (DESIGN §2). Local only. */
export type ChangeEntry = {
  seq?: number;
  table: string;
  recordId: string;
  /**
   * A bulk write's batch (an import): the row stands for each of these records of `table`, and
   * `recordId` is the first. One row per batch instead of one per record: at 50k services the
   * outbox rows cost the import as much as the services themselves (issue 17).
   */
  recordIds?: string[];
  op: 'put' | 'delete';
  at: string;
  office: string;
};

/** Who did what, when, to which record (hash chain and views come with accounts). */
export type AuditEntry = {
  seq?: number;
  at: string;
  actor: string;
  action: string;
  table: string;
  recordId: string;
  detail?: string;
  /** Accounts (v5): the user's id, a reason, and the hash chain (shared/domain/audit/chain). */
  actorId?: string;
  why?: string;
  whySealed?: Sealed;
  prev?: string;
  hash?: string;
};

export type SettingEntry = { key: string; value: unknown };

export const DB_NAME = 'passerelle';

export class PasserelleDb extends Dexie {
  organizations!: EntityTable<Organization, 'id'>;
  locations!: EntityTable<Location, 'id'>;
  services!: EntityTable<Service, 'id'>;
  settings!: EntityTable<SettingEntry, 'key'>;
  changes!: EntityTable<ChangeEntry, 'seq'>;
  audit!: EntityTable<AuditEntry, 'seq'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    // Strict durability: a bed count or a referral acknowledged to the user is on disk.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    declareVersions(this);
    // A new database has no demo until one is loaded (directoryVersion.ts, DEMO_KEY).
    this.on(
      'populate',
      (tx) => void tx.table(DIRECTORY_CACHE).add({ key: DEMO_KEY, present: false }),
    );
    // Any write to the directory tables changes its data version (directoryVersion.ts).
    this.use(directoryVersionMiddleware);
    // Before any query: the audit hasher, and the chain over entries older than it (journal.ts).
    this.on('ready', (vip) => prepareAudit(vip as PasserelleDb));
  }
}

/** Version 1 as first shipped; tests open a v1 database with exactly this to test upgrades. */
export const STORES_V1 = {
  organizations: 'id, office, updatedAt',
  locations: 'id, organizationId, address.adminAreaCode',
  services: 'id, organizationId, category, updatedAt',
  settings: 'key',
  changes: '++seq, table, recordId',
  audit: '++seq, at, recordId',
} as const;

/**
 * One line per version, never edited once shipped. Each area declares the tables it adds in its
 * own repository file and reads them with `db.table<T>(name)`; this list only orders versions.
 */
const declareVersions = (db: Dexie) => {
  db.version(1).stores(STORES_V1);
  db.version(2).stores({ capacityEvents: 'id, serviceId, at' }); // capacity: immutable events
  // referrals + letters: records, immutable events, issued letters, per-office/year counters
  db.version(3).stores({
    referrals: 'id, office, state, urgency, serviceId, createdAt, updatedAt',
    referralEvents: 'id, referralId, at',
    letters: 'id, referralId, reference, issuedAt',
    referralCounters: 'key',
  });
  db.version(4).stores({ exchangeRuns: 'id, at, kind' }); // exchange: import/export/backup history
  db.version(5)
    .stores(ACCOUNTS_STORES_V5) // accounts, sessions, audit indexes (chain: journal.ts)
    // Runs only when opening a database older than the chain: its entries are to be chained
    // once (prepareAudit). A trail without hashes and without this mark is reported, never
    // re-chained (issue 13, hole 6).
    .upgrade((tx) => tx.table('settings').put({ key: AUDIT_LEGACY_MARK, value: true }));
  // sync: cursors and keys, applied revisions, trusted offices, exchange log, conflicts, files
  db.version(7).stores({
    syncMeta: 'key',
    syncRevs: 'docId',
    syncPeers: 'keyId, office',
    syncLog: '++id, at',
    syncConflicts: 'docId',
    syncFiles: 'name',
  });
  // The outbox is only ever read in seq order: its table/recordId indexes cost two index writes
  // per change (100k on a 50k-row import) and served no query.
  db.version(8).stores({ changes: '++seq' });
  // Letter series announced by each installation (issue 13): replicated, flagged when two match.
  db.version(9).stores({ seriesAnnouncements: 'id, office, series' });
  // Audit heads published by each installation and witnessed by partners (issue 13, hole 6).
  db.version(10).stores({ auditHeads: 'id' });
  db.version(11).stores(AREAS_STORES_V11); // areas an administrator adds (replicated)
  // screening (issue 16): local only, content sealed; who screened, and the referrals it led to
  db.version(12).stores({ screenings: 'id, userId, createdAt, *referralIds' });
  db.version(13).stores({ statAggregates: 'id, office, period' }); // statistics: published aggregates
  // directory (issue 15): the data version, and the first page and search index built from it
  db.version(15).stores(DIRECTORY_CACHE_STORES_V15);
  // Tombstones by date (issue 17): a live record's null is no key, so the index holds only the
  // removed services, and the live count is two key counts instead of reading every record.
  // Whether demo services are there is noted once (directoryVersion.ts, DEMO_KEY), then kept by
  // loading and removing the demo.
  db.version(16)
    .stores({ services: 'id, organizationId, category, updatedAt, deletedAt' })
    .upgrade(async (tx) => {
      const demo = await tx
        .table<{ demo?: boolean; deletedAt: string | null }>('services')
        .filter((s) => s.demo === true && s.deletedAt === null)
        .count();
      await tx.table(DIRECTORY_CACHE).put({ key: DEMO_KEY, present: demo > 0 });
    });
};

let current: PasserelleDb | undefined;
export const getDb = (): PasserelleDb => (current ??= new PasserelleDb());

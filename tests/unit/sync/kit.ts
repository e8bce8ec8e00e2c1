/**
 * Replicas for sync tests: a real PasserelleDb (fake-indexeddb), a real PouchDB (memory
 * adapter), the real sync service. Test tables stand for capacity-like events and for a
 * referral-like record whose case fields are sealed to its parties.
 */
import 'fake-indexeddb/auto';
import { NodePouch as PouchDB } from './pouchNode';
import { z } from 'zod';
import { PasserelleDb } from '../../../renderer/data/db';
import { journal } from '../../../renderer/data/journal';
import type { Pouch } from '../../../renderer/data/sync/pouch';
import { createSyncService } from '../../../renderer/data/sync/service';
import type { SyncServiceDeps } from '../../../renderer/data/sync/service';
import type { FolderAccess } from '../../../renderer/data/sync/folder';
import { createRegistry, replicated } from '../../../shared/domain/sync/registry';
import { REPLICATED_TABLES } from '../../../shared/domain/sync/tables';
import { replicatedSchema } from '../../../shared/domain/directory/schema';

export const MemPouch = PouchDB;

export const testEventSchema = replicatedSchema.extend({
  key: z.string(),
  delta: z.number().int(),
  deletedAt: z.null().default(null),
});
export type TestEvent = z.infer<typeof testEventSchema>;

export const testCaseSchema = replicatedSchema.extend({
  serviceId: z.string(),
  caseCode: z.string(),
  caseDetails: z.object({ notes: z.string(), person: z.string() }),
});
export type TestCase = z.infer<typeof testCaseSchema>;

/**
 * The app's tables and the test tables. Audit heads (issue 13, hole 6) are left out by default:
 * each replica publishes its own, which would add a document to every exchange these tests
 * count; the audit tests opt in (`withHeads`).
 */
const TEST_TABLES = [
  ...REPLICATED_TABLES.filter((t) => t.table !== 'auditHeads'),
  replicated('testEvents', testEventSchema, { ownerField: 'office', immutable: true }),
  replicated('testCases', testCaseSchema, {
    ownerField: 'office',
    immutable: false,
    sealed: {
      fields: ['caseDetails'],
      // Party: the office owning the receiving service, as a referral's would be.
      parties: async (record, lookup) => {
        const service = await lookup('services', String(record.serviceId));
        return typeof service?.office === 'string' ? [service.office] : [];
      },
    },
  }),
];
export const TEST_REGISTRY = createRegistry(TEST_TABLES);
const WITH_HEADS = createRegistry([
  ...TEST_TABLES,
  REPLICATED_TABLES.find((t) => t.table === 'auditHeads')!,
]);

export class TestDb extends PasserelleDb {
  constructor(name: string) {
    super(name);
    this.version(100).stores({ testEvents: 'id', testCases: 'id' });
  }
}

let counter = 0;
const uuid = () => crypto.randomUUID();
/** Distinct, increasing times (UTC, milliseconds) so tests never depend on the clock's grain. */
export const clock = () => {
  let t = Date.parse('2026-11-23T08:00:00.000Z');
  return () => new Date((t += 1000)).toISOString();
};

/** `n` organizations of `office`, a second apart in `updatedAt`. */
export const organizations = (n: number, office: string) =>
  Array.from({ length: n }, (_, i) => ({
    id: crypto.randomUUID(),
    office,
    createdAt: '2026-11-23T08:00:00.000Z',
    updatedAt: new Date(Date.parse('2026-11-23T08:00:00.000Z') + i * 1000).toISOString(),
    deletedAt: null,
    demo: false,
    name: `Organisation ${i}`,
    description: '',
    email: '',
    website: '',
  }));

export type Replica = Awaited<ReturnType<typeof makeReplica>>;

export const makeReplica = async (
  office: string,
  {
    withHeads = false,
    ...options
  }: Partial<Pick<SyncServiceDeps, 'faults' | 'batchSize' | 'folder' | 'atRest'>> & {
    now?: () => string;
    /** Publish and witness audit heads, as the app does. */
    withHeads?: boolean;
  } = {},
) => {
  const name = `sync-${office}-${++counter}-${Math.random().toString(36).slice(2)}`;
  const db = new TestDb(name);
  const pouch = new MemPouch(name, { adapter: 'memory' }) as unknown as Pouch;
  const now = options.now ?? clock();
  const service = createSyncService({
    db,
    pouch,
    registry: withHeads ? WITH_HEADS : TEST_REGISTRY,
    office: () => ({ officeCode: office, officeName: `Bureau ${office}`, country: 'ML' }),
    now,
    ...options,
  });
  const actor = { office, user: `user ${office}` };
  /** Records written and journalled in one transaction, as an import writes them. */
  const writeAll = async (
    table: string,
    records: readonly Record<string, unknown>[],
    op: 'put' | 'delete' = 'put',
  ) =>
    db.transaction('rw', [db.table(table), db.changes, db.audit], async () => {
      await db.table(table).bulkPut([...records]);
      await journal(
        db,
        actor,
        records.map((r) => ({ table, recordId: String(r.id), op, action: `test.${op}` })),
      );
    });
  const write = (table: string, record: Record<string, unknown>, op: 'put' | 'delete' = 'put') =>
    writeAll(table, [record], op);
  const base = () => ({
    id: uuid(),
    office,
    createdAt: now(),
    updatedAt: now(),
    deletedAt: null,
    demo: false,
  });
  return {
    office,
    db,
    pouch,
    service,
    now,
    write,
    writeAll,
    newOrganization: async (name: string) => {
      const o = { ...base(), name, description: '', email: '', website: '' };
      await write('organizations', o);
      return o;
    },
    newEvent: async (key: string, delta: number) => {
      const e: TestEvent = { ...base(), key, delta, deletedAt: null };
      await write('testEvents', e);
      return e;
    },
    newCase: async (serviceId: string, notes: string) => {
      const c: TestCase = {
        ...base(),
        serviceId,
        caseCode: `${office}-2026-0001`,
        caseDetails: { notes, person: 'X' },
      };
      await write('testCases', c);
      return c;
    },
    identity: () =>
      service.repo.identity({ officeCode: office, officeName: `Bureau ${office}`, country: 'ML' }),
  };
};

/** Every replica trusts every other's key (as after exchanging identity files). */
export const trustAll = async (replicas: readonly Replica[]) => {
  const ids = await Promise.all(replicas.map((r) => r.identity()));
  for (const r of replicas)
    for (const id of ids) {
      const own = await r.service.repo.keys();
      if (id.keyId !== own.keyId) await r.service.repo.trust(id, id.keyId);
    }
};

/** A folder in memory, shared by the replicas that "see" it. */
export const memoryFolder = () => {
  const files = new Map<string, Uint8Array>();
  const access: FolderAccess = {
    list: async () => [...files.entries()].map(([path, d]) => ({ path, size: d.length })),
    read: async (path) => files.get(path)!,
    write: async (path, data) => void files.set(path, data),
  };
  return { files, access };
};

/** Records of a table, sorted by id, as the app would read them. */
export const rows = async (r: Replica, table: string) =>
  (await r.db.table(table).toArray()).sort((a: { id: string }, b: { id: string }) =>
    a.id < b.id ? -1 : 1,
  );

/** Every document with its winning revision and its conflicts, sorted: the converged state. */
export const pouchState = async (r: Replica) => {
  const res = await r.pouch.changes({
    since: 0,
    include_docs: true,
    conflicts: true,
    style: 'all_docs',
  });
  return res.results
    .map((c) => ({
      id: c.id,
      rev: c.doc?._rev,
      conflicts: [...(c.doc?._conflicts ?? [])].sort(),
      doc: c.doc,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
};

/**
 * The sync module as the app uses it: one queue of operations (drain, folder exchange, bundle
 * import, apply) so they never interleave, over one local PouchDB. Screens call `syncNow`,
 * `exportFile`, `importFile`; the server link runs beside it (server.ts).
 */
import type { Registry } from '@shared/domain/sync/registry';
import type { PasserelleDb } from '../db';
import type { SelfIdentity } from '../repositories/sync';
import { createSyncRepository, setMeta } from '../repositories/sync';
import { createSealer, createVerifier } from './signing';
import type { DocContext } from './docs';
import type { AtRestHooks } from './atRest';
import type { Faults } from './engine';
import { createEngine } from './engine';
import type { ExportedBundle, ImportOutcome } from './bundles';
import type { FolderAccess, FolderReport } from './folder';
import type { Pouch } from './pouch';
import type { Trust } from './trust';
import type { CheckedRevisions } from './trust';
import { buildTrust } from './trust';
import { readHandovers } from './handovers';

// Bundle files (signed, deflated with fflate) come with the first one saved, read or exchanged
// through a folder, not with the window (issue 15, cold start).
const bundles = () => import('./bundles');

export type OfficeRef = { officeCode: string; officeName: string; country: string };

export type SyncServiceDeps = {
  db: PasserelleDb;
  pouch: Pouch;
  registry: Registry;
  office: () => OfficeRef | undefined | Promise<OfficeRef | undefined>;
  folder?: () => Promise<FolderAccess | null>;
  now?: () => string;
  faults?: Faults;
  batchSize?: number;
  /** Tables sealed at rest with the data key (referrals): see ./atRest.ts. */
  atRest?: AtRestHooks;
};

export type SyncRunReport = {
  /** Referrals wait for the data key (a tab reloaded since login): nothing skipped. */
  locked: boolean;
  drained: number;
  notOwned: number;
  folder: FolderReport | null;
  applied: number;
  notParty: number;
  rejected: number;
};

export const createSyncService = (deps: SyncServiceDeps) => {
  const { db, pouch, registry } = deps;
  const now = deps.now ?? (() => new Date().toISOString());
  const repo = createSyncRepository(db);
  const sealer = createSealer();
  const verifier = createVerifier();
  const checked: CheckedRevisions = new Map();

  const self = async (): Promise<SelfIdentity> => {
    const office = await deps.office();
    if (!office) throw new Error('office not set up');
    return {
      office: office.officeCode,
      name: office.officeName,
      country: office.country,
      keys: await repo.keys(),
    };
  };
  const trust = async (): Promise<Trust> =>
    buildTrust(registry, await self(), await repo.peers(), verifier, checked);
  const context = async (): Promise<DocContext> => {
    const s = await repo.settings();
    return {
      trust: await trust(),
      sealer,
      lookup: async (table, id) =>
        (await db.table(table).get(id)) as Record<string, unknown> | undefined,
      extraParties: s.ministry ? [s.ministry] : [],
      now,
      handovers: () => readHandovers(repo.tables),
    };
  };
  const engine = createEngine({
    db,
    pouch,
    registry,
    context,
    checked,
    faults: deps.faults,
    batchSize: deps.batchSize,
    ...(deps.atRest ? { atRest: deps.atRest } : {}),
  });

  // One operation at a time; a failed one does not block the next.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(op: () => Promise<T>): Promise<T> => {
    const run = queue.then(op, op);
    queue = run.catch(() => undefined);
    return run;
  };

  const syncNow = () =>
    serial(async (): Promise<SyncRunReport> => {
      const drained = await engine.drain();
      const folder = deps.folder ? await deps.folder() : null;
      const { relay } = await repo.settings();
      const folderReport = folder
        ? await (
            await import('./folder')
          ).exchangeFolder(db, pouch, await trust(), folder, { relay, now, checked })
        : null;
      const applied = await engine.apply(folder ? 'folder' : 'local');
      await setMeta(repo.tables, 'lastSyncAt', now());
      return {
        locked: drained.locked || applied.locked,
        drained: drained.written,
        notOwned: drained.notOwned,
        folder: folderReport,
        applied: applied.applied,
        notParty: applied.notParty,
        rejected: applied.rejected.length + (folderReport?.rejected ?? 0),
      };
    });

  /** A bundle to save or e-mail: changes since the last one saved by hand, or everything. */
  const exportFile = ({ all = false } = {}) =>
    serial(async (): Promise<ExportedBundle | null> => {
      await engine.drain();
      const { relay } = await repo.settings();
      const { exportBundle } = await bundles();
      return exportBundle(db, pouch, await trust(), { cursor: 'handExportedSeq', all, relay, now });
    });

  const importFile = (bytes: Uint8Array, name?: string) =>
    serial(async (): Promise<ImportOutcome> => {
      await engine.drain();
      const { importBundle } = await bundles();
      const outcome = await importBundle(db, pouch, await trust(), bytes, {
        channel: 'file',
        ...(name ? { file: name } : {}),
        now,
        checked,
      });
      if (outcome.status === 'applied') {
        await engine.apply('file');
        await setMeta(repo.tables, 'lastSyncAt', now());
      }
      return outcome;
    });

  /** After the server link pulled documents: bring them into Dexie. */
  const applyPulled = () => serial(() => engine.apply('server'));
  const drain = () => serial(() => engine.drain());
  /** The server link reported everything exchanged: this office is in step now. */
  const markInStep = () => setMeta(repo.tables, 'lastSyncAt', now());

  return {
    repo,
    engine,
    pouch,
    registry,
    trust,
    context,
    self,
    syncNow,
    exportFile,
    importFile,
    applyPulled,
    drain,
    markInStep,
    serial,
  };
};
export type SyncService = ReturnType<typeof createSyncService>;

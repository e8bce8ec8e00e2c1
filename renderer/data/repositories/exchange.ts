/**
 * Import writes, remembered column mappings and the history of exchanges. An import is written
 * in ONE transaction with its change-log and audit entries (journal), after the user has seen
 * the report and confirmed: either every valid row lands or none does (Cancel included).
 */
import type { Location, Organization, Service, ServiceView } from '@shared/domain/directory/schema';
import { normalizeText } from '@shared/domain/directory/normalize';
import type { Decision, Duplicate, WriteSet } from '@shared/domain/exchange/duplicates';
import { applyPartsInBatches, applyPlanInBatches } from '@shared/domain/exchange/duplicates';
import { ExchangeError } from '@shared/domain/exchange/limits';
import type { Subject } from '@shared/domain/accounts/permissions';
import { can } from '@shared/domain/accounts/permissions';
import type { Mapping } from '@shared/domain/exchange/flat';
import type { ImportPlan, PartedPlan } from '@shared/domain/exchange/types';
import type { SurveyChoices } from '@shared/domain/exchange/survey';
import type { ValueMap } from '@shared/domain/exchange/valueMatch';
import type { PasserelleDb } from '../db';
import { openLocations, sealPlaintextLocations } from './locationsAtRest';
import type { Actor } from '../journal';
import { appendAudit, appendChangeGroups } from '../journal';
import { joinViews } from './directory';

// The file layouts, the value matching and the survey reader carry every language's labels: loaded with the
// import screen that uses them, not with the window (issue 15, cold start).
const matching = () => import('@shared/domain/exchange/valueMatch');
const survey = () => import('@shared/domain/exchange/survey');
const flat = () => import('@shared/domain/exchange/flat');

/** Declared in db.ts as version 4. */
export const EXCHANGE_STORES = { exchangeRuns: 'id, at, kind' } as const;

export type ExchangeRun = {
  id: string;
  at: string;
  kind: 'import' | 'export' | 'backup' | 'restore';
  actor: string;
  office: string;
  /** File name, format and counts; never record contents. */
  detail: Record<string, string | number | boolean>;
};

/**
 * Services per batch of an import's write. Each bulk write clones its records in one task: on
 * the main thread 1,000 services took up to ~1 s on a loaded machine, 250 a quarter of that.
 * The screen's write now runs in a worker (exchangeWrite.ts), where a batch no longer holds the
 * window, and Cancel aborts at once whatever the batch; the size still paces the progress bar. (Batches issued ahead, without awaiting each, were tried:
 * the transaction then committed early, leaving half an import; never again.)
 */
export const IMPORT_BATCH = 250;

export type ImportWriteOptions = {
  batchSize?: number;
  /** Services of the plan written (or skipped) so far, of all. */
  onProgress?: (done: number, total: number) => void;
  /** Cancel: aborted, the write stops at the next batch and leaves nothing. */
  signal?: AbortSignal;
};

/**
 * Who writes, where, with what key, as plain data: what the worker that writes needs to write exactly as
 * this repository would (exchangeWrite.ts). `subject` absent: a repository made without
 * permission checks (tests, benchmarks); null: nobody signed in, so nothing is written.
 */
export type WriteContext = {
  dbName: string;
  actor: Actor;
  subject?: Subject | null;
  dataKey: CryptoKey | null;
};

const MAPPING_PREFIX = 'exchange.mapping.';
const VALUES_PREFIX = 'exchange.values.';
const SURVEY_CHOICES_PREFIX = 'exchange.surveyChoices.';

/**
 * `dataKey`: the session's data key. Imported restricted locations are sealed with it right
 * after the import (locationsAtRest.ts); without it, at the next unlock.
 */
export const createExchangeRepository = (
  db: PasserelleDb,
  actor: () => Actor,
  dataKey?: () => CryptoKey | null,
  subject?: () => Subject | null,
) => {
  /** Checked here, not only by the route: a role without `exchange.import` writes nothing. */
  const mayImport = () => !subject || can(subject(), 'exchange.import');

  const runs = db.table<ExchangeRun, 'id'>('exchangeRuns');

  const record = (
    kind: ExchangeRun['kind'],
    detail: ExchangeRun['detail'],
    id: string = crypto.randomUUID(),
  ) =>
    runs.add({
      id,
      at: new Date().toISOString(),
      kind,
      actor: actor().user,
      office: actor().office,
      detail,
    });

  /** Every live service, for duplicate detection before the write. */
  const existingViews = async (): Promise<ServiceView[]> => {
    const [services, organizations, locations] = await db.transaction(
      'r',
      [db.services, db.organizations, db.locations],
      () =>
        Promise.all([db.services.toArray(), db.organizations.toArray(), db.locations.toArray()]),
    );
    return joinViews(services, organizations, await openLocations(dataKey?.() ?? null, locations));
  };

  /**
   * Writes the plan in ONE transaction, in batches of `batchSize` services: between batches the
   * transaction waits only on its own IndexedDB requests, so the window paints and answers
   * clicks meanwhile, `onProgress` says how many of the plan's services are done, and a
   * `signal` aborted by Cancel throws at the next batch, which aborts the transaction: nothing
   * of the import is left, and a crash or a failure mid-way leaves nothing either (IndexedDB
   * never commits a transaction that did not finish). Directory views see one change, at the end.
   * The change log lists every record; one chained audit entry names the file, its SHA-256 and
   * the counts.
   */
  const importPlan = async (
    plan: ImportPlan | PartedPlan,
    duplicates: readonly Duplicate[],
    decisions: ReadonlyMap<string, Decision>,
    { batchSize = IMPORT_BATCH, onProgress, signal }: ImportWriteOptions = {},
  ): Promise<WriteSet['counts']> =>
    db
      .transaction(
        'rw',
        [db.organizations, db.locations, db.services, db.changes, db.audit, runs],
        async (tx) => {
          if (!mayImport()) throw new ExchangeError('notAllowed');
          const stopIfCancelled = () => {
            if (signal?.aborted) throw new ExchangeError('cancelled');
          };
          stopIfCancelled();
          // Cancel aborts the transaction at once, not at the next batch: its pending requests
          // fail and nothing is committed. (After the commit has begun, abort() throws: too late.)
          signal?.addEventListener(
            'abort',
            () => {
              try {
                tx.abort();
              } catch {
                // already committing or finished: the import stands, as the screen says
              }
            },
            { once: true },
          );
          const now = new Date().toISOString();
          const live = <T extends { deletedAt: string | null }>(r: T) => r.deletedAt === null;
          const orgs = (await db.organizations.toArray()).filter(live);
          const mergeIds = duplicates
            .filter((d) => decisions.get(d.serviceId) !== 'skip')
            .map((d) => d.existingId);
          const targets = (await db.services.bulkGet(mergeIds)).filter(
            (s): s is Service => !!s && live(s),
          );
          const targetLocs = (
            await db.locations.bulkGet(targets.flatMap((s) => s.locationIds))
          ).filter((l): l is Location => !!l);
          const serviceIds = new Set(await db.services.toCollection().primaryKeys());
          const views = new Map(joinViews(targets, orgs, targetLocs).map((v) => [v.service.id, v]));
          const existing = {
            // Ownership is checked here, from who is signed in, not from anything in the file.
            office: actor().office,
            views,
            serviceIds,
            organizationsById: new Map(orgs.map((o) => [o.id, o])),
            organizationsByName: new Map(
              orgs.map((o) => [normalizeText(o.name), o] as [string, Organization]),
            ),
            locationIds: new Set(await db.locations.toCollection().primaryKeys()),
          };
          const ids = { now, newId: () => crypto.randomUUID() };
          // A plan held in parts (the check worker's) is read one part at a time.
          const batches =
            'parts' in plan
              ? applyPartsInBatches(plan, duplicates, decisions, existing, ids, batchSize)
              : applyPlanInBatches(plan, duplicates, decisions, existing, ids, batchSize);
          const action = 'exchange.import';
          const detail = plan.source.name.slice(0, 200);
          const runId = crypto.randomUUID();
          const total = 'parts' in plan ? plan.serviceCount : plan.services.length;
          // One outbox row per table and batch, naming its records (ChangeEntry.recordIds).
          const group = (table: string, records: readonly { id: string }[]) => ({
            table,
            recordIds: records.map((r) => r.id),
            op: 'put' as const,
          });
          let written = 0;
          let counts: WriteSet['counts'] = { created: 0, merged: 0, skipped: 0, refused: 0 };
          onProgress?.(0, total);
          for (const batch of batches) {
            // The organisations come with the first batch: as many as rows in some files.
            for (let i = 0; i < batch.organizations.length; i += batchSize) {
              stopIfCancelled();
              const slice = batch.organizations.slice(i, i + batchSize);
              await db.organizations.bulkPut(slice);
              await appendChangeGroups(db, actor(), [group('organizations', slice)], now);
            }
            stopIfCancelled();
            await db.locations.bulkPut(batch.locations);
            await db.services.bulkPut(batch.services);
            await appendChangeGroups(
              db,
              actor(),
              [group('locations', batch.locations), group('services', batch.services)],
              now,
            );
            written += batch.organizations.length + batch.locations.length + batch.services.length;
            counts = batch.counts;
            onProgress?.(counts.created + counts.merged + counts.skipped + counts.refused, total);
          }
          stopIfCancelled();
          const sha = plan.source.sha256 ? ` sha256:${plan.source.sha256}` : '';
          // One audit entry names the file, its fingerprint and the counts; not one per record.
          await appendAudit(db, [
            {
              at: now,
              actor: actor().username ?? actor().user,
              ...(actor().userId ? { actorId: actor().userId } : {}),
              action,
              table: 'exchangeRuns',
              recordId: runId,
              detail: `${detail} (${written}; +${counts.created} ~${counts.merged} -${counts.skipped}${counts.refused ? ` !${counts.refused}` : ''})${sha}`,
            },
          ]);
          await record(
            'import',
            {
              file: detail,
              format: plan.source.format,
              ...counts,
              rejected: plan.rejectedRows.length,
              ...(plan.source.sha256 ? { sha256: plan.source.sha256 } : {}),
            },
            runId,
          );
          return counts;
        },
      )
      .catch((e: unknown) => {
        // An abort from Cancel surfaces as Dexie's AbortError: report it as the cancel it is.
        if (signal?.aborted) throw new ExchangeError('cancelled');
        throw e;
      });

  const getMapping = async (signature: string): Promise<Mapping | undefined> => {
    const row = await db.settings.get(MAPPING_PREFIX + signature);
    if (typeof row?.value !== 'object' || row.value === null) return undefined;
    // Only known fields with column numbers: the setting is data like any other.
    const out: Mapping = {};
    const { FLAT_FIELDS } = await flat();
    for (const f of FLAT_FIELDS) {
      const v = (row.value as Record<string, unknown>)[f];
      if (typeof v === 'number' && Number.isInteger(v) && v >= 0) out[f] = v;
    }
    return out;
  };
  const saveMapping = (signature: string, mapping: Mapping) =>
    db.settings.put({ key: MAPPING_PREFIX + signature, value: { ...mapping } });

  /** The value choices made for a file layout; only known lists, strings only. */
  const getValueMap = async (signature: string): Promise<ValueMap> => {
    const row = await db.settings.get(VALUES_PREFIX + signature);
    const { valueMapSchema } = await matching();
    const parsed = valueMapSchema.safeParse(row?.value);
    return parsed.success ? parsed.data : {};
  };
  const saveValueMap = (signature: string, values: ValueMap) =>
    db.settings.put({ key: VALUES_PREFIX + signature, value: values });

  /** A survey layout's choices; a crafted or broken setting counts as none, all of it. */
  const getSurveyChoices = async (signature: string): Promise<SurveyChoices> => {
    const row = await db.settings.get(SURVEY_CHOICES_PREFIX + signature);
    const { surveyChoicesSchema } = await survey();
    const parsed = surveyChoicesSchema.safeParse(row?.value);
    return parsed.success ? parsed.data : {};
  };
  const saveSurveyChoices = async (signature: string, choices: SurveyChoices) => {
    const { surveyChoicesSchema } = await survey();
    await db.settings.put({
      key: SURVEY_CHOICES_PREFIX + signature,
      value: surveyChoicesSchema.parse(choices),
    });
  };

  const listRuns = (limit = 20) => runs.orderBy('at').reverse().limit(limit).toArray();
  const lastRun = (kind: ExchangeRun['kind']) =>
    runs
      .where('kind')
      .equals(kind)
      .reverse()
      .sortBy('at')
      .then((r) => r[0]);

  /** The import, then its restricted locations sealed at rest (outside its transaction). */
  const importAndSeal = async (...args: Parameters<typeof importPlan>) => {
    const counts = await importPlan(...args);
    const key = dataKey?.() ?? null;
    if (key) await sealPlaintextLocations(db, key, actor());
    return counts;
  };

  /** For a write in a worker; refused here already for a role that may not import. */
  const writeContext = (): WriteContext => {
    if (!mayImport()) throw new ExchangeError('notAllowed');
    return {
      dbName: db.name,
      actor: { ...actor() },
      ...(subject ? { subject: subject() } : {}),
      dataKey: dataKey?.() ?? null,
    };
  };

  return {
    existingViews,
    importPlan: importAndSeal,
    writeContext,
    getMapping,
    saveMapping,
    getValueMap,
    saveValueMap,
    getSurveyChoices,
    saveSurveyChoices,
    record,
    listRuns,
    lastRun,
  };
};

export type ExchangeRepository = ReturnType<typeof createExchangeRepository>;

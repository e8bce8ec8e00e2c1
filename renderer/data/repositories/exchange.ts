/**
 * Import writes, remembered column mappings and the history of exchanges. An import is written
 * in ONE transaction with its change-log and audit entries (journal), after the user has seen
 * the report and confirmed: either every valid row lands or none does.
 */
import type { Location, Organization, Service, ServiceView } from '@shared/domain/directory/schema';
import { normalizeText } from '@shared/domain/directory/normalize';
import type { Decision, Duplicate, WriteSet } from '@shared/domain/exchange/duplicates';
import { applyPlan } from '@shared/domain/exchange/duplicates';
import type { Mapping } from '@shared/domain/exchange/flat';
import { FLAT_FIELDS } from '@shared/domain/exchange/flat';
import type { ImportPlan } from '@shared/domain/exchange/types';
import type { ValueMap } from '@shared/domain/exchange/valueMatch';
import { valueMapSchema } from '@shared/domain/exchange/valueMatch';
import type { PasserelleDb } from '../db';
import { openLocations, sealPlaintextLocations } from './locationsAtRest';
import type { Actor } from '../journal';
import { journal } from '../journal';
import { joinViews } from './directory';

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

const MAPPING_PREFIX = 'exchange.mapping.';
const VALUES_PREFIX = 'exchange.values.';

/**
 * `dataKey`: the session's data key. Imported restricted locations are sealed with it right
 * after the import (locationsAtRest.ts); without it, at the next unlock.
 */
export const createExchangeRepository = (
  db: PasserelleDb,
  actor: () => Actor,
  dataKey?: () => CryptoKey | null,
) => {
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

  const importPlan = async (
    plan: ImportPlan,
    duplicates: readonly Duplicate[],
    decisions: ReadonlyMap<string, Decision>,
  ): Promise<WriteSet['counts']> =>
    db.transaction(
      'rw',
      [db.organizations, db.locations, db.services, db.changes, db.audit, runs],
      async () => {
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
        const write = applyPlan(
          plan,
          duplicates,
          decisions,
          {
            views,
            serviceIds,
            organizationsById: new Map(orgs.map((o) => [o.id, o])),
            organizationsByName: new Map(
              orgs.map((o) => [normalizeText(o.name), o] as [string, Organization]),
            ),
            locationIds: new Set(await db.locations.toCollection().primaryKeys()),
          },
          { now, newId: () => crypto.randomUUID() },
        );
        await db.organizations.bulkPut(write.organizations);
        await db.locations.bulkPut(write.locations);
        await db.services.bulkPut(write.services);
        const action = 'exchange.import';
        const detail = plan.source.name.slice(0, 200);
        const runId = crypto.randomUUID();
        const written = write.organizations.length + write.locations.length + write.services.length;
        await journal(
          db,
          actor(),
          [
            ...write.organizations.map((o) => ({
              table: 'organizations',
              recordId: o.id,
              op: 'put' as const,
              action,
              detail,
            })),
            ...write.locations.map((l) => ({
              table: 'locations',
              recordId: l.id,
              op: 'put' as const,
              action,
              detail,
            })),
            ...write.services.map((s) => ({
              table: 'services',
              recordId: s.id,
              op: 'put' as const,
              action,
              detail,
            })),
          ],
          // One audit entry names the file and the run; the change log still lists every record.
          {
            auditSummary: {
              action,
              table: 'exchangeRuns',
              recordId: runId,
              detail: `${detail} (${written})`,
            },
          },
        );
        await record(
          'import',
          {
            file: detail,
            format: plan.source.format,
            ...write.counts,
            rejected: plan.rejectedRows.length,
          },
          runId,
        );
        return write.counts;
      },
    );

  const getMapping = async (signature: string): Promise<Mapping | undefined> => {
    const row = await db.settings.get(MAPPING_PREFIX + signature);
    if (typeof row?.value !== 'object' || row.value === null) return undefined;
    // Only known fields with column numbers: the setting is data like any other.
    const out: Mapping = {};
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
    const parsed = valueMapSchema.safeParse(row?.value);
    return parsed.success ? parsed.data : {};
  };
  const saveValueMap = (signature: string, values: ValueMap) =>
    db.settings.put({ key: VALUES_PREFIX + signature, value: values });

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

  return {
    existingViews,
    importPlan: importAndSeal,
    getMapping,
    saveMapping,
    getValueMap,
    saveValueMap,
    record,
    listRuns,
    lastRun,
  };
};

export type ExchangeRepository = ReturnType<typeof createExchangeRepository>;

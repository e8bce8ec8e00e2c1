/**
 * A plan held in parts (heldPlan.ts) is the same plan: the write, the likely duplicates and the
 * report's fixes read from it exactly what they read from the records themselves, across part
 * boundaries, locations shared between parts included; and it takes a fraction of the room.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyPartsInBatches,
  applyPlanInBatches,
  findDuplicates,
  findDuplicatesInParts,
} from '@shared/domain/exchange/duplicates';
import { planFlat, planHsds, previewFlat, readFlat } from '@shared/domain/exchange/importFile';
import { toHsdsJson } from '@shared/domain/exchange/hsdsWrite';
import { demoViews, generateCsv, testContext } from '@shared/domain/exchange/testing';
import type { ImportPlan } from '@shared/domain/exchange/types';
import { deleteTestDbs, openTestDb, testDbName } from '../../data/testDb';
import { writeThroughHost } from '../../data/repositories/exchangeWriteFixture';
import type { PasserelleDb } from '../../data/db';
import { holdPlan, planPacker } from './heldPlan';

afterEach(deleteTestDbs);

const demoPlan = (): ImportPlan =>
  planHsds(
    [
      {
        name: 'annuaire.json',
        bytes: new TextEncoder().encode(
          JSON.stringify(toHsdsJson(demoViews(), { includeRestricted: true })),
        ),
      },
    ],
    'hsds-json',
    testContext(),
  );

/** A generated office file, with some services sharing a location first named parts before. */
const flatPlan = async (rows: number): Promise<ImportPlan> => {
  const bytes = new TextEncoder().encode(generateCsv(rows, 10).csv);
  const t = await readFlat({ name: 'office.csv', bytes }, 'csv', { encoding: 'auto' }, () =>
    Promise.reject(new Error('csv only')),
  );
  const plan = planFlat(t, 'office.csv', 'csv', previewFlat(t).suggested, testContext());
  const shared = plan.services[3]!.locationIds[0]!;
  for (const i of [400, 401, 1500, plan.services.length - 1])
    plan.services[i] = { ...plan.services[i]!, locationIds: [shared] };
  return plan;
};

const existingOf = (views: ReturnType<typeof demoViews>) => ({
  office: 'BKO',
  views: new Map(views.map((v) => [v.service.id, v])),
  serviceIds: new Set(views.map((v) => v.service.id)),
  organizationsById: new Map(),
  organizationsByName: new Map(),
  locationIds: new Set<string>(),
});

describe('a plan held in parts', () => {
  it('gives the write the very batches the plan gives, across parts, merges and skips included', () => {
    const plan = demoPlan();
    const views = demoViews().slice(0, 5);
    const dups = findDuplicates(plan, views);
    expect(dups.length).toBeGreaterThan(0);
    const decisions = new Map(
      dups.map((d, i) => [d.serviceId, i % 2 ? ('merge' as const) : ('skip' as const)]),
    );
    let n = 0;
    const ctx = () => ({ now: '2026-12-02T00:00:00.000Z', newId: () => `id-${++n}` });
    const expected = [...applyPlanInBatches(plan, dups, decisions, existingOf(views), ctx(), 4)];
    n = 0;
    // Parts of 3, batches of 4: every batch but a few spans two parts.
    const held = holdPlan(plan, 3);
    const got = [...applyPartsInBatches(held, dups, decisions, existingOf(views), ctx(), 4)];
    expect(got).toStrictEqual(expected);
    expect(findDuplicatesInParts(held.parts(), views)).toStrictEqual(dups);
  });

  it('lends a location to the later parts that name it, and gives the whole plan back', async () => {
    const plan = await flatPlan(2000);
    const held = holdPlan(plan, 300);
    const parts = [...held.parts()];
    expect(parts.length).toBe(Math.ceil(plan.services.length / 300));
    expect(parts.slice(1).some((p) => p.borrowed.length > 0)).toBe(true);
    const shared = plan.services[3]!.locationIds[0]!;
    for (const p of parts)
      for (const s of p.services)
        for (const id of s.locationIds) expect(p.locations.some((l) => l.id === id)).toBe(true);
    expect(parts.flatMap((p) => p.locations.filter((l) => l.id === shared))).toHaveLength(
      parts.filter((p) => p.services.some((s) => s.locationIds.includes(shared))).length,
    );
    const whole = held.whole();
    expect(whole.services).toStrictEqual(plan.services);
    expect(whole.serviceRows).toStrictEqual(plan.serviceRows);
    // Every location a service names, in the plan's order (one no service names is not kept).
    const named = new Set(plan.services.flatMap((s) => s.locationIds));
    expect(whole.locations).toStrictEqual(plan.locations.filter((l) => named.has(l.id)));
    expect(whole.issues).toStrictEqual(plan.issues);
    expect(whole.organizations).toStrictEqual(plan.organizations);
    // The room it takes: a small share of the records' own JSON.
    const json = JSON.stringify([plan.services, plan.locations]).length;
    expect(held.packedBytes).toBeLessThan(json / 5);
  });

  it('writes the same rows and change log as the plan itself', async () => {
    const plan = await flatPlan(2500);
    const written = async (
      p: Parameters<typeof writeThroughHost>[1] | ReturnType<typeof holdPlan>,
    ) => {
      const name = testDbName('held');
      const db = openTestDb(name);
      const { last } = await writeThroughHost(
        { dbName: name, actor: { office: 'BKO', user: 'Awa' }, dataKey: null },
        p,
        { batchSize: 250 },
      );
      expect(last.type).toBe('written');
      return snapshot(db);
    };
    const direct = await written(plan);
    const parted = await written(holdPlan(plan, 300));
    expect(parted.services.length).toBe(plan.services.length);
    expect(parted).toStrictEqual(direct);
  });
});

describe('a flat file checked in parts', () => {
  it('holds the plan a whole check gives: rows, problems, shared locations and all', async () => {
    // Rows 2 and 9 name the same place (location_id); parts of 3 put them parts apart.
    const lines = ['Organisation;Nom du service;Catégorie;Téléphone;Région;location_id'];
    for (let i = 0; i < 14; i++)
      lines.push(
        [
          `Association ${i % 3}`,
          i === 5 ? '' : `Centre ${i}`,
          'shelter',
          `+223 20 00 00 ${10 + i}`,
          'Bamako',
          i === 2 || i === 9 ? '3f2b8c1e-1111-4222-8333-444455556666' : '',
        ].join(';'),
      );
    const bytes = new TextEncoder().encode(lines.join('\r\n'));
    const read = () =>
      readFlat({ name: 'office.csv', bytes }, 'csv', { encoding: 'auto' }, () =>
        Promise.reject(new Error('csv only')),
      );
    const t = await read();
    const mapping = previewFlat(t).suggested;
    const whole = planFlat(t, 'office.csv', 'csv', mapping, testContext());
    const packer = planPacker();
    const streamed = await read();
    const rest = planFlat(streamed, 'office.csv', 'csv', mapping, testContext(), undefined, {
      parts: { size: 3, take: packer.add },
    });
    // Every row was let go as it was read, and no record stayed in what came back.
    expect(streamed.rows).toHaveLength(0);
    expect(rest.services).toHaveLength(0);
    expect(rest.locations).toHaveLength(0);
    const held = packer.finish(rest);
    expect(held.serviceCount).toBe(whole.services.length);
    expect(held.rejectedRows.length).toBeGreaterThan(0);
    expect(held.whole()).toStrictEqual(whole);
    const parts = [...held.parts()];
    const lending = parts.findIndex((p) => p.borrowed.length > 0);
    expect(lending).toBeGreaterThan(0);
    const sharedId = parts[lending]!.borrowed[0]![0];
    expect(parts[lending]!.locations.map((l) => l.id)).toContain(sharedId);
  });
});

/** The rows an import wrote, as stored (by id), and its change log without times. */
const snapshot = async (db: PasserelleDb) => ({
  organizations: JSON.stringify(await db.organizations.orderBy('id').toArray()),
  locations: JSON.stringify(await db.locations.orderBy('id').toArray()),
  services: await db.services.orderBy('id').toArray(),
  changes: (await db.changes.toArray()).map(({ table, recordId, recordIds, op }) => ({
    table,
    recordId,
    recordIds,
    op,
  })),
});

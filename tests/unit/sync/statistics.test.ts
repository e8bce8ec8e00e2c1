/**
 * Statistics across offices (issue 14), by signed bundle files: Bamako and Ségou publish their
 * aggregates; the national office imports both and sums them. Its totals equal the sum of the
 * offices' own tables, and no case field (the canary in a case's notes) reaches it.
 */
import { describe, expect, it } from 'vitest';
import { crossTab, type StatQuery } from '../../../shared/domain/statistics/aggregate';
import { generateFacts } from '../../../shared/domain/statistics/fixtures';
import {
  AGGREGATES_TABLE,
  aggregateDocSchema,
  aggregatesByPeriod,
  queryAggregates,
  type AggregateDoc,
} from '../../../shared/domain/statistics/published';
import type { Replica } from './kit';
import { makeReplica, trustAll } from './kit';

const CANARY = 'CANARY-case-notes-never-national';

const publish = async (r: Replica, seed: number) => {
  const facts = generateFacts(60, seed).map((f) => ({ ...f, office: r.office }));
  for (const [period, cells] of aggregatesByPeriod(facts))
    await r.write(
      AGGREGATES_TABLE,
      aggregateDocSchema.parse({
        id: crypto.randomUUID(),
        office: r.office,
        createdAt: r.now(),
        updatedAt: r.now(),
        period,
        cells,
      }),
    );
  // A case of this office, its notes sealed to its parties only.
  const service = (await r.newOrganization('Centre d’accueil')).id;
  await r.newCase(service, CANARY);
  return facts;
};

const dump = async (r: Replica) =>
  JSON.stringify(await Promise.all(r.db.tables.map((t) => t.toArray())));

describe('national statistics from published aggregates', () => {
  it('sums the offices’ aggregates and receives no case field', { timeout: 120_000 }, async () => {
    const bko = await makeReplica('BKO');
    const seg = await makeReplica('SEG');
    const nat = await makeReplica('NAT');
    await trustAll([bko, seg, nat]);
    const facts = [...(await publish(bko, 1)), ...(await publish(seg, 2))];
    for (const from of [bko, seg]) {
      const file = await from.service.exportFile();
      expect(await nat.service.importFile(file!.bytes)).toMatchObject({ status: 'applied' });
    }
    const docs = (await nat.db.table(AGGREGATES_TABLE).toArray()) as AggregateDoc[];
    expect(new Set(docs.map((d) => d.office))).toEqual(new Set(['BKO', 'SEG']));
    for (const q of [
      { rows: 'gender', cols: 'nationality', measure: 'referrals' },
      { rows: 'region', cols: 'outcome', measure: 'referrals' },
      { rows: 'urgency', cols: null, measure: 'persons' },
    ] as const) {
      const query: StatQuery = {
        ...q,
        period: { kind: 'year', year: 2026 },
        area: { kind: 'country' },
      };
      const national = queryAggregates(docs, query);
      const own = (office: string) =>
        crossTab(
          facts.filter((f) => f.office === office),
          query,
        );
      const sum = (cells: number[][]) => cells.flat().reduce((s, v) => s + v, 0);
      expect(sum(national.cells)).toBe(sum(own('BKO').cells) + sum(own('SEG').cells));
      if (q.measure === 'referrals') expect(national).toEqual(crossTab(facts, query));
    }
    expect(await dump(bko)).toContain(CANARY);
    expect(await dump(nat)).not.toContain(CANARY);
  });

  it('refuses aggregates an office publishes in another office’s name', async () => {
    const seg = await makeReplica('SEG');
    const nat = await makeReplica('NAT');
    await trustAll([seg, nat]);
    const [period, cells] = [...aggregatesByPeriod(generateFacts(50, 3))][0]!;
    await seg.write(
      AGGREGATES_TABLE,
      aggregateDocSchema.parse({
        id: crypto.randomUUID(),
        office: 'BKO',
        createdAt: seg.now(),
        updatedAt: seg.now(),
        period,
        cells,
      }),
    );
    // The engine does not sign what is not its office's; a bundle carrying it is refused.
    const file = await seg.service.exportFile();
    if (file) expect((await nat.service.importFile(file.bytes)).status).toBe('rejected');
    expect(await nat.db.table(AGGREGATES_TABLE).count()).toBe(0);
  });
});

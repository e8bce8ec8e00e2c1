/**
 * Attack (issue 13, hole 2): a partner party to a referral ships a document of its own whose
 * sealed part carries another record's id, owner and state, hoping that opening it overwrites
 * the referring office's own referral on that office's machine. Only the fields the registry
 * declares sealed may come out of a sealed part.
 */
import { describe, expect, it } from 'vitest';
import { makeReplica, rows, trustAll } from '../sync/kit';
import { bundleOf, forge } from './hostile';

describe('a sealed part carrying identity or routing fields', () => {
  it('cannot overwrite another office’s record: only the declared sealed fields are opened', async () => {
    const bko = await makeReplica('BKO');
    const seg = await makeReplica('SEG');
    await trustAll([bko, seg]);
    const serviceId = crypto.randomUUID();
    const own = await bko.newCase(serviceId, 'Notes de BKO');
    const ctx = await seg.service.context();
    const forgedId = crypto.randomUUID();
    // Sealed to BKO, as a referral's case fields would be; the extra fields are the attack.
    const sealed = await ctx.sealer.seal(
      {
        caseDetails: { notes: 'écrasé', person: 'Y' },
        id: own.id,
        office: 'BKO',
        caseCode: 'DETOURNE',
        serviceId: 'ailleurs',
      },
      ctx.trust.self.keys.encPrivate,
      ctx.trust.recipients(['BKO']),
    );
    const doc = await forge(seg, {
      _id: `testCases:SEG:${forgedId}`,
      t: 'testCases',
      owner: 'SEG',
      v: { n: 1, prev: '' },
      record: {
        id: forgedId,
        office: 'SEG',
        createdAt: seg.now(),
        updatedAt: seg.now(),
        deletedAt: null,
        demo: false,
        serviceId,
        caseCode: 'SEG-2026-0009',
      },
      sealed,
    });
    await bko.service.importFile(await bundleOf(seg, [{ ...doc, _rev: '1-' + 'e'.repeat(32) }]));
    const stored = await rows(bko, 'testCases');
    // BKO's own referral is untouched; SEG's document is SEG's record under its own id, with
    // the sealed case field and nothing else from the sealed part.
    expect(stored.find((r: { id: string }) => r.id === own.id)).toEqual(own);
    const theirs = stored.find((r: { id: string }) => r.id === forgedId);
    expect(theirs).toMatchObject({
      office: 'SEG',
      caseCode: 'SEG-2026-0009',
      serviceId,
      caseDetails: { notes: 'écrasé', person: 'Y' },
    });
    expect(stored).toHaveLength(2);
  });

  it('refuses case fields sent in the clear beside the sealed part', async () => {
    const bko = await makeReplica('BKO');
    const seg = await makeReplica('SEG');
    await trustAll([bko, seg]);
    const ctx = await seg.service.context();
    const id = crypto.randomUUID();
    const sealed = await ctx.sealer.seal(
      { caseDetails: { notes: 'a', person: 'b' } },
      ctx.trust.self.keys.encPrivate,
      ctx.trust.recipients(['BKO']),
    );
    const doc = await forge(seg, {
      _id: `testCases:SEG:${id}`,
      t: 'testCases',
      owner: 'SEG',
      v: { n: 1, prev: '' },
      record: {
        id,
        office: 'SEG',
        createdAt: seg.now(),
        updatedAt: seg.now(),
        deletedAt: null,
        demo: false,
        serviceId: 'x',
        caseCode: 'c',
        caseDetails: { notes: 'en clair', person: 'Z' },
      },
      sealed,
    });
    const outcome = await bko.service.importFile(
      await bundleOf(seg, [{ ...doc, _rev: '1-' + 'f'.repeat(32) }]),
    );
    expect(outcome).toMatchObject({ status: 'rejected', reason: 'documents' });
    expect(await rows(bko, 'testCases')).toEqual([]);
  });
});

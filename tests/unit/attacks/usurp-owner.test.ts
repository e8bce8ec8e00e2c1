/**
 * Attack (issue 13, hole 1): a trusted partner re-signs another office's shelter with `office`
 * set to itself, so that referrals to the shelter are sealed to it. Every variant must leave the
 * shelter owned by its office on every replica, and a referral to it unreadable by the usurper.
 */
import { describe, expect, it } from 'vitest';
import { serviceSchema } from '../../../shared/domain/directory/schema';
import { makeReplica, rows, trustAll } from '../sync/kit';
import type { Replica } from '../sync/kit';
import { asChildOf, bundleOf, fakeRev, forge, refusals, withHistory } from './hostile';

const shelterOf = (r: Replica) =>
  serviceSchema.parse({
    id: crypto.randomUUID(),
    office: r.office,
    createdAt: r.now(),
    updatedAt: r.now(),
    deletedAt: null,
    demo: false,
    organizationId: crypto.randomUUID(),
    name: 'Refuge Sabati',
    category: 'shelter',
  });

/** BKO owns a shelter that SEG (hostile) and KYS have received. */
const setup = async () => {
  const bko = await makeReplica('BKO');
  const seg = await makeReplica('SEG');
  const kys = await makeReplica('KYS');
  await trustAll([bko, seg, kys]);
  const shelter = shelterOf(bko);
  await bko.write('services', shelter);
  const file = (await bko.service.exportFile())!;
  for (const r of [seg, kys]) await r.service.importFile(file.bytes);
  expect(await rows(kys, 'services')).toEqual([shelter]);
  return { bko, seg, kys, shelter };
};

const usurped = (shelter: { id: string }) => ({
  ...shelter,
  office: 'SEG',
  name: 'Refuge Sabati (SEG)',
  updatedAt: '2026-11-23T10:00:00.000Z',
});

/** SEG's version of the shelter under `id`, signed by SEG, as a first revision. */
const usurping = async (seg: Replica, shelter: { id: string }, id: string, n = 1) => {
  const doc = await forge(seg, {
    _id: id,
    t: 'services',
    owner: 'SEG',
    v: { n, prev: '' },
    record: usurped(shelter),
  });
  return { ...doc, _rev: `1-${fakeRev(id)}` };
};

/** Each victim imports SEG's bundle and keeps the shelter as it was, logging why. */
const expectRefused = async (victims: Replica[], bundle: Uint8Array, shelter: unknown) => {
  for (const victim of victims) {
    await victim.service.importFile(bundle);
    expect(await rows(victim, 'services')).toEqual([shelter]);
    expect(await refusals(victim)).toContain('ownerChanged');
  }
};

describe('usurping another office’s record', () => {
  it('under the id that names the usurper: refused where the record is already owned', async () => {
    const { bko, seg, kys, shelter } = await setup();
    const doc = await usurping(seg, shelter, `services:SEG:${shelter.id}`);
    await expectRefused([kys, bko], await bundleOf(seg, [doc]), shelter);
  });

  it('as a new version of the owner’s own document (legacy id): refused', async () => {
    const { bko, seg, kys, shelter } = await setup();
    // A document under the id before owners were part of it, built on nothing held here.
    const doc = await usurping(seg, shelter, `services:${shelter.id}`, 5);
    await expectRefused([kys, bko], await bundleOf(seg, [doc]), shelter);
  });

  it('claiming another owner than its id names: the whole bundle is refused', async () => {
    const { seg, kys, shelter } = await setup();
    const base = await withHistory(kys, `services:BKO:${shelter.id}`);
    const doc = await forge(seg, {
      _id: base._id,
      t: 'services',
      owner: 'SEG',
      v: { n: 2, prev: String(base.sig) },
      record: usurped(shelter),
    });
    const outcome = await kys.service.importFile(
      await bundleOf(seg, [asChildOf(doc, base, 'usurp')]),
    );
    expect(outcome).toMatchObject({ status: 'rejected', reason: 'documents' });
    expect(await rows(kys, 'services')).toEqual([shelter]);
  });

  it('right behind the owner’s version in one bundle, to an office new to both: refused', async () => {
    const { bko, seg, kys, shelter } = await setup();
    const fresh = await makeReplica('MOP');
    await trustAll([bko, fresh, seg, kys]);
    const doc = await usurping(seg, shelter, `services:SEG:${shelter.id}`);
    const owner = await withHistory(kys, `services:BKO:${shelter.id}`);
    await expectRefused([fresh], await bundleOf(seg, [owner, doc]), shelter);
  });

  it('so a referral to the shelter stays sealed to its real owner', async () => {
    const { bko, seg, kys, shelter } = await setup();
    const doc = await usurping(seg, shelter, `services:SEG:${shelter.id}`);
    await kys.service.importFile(await bundleOf(seg, [doc]));
    const referral = await kys.newCase(shelter.id, 'Notes de KYS');
    const file = (await kys.service.exportFile())!;
    for (const r of [bko, seg]) await r.service.importFile(file.bytes);
    expect(await rows(bko, 'testCases')).toEqual([referral]);
    expect(await rows(seg, 'testCases')).toEqual([]);
  });
});

/**
 * Hole 1 (issue 13), the other half: "a handover is a signed act of the current owner". BKO
 * hands its shelter to SEG; every replica then takes SEG's versions, and no longer BKO's. A
 * handover signed by anyone but the current owner is refused, and so is a version of the old
 * owner written after it.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Subject } from '../../../shared/domain/accounts/permissions';
import { generateDataKey } from '../../../renderer/data/encryption';
import { createDirectoryRepository } from '../../../renderer/data/repositories/directory';
import { createHandoverRepository } from '../../../renderer/data/repositories/handover';
import { officeAtRest } from '../../../renderer/data/sync/atRest';
import { signHandover } from '../../../renderer/data/sync/handovers';
import type { SyncDoc } from '../../../shared/domain/sync/doc';
import type { Replica } from '../sync/kit';
import { makeReplica, memoryFolder, rows, trustAll } from '../sync/kit';
import { bundleOf, forge, refusals, withHistory } from './hostile';

const admin: Subject = { role: 'administrator', shelterServiceIds: [] };
const coordinator: Subject = { role: 'coordinator', shelterServiceIds: [] };
const STREET = 'Rue-Canari-H4n8';

const setup = async () => {
  const folder = memoryFolder();
  const keys: Record<string, CryptoKey> = {};
  const replica = async (office: string) => {
    keys[office] = await generateDataKey();
    return makeReplica(office, {
      folder: async () => folder.access,
      atRest: officeAtRest(() => keys[office]!),
    });
  };
  const bko = await replica('BKO');
  const seg = await replica('SEG');
  const kys = await replica('KYS');
  await trustAll([bko, seg, kys]);
  const actor = (r: Replica) => () => ({ office: r.office, user: `admin ${r.office}` });
  const directory = (r: Replica) =>
    createDirectoryRepository(r.db, actor(r), undefined, () => keys[r.office]!);
  const handover = (r: Replica, who: Subject) =>
    createHandoverRepository(r.db, actor(r), () => who);
  const made = await directory(bko).create({
    organizationName: 'Association Jigiya',
    name: 'Foyer Jigiya',
    category: 'shelter',
    address1: STREET,
    adminAreaCode: 'ML-4',
    latitude: 13.4,
    longitude: -6.2,
    visibility: 'restricted',
  });
  if (!made.ok) throw new Error('not created');
  const serviceId = made.value.id;
  const everyone = async () => {
    for (let round = 0; round < 3; round++)
      for (const r of [bko, seg, kys]) await r.service.syncNow();
  };
  await everyone();
  const ownerAt = async (r: Replica) =>
    ((await rows(r, 'services')) as { id: string; office: string }[]).find(
      (s) => s.id === serviceId,
    )?.office;
  return { bko, seg, kys, directory, handover, serviceId, everyone, ownerAt };
};

describe('attack: take a shelter over with a handover', () => {
  it('the owner’s signed act moves it; the old owner’s later versions are refused', async () => {
    const { bko, seg, kys, directory, handover, serviceId, everyone, ownerAt } = await setup();
    // The screen offers the trusted partners, never this office itself.
    expect((await handover(bko, admin).partners()).map((p) => p.office).sort()).toEqual([
      'KYS',
      'SEG',
    ]);
    // Only an administrator of the owner office hands over, and only to a trusted partner.
    expect(await handover(bko, coordinator).handOverService(serviceId, 'SEG')).toMatchObject({
      ok: false,
    });
    expect(await handover(seg, admin).handOverService(serviceId, 'SEG')).toMatchObject({
      ok: false,
    });
    expect(await handover(bko, admin).handOverService(serviceId, 'XYZ')).toMatchObject({
      ok: false,
    });
    expect(await handover(bko, admin).handOverService(serviceId, 'SEG')).toEqual({ ok: true });
    await everyone();

    for (const r of [bko, seg, kys]) expect(await ownerAt(r), r.office).toBe('SEG');
    // SEG's version travels under SEG's id, carrying BKO's act.
    const doc = (await kys.pouch.get(`services:SEG:${serviceId}`)) as unknown as SyncDoc;
    expect(doc.handover?.act).toMatchObject({ from: 'BKO', to: 'SEG', recordId: serviceId });
    // The new owner reads the restricted place (sealed to it by the act), and edits it.
    const view = await directory(seg).getView(serviceId);
    expect(view?.locations[0]?.address.address1).toBe(STREET);
    expect(view?.locations[0]?.office).toBe('SEG');
    const edited = await directory(seg).update(serviceId, {
      organizationName: 'Association Jigiya',
      name: 'Foyer Jigiya (SEG)',
      category: 'shelter',
      address1: STREET,
      adminAreaCode: 'ML-4',
      visibility: 'restricted',
    });
    expect(edited.ok).toBe(true);
    await everyone();
    expect((await directory(kys).getView(serviceId))?.service.name).toBe('Foyer Jigiya (SEG)');
    expect(await refusals(kys)).toEqual([]);

    // BKO (or anyone with its keys) writes a new version after the handover: refused.
    const old = await withHistory(bko, `services:BKO:${serviceId}`);
    const stale = old as unknown as SyncDoc;
    const after = await forge(bko, {
      _id: stale._id,
      t: 'services',
      owner: 'BKO',
      v: { n: stale.v!.n + 1, prev: stale.sig },
      record: { ...stale.record, name: 'Repris par BKO', updatedAt: bko.now() },
    });
    await kys.service.importFile(
      await bundleOf(bko, [{ ...after, _rev: `${old._revisions.start + 1}-aa` }]),
    );
    expect(await refusals(kys)).toContain('ownerChanged');
    expect((await directory(kys).getView(serviceId))?.service.name).toBe('Foyer Jigiya (SEG)');
  });

  it('a handover signed by anyone but the current owner is refused', async () => {
    const { bko, seg, kys, serviceId, ownerAt } = await setup();
    const keys = await seg.service.repo.keys();
    const record = (await rows(seg, 'services')).find(
      (s: { id: string }) => s.id === serviceId,
    ) as Record<string, unknown>;
    const take = async (act: Parameters<typeof signHandover>[0]) =>
      forge(seg, {
        _id: `services:SEG:${serviceId}`,
        t: 'services',
        owner: 'SEG',
        v: { n: 1, prev: '' },
        record: { ...record, office: 'SEG', name: 'Repris par SEG' },
        handover: await signHandover(act, keys.signPrivate),
      });
    const act = {
      table: 'services',
      recordId: serviceId,
      from: 'BKO',
      to: 'SEG',
      n: 99,
      at: seg.now(),
      key: keys.keyId,
    };
    // SEG signs "BKO hands it to SEG" with its own key: not a key of BKO.
    await kys.service.importFile(await bundleOf(seg, [{ ...(await take(act)), _rev: '1-ab' }]));
    expect(await refusals(kys)).toContain('unknownSigner');
    // SEG signs "SEG hands it to SEG": not the current owner's act.
    await kys.service.importFile(
      await bundleOf(seg, [{ ...(await take({ ...act, from: 'KYS', to: 'SEG' })), _rev: '1-ac' }]),
    );
    expect(await refusals(kys)).toContain('unknownSigner');
    // Without any act: the owner is fixed.
    const bare = await forge(seg, {
      _id: `services:SEG:${serviceId}`,
      t: 'services',
      owner: 'SEG',
      v: { n: 1, prev: '' },
      record: { ...record, office: 'SEG', name: 'Repris par SEG' },
    });
    await kys.service.importFile(await bundleOf(seg, [{ ...bare, _rev: '1-ad' }]));
    await kys.service.syncNow();
    expect(await refusals(kys)).toContain('ownerChanged');
    expect(await ownerAt(kys)).toBe('BKO');
    expect(await ownerAt(bko)).toBe('BKO');
  });

  it('a genuine act replayed after the record came back is refused', async () => {
    const { bko, seg, kys, handover, serviceId, everyone, ownerAt } = await setup();
    await handover(bko, admin).handOverService(serviceId, 'SEG');
    await everyone();
    const first = (await withHistory(seg, `services:SEG:${serviceId}`)) as unknown as SyncDoc &
      Awaited<ReturnType<typeof withHistory>>;
    // SEG gives it back.
    expect(await handover(seg, admin).handOverService(serviceId, 'BKO')).toEqual({ ok: true });
    await everyone();
    for (const r of [bko, seg, kys]) expect(await ownerAt(r), r.office).toBe('BKO');
    // SEG replays a new version of its own carrying BKO's first act: the act is older than
    // the version of BKO's document every replica holds now.
    const replay = await forge(seg, {
      _id: first._id,
      t: 'services',
      owner: 'SEG',
      v: { n: 50, prev: first.sig },
      record: { ...first.record, name: 'Repris encore par SEG' },
      handover: first.handover!,
    });
    await kys.service.importFile(
      await bundleOf(seg, [{ ...replay, _rev: `${first._revisions.start + 5}-ee` }]),
    );
    expect(await refusals(kys)).toContain('ownerChanged');
    expect(await ownerAt(kys)).toBe('BKO');
  });
});

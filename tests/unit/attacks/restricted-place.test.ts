/**
 * Hole 9 (issue 13), second half: a restricted shelter's place (street, town, coordinates and
 * its own name) read by a partner office that is not allowed to see it, by the server operator
 * (every byte that replicates), or by someone reading the IndexedDB of the owner's PC.
 *
 * Allowed: the owner office (its desks) and the ministry configured in the sync settings; a
 * handover adds the office it names (handover.test.ts). Everyone else gets the shelter at its
 * region only, and the map draws it at the region's centre.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { inflateSync } from 'fflate';
import { parseBundleFrame } from '../../../shared/domain/sync/bundle';
import { fromUtf8 } from '../../../shared/domain/sync/codec';
import { placeServices } from '../../../shared/domain/map/placement';
import type { ServiceView } from '../../../shared/domain/directory/schema';
import { areaByCode } from '../../../shared/domain/directory/areas';
import { generateDataKey } from '../../../renderer/data/encryption';
import { createDirectoryRepository } from '../../../renderer/data/repositories/directory';
import { officeAtRest } from '../../../renderer/data/sync/atRest';
import type { SyncDoc } from '../../../shared/domain/sync/doc';
import type { Replica } from '../sync/kit';
import { makeReplica, memoryFolder, pouchState, rows, trustAll } from '../sync/kit';
import { bundleOf, forge, refusals } from './hostile';

const STREET = 'Rue-Canari-Q7x2';
const TOWN = 'Quartier-Canari-K3p9';
const PLACE_NAME = 'Maison-Canari-W5d1';
const LAT = 13.456789;
const LON = -6.234567;
const CANARIES = [STREET, TOWN, PLACE_NAME, String(LAT), String(LON)];

/** Every row of every table as text: what reading the profile's IndexedDB finds. */
const dump = async (r: Replica) =>
  JSON.stringify(await Promise.all(r.db.tables.map((t) => t.toArray())));

const bundleText = (bytes: Uint8Array) => {
  const frame = parseBundleFrame(bytes);
  return (
    new TextDecoder().decode(bytes) + (frame.kind === 'ok' ? fromUtf8(inflateSync(frame.body)) : '')
  );
};

const expectNoCanary = (text: string, where: string) => {
  for (const c of CANARIES) expect(text.includes(c), `${c} in ${where}`).toBe(false);
};

const setup = async () => {
  const folder = memoryFolder();
  const keys = {
    BKO: await generateDataKey(),
    SEG: await generateDataKey(),
    MIN: await generateDataKey(),
  };
  const replica = (office: keyof typeof keys) =>
    makeReplica(office, {
      folder: async () => folder.access,
      atRest: officeAtRest(() => keys[office]),
    });
  const bko = await replica('BKO');
  const seg = await replica('SEG');
  const min = await replica('MIN');
  await trustAll([bko, seg, min]);
  await bko.service.repo.saveSettings({ ministry: 'MIN' });
  const directory = (r: Replica) =>
    createDirectoryRepository(
      r.db,
      () => ({ office: r.office, user: `admin ${r.office}` }),
      undefined,
      () => keys[r.office as keyof typeof keys],
    );
  const saved = await directory(bko).create({
    organizationName: 'Association Canari',
    name: 'Refuge confidentiel',
    category: 'shelter',
    locationName: PLACE_NAME,
    address1: STREET,
    city: TOWN,
    adminAreaCode: 'ML-4',
    latitude: LAT,
    longitude: LON,
    visibility: 'restricted',
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  return { folder, keys, bko, seg, min, directory, serviceId: saved.value.id };
};

describe('attack: read a restricted shelter address', () => {
  it('from the owner PC’s IndexedDB: sealed with the data key, opened only with it', async () => {
    const { bko, directory, serviceId } = await setup();
    expectNoCanary(await dump(bko), 'BKO IndexedDB');
    const stored = (await rows(bko, 'locations'))[0] as Record<string, unknown>;
    expect(stored.atRest).toBeDefined();
    expect(stored).toMatchObject({ latitude: null, longitude: null, visibility: 'restricted' });
    // The office itself, with its key, reads the true place (map, letters, where to go).
    const view = await directory(bko).getView(serviceId);
    expect(view?.locations[0]).toMatchObject({
      name: PLACE_NAME,
      address: { address1: STREET, city: TOWN, adminAreaCode: 'ML-4' },
      latitude: LAT,
      longitude: LON,
    });
    // Without the key the same repository gives the redacted location, never a wrong one.
    const locked = createDirectoryRepository(
      bko.db,
      () => ({ office: 'BKO', user: 'x' }),
      undefined,
      () => null,
    );
    const blind = await locked.getView(serviceId);
    expect(blind?.locations[0]).toMatchObject({ latitude: null, address: { address1: '' } });
    // …and cannot save a restricted place it would have to store in clear.
    const edit = await locked.update(serviceId, {
      organizationName: 'Association Canari',
      name: 'Refuge confidentiel',
      category: 'shelter',
      address1: 'Autre rue',
      adminAreaCode: 'ML-4',
      visibility: 'restricted',
    });
    expect(edit.ok).toBe(false);
    expectNoCanary(await dump(bko), 'BKO IndexedDB after a locked edit');
    expect(JSON.stringify(await dump(bko))).not.toContain('Autre rue');
  });

  it('as a partner that is not allowed: the document reaches it, the place does not', async () => {
    const { folder, bko, seg, min, directory, serviceId } = await setup();
    await bko.service.syncNow();
    await seg.service.syncNow();
    await min.service.syncNow();

    // What the server operator or anyone relaying sees: no place in any file or document.
    expect(folder.files.size).toBeGreaterThan(0);
    for (const [name, bytes] of folder.files) expectNoCanary(bundleText(bytes), name);
    expectNoCanary(JSON.stringify(await pouchState(bko)), 'BKO PouchDB (what replicates)');

    // SEG holds the signed document, and its sealed part names none of SEG's keys.
    const state = await pouchState(seg);
    const doc = state.find((d) => d.id.startsWith('locations:BKO:'))?.doc as unknown as SyncDoc;
    expect(doc.sealedPart).toBeDefined();
    const segKey = (await seg.service.repo.keys()).keyId;
    expect(doc.sealedPart!.keys.map((k) => k.key)).not.toContain(segKey);
    // Trying to open it with SEG's own keys (a modified client) gets nothing.
    const ctx = await seg.service.context();
    const authorKey = ctx.trust.encPublic(doc.author.key)!;
    expect(await ctx.sealer.unseal(doc.sealedPart!, ctx.trust.self.keys, authorKey)).toBe(
      undefined,
    );
    expectNoCanary(await dump(seg), 'SEG IndexedDB');
    expectNoCanary(JSON.stringify(state), 'SEG PouchDB');

    // SEG still has the shelter, in its region: referrals and the map keep working.
    const segView = await directory(seg).getView(serviceId);
    expect(segView?.locations[0]).toMatchObject({
      address: { adminAreaCode: 'ML-4', address1: '', city: '' },
      latitude: null,
    });
    // Even a coordinator of SEG (allowed to see restricted places it holds) gets the region's
    // centre on the map, never a point.
    const coordinator = { role: 'coordinator' as const, shelterServiceIds: [] };
    const placed = placeServices([segView as ServiceView], 'region-centre', coordinator);
    expect(placed.points[0]).toMatchObject({ restricted: true });
    expect([placed.points[0]!.lat, placed.points[0]!.lon]).toEqual(areaByCode('ML-4')!.center);

    // The ministry is allowed: it reads the place, and stores it sealed with its own key.
    const minView = await directory(min).getView(serviceId);
    expect(minView?.locations[0]).toMatchObject({ latitude: LAT, longitude: LON });
    expectNoCanary(await dump(min), 'MIN IndexedDB');
  });

  it('by shipping a sealed part that rewrites identity or visibility: only the place opens', async () => {
    const { bko, seg, serviceId } = await setup();
    await bko.service.syncNow();
    await seg.service.importFile((await bko.service.exportFile({ all: true }))!.bytes);
    const loc = (await rows(seg, 'locations'))[0] as Record<string, unknown>;
    // SEG signs a location of its own whose sealed part claims BKO's id, owner and visibility.
    const ctx = await seg.service.context();
    const sealedPart = await ctx.sealer.seal(
      {
        name: 'x',
        address1: 'x',
        city: 'x',
        latitude: 1,
        longitude: 1,
        id: loc.id,
        office: 'BKO',
        visibility: 'public',
      },
      ctx.trust.self.keys.encPrivate,
      ctx.trust.recipients(['BKO', 'SEG']),
    );
    const id = crypto.randomUUID();
    const record = { ...loc, id, office: 'SEG' };
    const forged = await forge(seg, {
      _id: `locations:SEG:${id}`,
      t: 'locations',
      owner: 'SEG',
      v: { n: 1, prev: '' },
      record,
      sealedPart,
    });
    await bko.service.importFile(await bundleOf(seg, [{ ...forged, _rev: '1-abc' }]));
    // The extra fields are not a place: the record is kept without it (strict place schema).
    const got = (await rows(bko, 'locations')).find((l: { id: string }) => l.id === id) as
      Record<string, unknown> | undefined;
    expect(got?.office).toBe('SEG');
    expect(got?.latitude).toBe(null);
    // BKO's own shelter is untouched.
    const own = await createDirectoryRepository(bko.db, () => ({
      office: 'BKO',
      user: 'x',
    })).getView(serviceId);
    expect(own?.locations[0]?.visibility).toBe('restricted');
    expect(await refusals(bko)).toEqual([]);
  });
});

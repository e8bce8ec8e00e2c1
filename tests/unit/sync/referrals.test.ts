/**
 * Referrals between offices, end to end through the real repositories, the real sync service
 * and bundle files in a shared folder (issues 7 and 10): office BKO refers a person to a shelter
 * of office SEG; SEG receives the case, accepts it with an event of its own; BKO sees it
 * accepted. Office KYS, trusted but no party, never receives a case field, and an answer it
 * forges counts for nothing. Case data is sealed at rest with each office's own data key.
 */
import 'fake-indexeddb/auto';
import { inflateSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBundleFrame } from '../../../shared/domain/sync/bundle';
import { fromUtf8 } from '../../../shared/domain/sync/codec';
import { localDate } from '../../../renderer/data/repositories/referralRows';
import { createDirectoryRepository } from '../../../renderer/data/repositories/directory';
import { createReferralsRepository } from '../../../renderer/data/repositories/referrals';
import { generateDataKey } from '../../../renderer/data/encryption';
import { referralAtRest } from '../../../renderer/data/sync/atRest';
import type { Replica } from './kit';
import { makeReplica, memoryFolder, pouchState, trustAll } from './kit';

const CANARY = { name: 'CANARY-PERSON-Fanta-Sikasso', notes: 'CANARY-NOTES-venue-a-pied' };

/** Whether a bundle file holds a text, in its raw bytes or its inflated body. */
const contains = (bytes: Uint8Array, text: string) => {
  const frame = parseBundleFrame(bytes);
  const body = frame.kind === 'ok' ? fromUtf8(inflateSync(frame.body)) : '';
  return new TextDecoder().decode(bytes).includes(text) || body.includes(text);
};

const dump = async (r: Replica) =>
  JSON.stringify([await Promise.all(r.db.tables.map((t) => t.toArray())), await pouchState(r)]);

let keys: Record<string, CryptoKey>;
beforeAll(async () => {
  keys = {
    BKO: await generateDataKey(),
    SEG: await generateDataKey(),
    KYS: await generateDataKey(),
  };
});

const office = (r: Replica) => {
  const actor = () => ({ office: r.office, user: `Agent ${r.office}` });
  return {
    actor,
    referrals: createReferralsRepository(r.db, actor, undefined, () => keys[r.office]!),
    directory: createDirectoryRepository(r.db, actor),
  };
};

describe('a referral between two offices, by bundle files', () => {
  it('reaches the receiving office, is accepted there, and the referring office sees it', async () => {
    const folder = memoryFolder();
    const replica = (code: string) =>
      makeReplica(code, {
        folder: async () => folder.access,
        atRest: referralAtRest(() => keys[code]!),
      });
    const [bko, seg, kys] = await Promise.all([replica('BKO'), replica('SEG'), replica('KYS')]);
    // A second desk of the referring office: the internal notes are its office's too.
    const desk = await makeReplica('BKO', {
      folder: async () => folder.access,
      atRest: referralAtRest(() => keys.BKO!),
    });
    await trustAll([bko, seg, kys, desk]);
    const [B, S] = [office(bko), office(seg)];

    // SEG's shelter reaches BKO's directory.
    const shelter = await S.directory.create({
      organizationName: 'Association Sabati',
      name: 'Refuge Sabati',
      category: 'shelter',
      adminAreaCode: 'ML-4',
    });
    if (!shelter.ok) throw new Error(JSON.stringify(shelter.errors));
    await seg.service.syncNow();
    await bko.service.syncNow();
    expect(await bko.db.services.get(shelter.value.id)).toBeDefined();

    // BKO refers a person there, with consent and the name, and sends it.
    const made = await B.referrals.create({
      serviceId: shelter.value.id,
      urgency: '24h',
      caseDetails: { needs: ['shelter'], notes: CANARY.notes },
    });
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    const id = made.value.id;
    const consent = await B.referrals.recordConsent(id, {
      consent: {
        given: true,
        scope: ['referral', 'recordName', 'shareName'],
        recipient: { kind: 'service', id: shelter.value.id, name: 'Refuge Sabati' },
        date: localDate(),
        method: 'written',
      },
      personName: CANARY.name,
    });
    expect(consent.ok).toBe(true);
    expect((await B.referrals.act(id, 'send')).ok).toBe(true);
    // Twice round: what one office writes in the folder, the others read on the next turn.
    const sync = async () => {
      for (let round = 0; round < 2; round++)
        for (const r of [bko, seg, kys, desk]) await r.service.syncNow();
    };
    await sync();

    // SEG has the case, readable with its own key, sealed at rest with it; the internal notes
    // stay with the referring office (its other desk has them).
    const atSeg = await S.referrals.get(id);
    expect(atSeg?.referral).toMatchObject({
      state: 'sent',
      caseCode: made.value.caseCode,
      caseDetails: { notes: '', person: { name: CANARY.name } },
    });
    expect(JSON.stringify(await dump(seg))).not.toContain(CANARY.notes);
    const atDesk = await office(desk).referrals.get(id);
    expect(atDesk?.referral.caseDetails.notes).toBe(CANARY.notes);
    expect(atSeg?.sides).toEqual({ referring: 'BKO', receiving: 'SEG' });
    // SEG answers; it may not send, withdraw or edit BKO's referral.
    expect(await S.referrals.act(id, 'withdraw', 'pas le nôtre')).toMatchObject({ ok: false });
    expect((await S.referrals.act(id, 'accept')).ok).toBe(true);
    await sync();

    const atBko = await B.referrals.get(id);
    expect(atBko?.referral.state).toBe('accepted');
    expect(atBko?.events.at(-1)).toMatchObject({ type: 'accepted', office: 'SEG' });
    expect((await S.referrals.list()).map((r) => r.state)).toEqual(['accepted']);

    // KYS, a trusted office but no party, forges an answer, sealed to BKO and SEG.
    await kys.db.table('referrals').put({ ...(await bko.db.table('referrals').get(id)) });
    const forged = {
      id: crypto.randomUUID(),
      referralId: id,
      office: 'KYS',
      at: new Date(Date.now() + 60_000).toISOString(),
      by: 'Intrus',
      type: 'declined',
      from: 'accepted',
      to: 'declined',
      reason: 'faux refus',
      letterId: null,
      reference: '',
      format: null,
      fileName: '',
      demo: false,
    };
    await kys.write('referralEvents', forged);
    await kys.service.syncNow();
    await kys.db.table('referrals').delete(id);
    await sync();
    const after = await B.referrals.get(id);
    expect(after?.events.map((e) => e.id)).toContain(forged.id);
    expect(after?.referral.state).toBe('accepted');
    expect(after?.withoutEffect.has(forged.id)).toBe(true);
    expect((await S.referrals.get(id))?.referral.state).toBe('accepted');

    // No case field reached KYS: not in the folder's files, not in its PouchDB, not in Dexie.
    expect(folder.files.size).toBeGreaterThan(0);
    for (const [name, bytes] of folder.files)
      for (const canary of Object.values(CANARY)) expect(contains(bytes, canary), name).toBe(false);
    const atKys = await dump(kys);
    for (const canary of Object.values(CANARY)) expect(atKys).not.toContain(canary);
    expect(await kys.db.table('referrals').count()).toBe(0);
    expect(atKys).toContain(`referrals:BKO:${id}`); // the routing document did replicate
    // At rest, neither party keeps the case in plaintext either.
    for (const r of [bko, seg]) {
      const rows = JSON.stringify(await Promise.all(r.db.tables.map((t) => t.toArray())));
      for (const canary of Object.values(CANARY)) expect(rows).not.toContain(canary);
    }
  });

  it('keeps referral changes waiting while the data key is locked, then sends them', async () => {
    let unlocked: CryptoKey | null = keys.BKO!;
    const bko = await makeReplica('BKO', { atRest: referralAtRest(() => unlocked) });
    const seg = await makeReplica('SEG', { atRest: referralAtRest(() => keys.SEG!) });
    await trustAll([bko, seg]);
    const B = office(bko);
    const shelter = await B.directory.create({
      organizationName: 'Association Jigiya',
      name: 'Foyer Jigiya',
      category: 'shelter',
      adminAreaCode: 'ML-4',
    });
    if (!shelter.ok) throw new Error();
    const made = await B.referrals.create({
      serviceId: shelter.value.id,
      urgency: '72h',
      caseDetails: { needs: ['shelter'] },
    });
    if (!made.ok) throw new Error();
    const org = await bko.newOrganization('Écrite après l’orientation');
    unlocked = null;
    const report = await bko.service.syncNow();
    expect(report.locked).toBe(true);
    // Written before the referral: sent. The referral and what follows it: waiting.
    expect(report.drained).toBeGreaterThan(0);
    const ids = async () => (await pouchState(bko)).map((d) => d.id);
    expect(await ids()).not.toContain(`referrals:BKO:${made.value.id}`);
    expect(await ids()).not.toContain(`organizations:BKO:${org.id}`);
    unlocked = keys.BKO!;
    expect((await bko.service.syncNow()).locked).toBe(false);
    expect(await ids()).toEqual(
      expect.arrayContaining([`referrals:BKO:${made.value.id}`, `organizations:BKO:${org.id}`]),
    );
    const bundle = await bko.service.exportFile({ all: true });
    await seg.service.importFile(bundle!.bytes);
    expect(await seg.db.organizations.get(org.id)).toBeDefined();
    // SEG is no party to a referral to BKO's own shelter: the routing document, no case.
    expect(await seg.db.table('referrals').count()).toBe(0);
    expect((await pouchState(seg)).map((d) => d.id)).toContain(`referrals:BKO:${made.value.id}`);
  });
});

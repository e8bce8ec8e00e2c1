/**
 * Case data minimisation: a referral-like record's case fields are sealed to the offices party
 * to it. A canary in them must be absent from every byte a non-party office receives.
 */
import { describe, expect, it } from 'vitest';
import { inflateSync } from 'fflate';
import { parseBundleFrame } from '../../../shared/domain/sync/bundle';
import { fromUtf8 } from '../../../shared/domain/sync/codec';
import { makeReplica, memoryFolder, pouchState, rows, trustAll } from './kit';

const CANARY = 'CANARY-c4se-7f3a';

const contains = (bytes: Uint8Array, text: string) => {
  const frame = parseBundleFrame(bytes);
  const plain = frame.kind === 'ok' ? fromUtf8(inflateSync(frame.body)) : '';
  return new TextDecoder().decode(bytes).includes(text) || plain.includes(text);
};

describe('case fields sealed to the parties', () => {
  it('reach the referring and receiving offices; others replicate only ciphertext', async () => {
    const folder = memoryFolder();
    const bko = await makeReplica('BKO', { folder: async () => folder.access });
    const seg = await makeReplica('SEG', { folder: async () => folder.access });
    const kys = await makeReplica('KYS', { folder: async () => folder.access });
    await trustAll([bko, seg, kys]);
    // SEG owns the shelter; BKO refers a person to it.
    const service = {
      id: crypto.randomUUID(),
      office: 'SEG',
      createdAt: seg.now(),
      updatedAt: seg.now(),
      deletedAt: null,
      demo: false,
      organizationId: crypto.randomUUID(),
      name: 'Refuge Sabati',
      category: 'shelter',
    };
    await seg.write('services', service);
    await seg.service.syncNow();
    await bko.service.syncNow();
    expect(await rows(bko, 'services')).toHaveLength(1);
    const referral = await bko.newCase(service.id, `Notes internes ${CANARY}`);
    await bko.service.syncNow();
    await seg.service.syncNow();
    await kys.service.syncNow();

    // Every file in the folder, and everything KYS stored, is free of the canary.
    expect(folder.files.size).toBeGreaterThan(0);
    for (const [name, bytes] of folder.files) expect(contains(bytes, CANARY), name).toBe(false);
    expect(JSON.stringify(await pouchState(kys))).not.toContain(CANARY);
    expect(await rows(kys, 'testCases')).toEqual([]);
    // The routing fields replicate; the case fields do not.
    const kysDoc = (await pouchState(kys)).find((d) => d.id === `testCases:BKO:${referral.id}`);
    expect(kysDoc?.doc?.record).toMatchObject({
      caseCode: referral.caseCode,
      serviceId: service.id,
    });
    expect(kysDoc?.doc?.record).not.toHaveProperty('caseDetails');

    // The receiving office reads the whole referral.
    expect(await rows(seg, 'testCases')).toEqual([referral]);
  });

  it('adds the ministry as a party when configured', async () => {
    const bko = await makeReplica('BKO');
    const min = await makeReplica('MIN');
    await trustAll([bko, min]);
    await bko.service.repo.saveSettings({ ministry: 'MIN' });
    const referral = await bko.newCase(crypto.randomUUID(), CANARY);
    await min.service.importFile((await bko.service.exportFile())!.bytes);
    expect(await rows(min, 'testCases')).toEqual([referral]);
  });
});

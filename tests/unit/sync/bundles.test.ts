import { describe, expect, it } from 'vitest';
import { deflateSync } from 'fflate';
import { BUNDLE_MAGIC, parseBundleFrame } from '../../../shared/domain/sync/bundle';
import { concatBytes, utf8 } from '../../../shared/domain/sync/codec';
import { buildDoc } from '../../../renderer/data/sync/docs';
import { exportBundle } from '../../../renderer/data/sync/bundles';
import { encodeBundle } from '../../../shared/domain/sync/bundle';
import { signBytes } from '../../../renderer/data/sync/signing';
import type { Replica } from './kit';
import { makeReplica, pouchState, rows, trustAll } from './kit';

const setup = async () => {
  const a = await makeReplica('BKO');
  const b = await makeReplica('SEG');
  await trustAll([a, b]);
  await a.newOrganization('Association Jigiya');
  await a.newOrganization('Clinique Bénkadi');
  const file = await a.service.exportFile();
  if (!file) throw new Error('no bundle');
  return { a, b, file };
};

/** Nothing of a refused bundle is applied: no document in PouchDB, no record in Dexie. */
const expectUntouched = async (b: Replica) => {
  expect(await pouchState(b)).toEqual([]);
  expect(await rows(b, 'organizations')).toEqual([]);
};

const reasons = async (b: Replica) => (await b.service.repo.log()).flatMap((l) => l.reasons ?? []);

describe('bundle import is all or nothing', () => {
  it('applies a good bundle, and a second time changes nothing (replay)', async () => {
    const { b, file } = await setup();
    expect(await b.service.importFile(file.bytes)).toMatchObject({ status: 'applied', count: 2 });
    const before = await pouchState(b);
    expect(await rows(b, 'organizations')).toHaveLength(2);
    expect(await b.service.importFile(file.bytes)).toMatchObject({ status: 'replayed' });
    expect(await pouchState(b)).toEqual(before);
  });

  it('skips a truncated bundle (still being copied) without logging it as refused', async () => {
    const { b, file } = await setup();
    for (const cut of [5, 20, file.bytes.length - 100, file.bytes.length - 1]) {
      expect(await b.service.importFile(file.bytes.subarray(0, cut))).toEqual({
        status: 'incomplete',
      });
    }
    await expectUntouched(b);
    expect(await b.service.repo.log()).toEqual([]);
  });

  it('refuses a tampered bundle: a flipped byte in the body, the header or the signature', async () => {
    const { b, file } = await setup();
    const at = [file.bytes.length - 200, 40, file.bytes.length - 3];
    for (const i of at) {
      const bad = file.bytes.slice();
      bad[i] = bad[i]! ^ 1;
      const outcome = await b.service.importFile(bad);
      expect(outcome.status).toBe('rejected');
    }
    // And bytes appended after the signature.
    const longer = concatBytes(file.bytes, new Uint8Array([0]));
    expect(await b.service.importFile(longer)).toMatchObject({
      status: 'rejected',
      reason: 'tampered',
    });
    await expectUntouched(b);
  });

  it('refuses a bundle from an office it does not trust, and from a revoked one', async () => {
    const a = await makeReplica('BKO');
    const b = await makeReplica('SEG');
    await a.newOrganization('Association Jigiya');
    const file = (await a.service.exportFile())!;
    expect(await b.service.importFile(file.bytes)).toMatchObject({
      status: 'rejected',
      reason: 'unknownSigner',
    });
    await trustAll([a, b]);
    await b.service.repo.revoke((await a.identity()).keyId);
    expect(await b.service.importFile(file.bytes)).toMatchObject({
      status: 'rejected',
      reason: 'revoked',
    });
    await expectUntouched(b);
  });

  it('refuses the whole bundle when one document is not its signer’s to write', async () => {
    const { a, b } = await setup();
    // BKO signs a record owned by SEG, with a valid signature: the owner check must catch it.
    const ctx = await a.service.context();
    const spec = (await import('./kit')).TEST_REGISTRY.get('organizations')!;
    const forged = await buildDoc(
      ctx,
      spec,
      {
        id: crypto.randomUUID(),
        office: 'SEG',
        createdAt: a.now(),
        updatedAt: a.now(),
        deletedAt: null,
        demo: false,
        name: 'Faux',
        description: '',
        email: '',
        website: '',
      },
      { n: 1, prev: '' },
    );
    const good = await pouchState(a);
    const docs = [
      ...good.map((g) => ({ ...g.doc, _revisions: { start: 1, ids: [g.rev!.split('-')[1]!] } })),
      { ...forged, _rev: '1-abc', _revisions: { start: 1, ids: ['abc'] } },
    ];
    const keys = await a.service.repo.keys();
    const bytes = await encodeBundle(
      {
        office: 'BKO',
        key: keys.keyId,
        from: 100,
        to: 200,
        count: docs.length,
        createdAt: a.now(),
      },
      docs,
      (x) => signBytes(keys.signPrivate, x),
    );
    const outcome = await b.service.importFile(bytes);
    expect(outcome).toMatchObject({ status: 'rejected', reason: 'documents' });
    expect(await reasons(b)).toEqual([{ docId: forged._id, reason: 'notOwner' }]);
    await expectUntouched(b);
  });

  it('refuses a document whose signature does not match its content (relayed and altered)', async () => {
    const { a, b } = await setup();
    const keys = await a.service.repo.keys();
    const state = await pouchState(a);
    const docs = state.map((g, i) => ({
      ...g.doc,
      ...(i === 0 ? { record: { ...(g.doc!.record as object), name: 'Changé en route' } } : {}),
      _revisions: { start: 1, ids: [g.rev!.split('-')[1]!] },
    }));
    const bytes = await encodeBundle(
      { office: 'BKO', key: keys.keyId, from: 0, to: 9, count: docs.length, createdAt: a.now() },
      docs,
      (x) => signBytes(keys.signPrivate, x),
    );
    expect(await b.service.importFile(bytes)).toMatchObject({
      status: 'rejected',
      reason: 'documents',
    });
    expect((await reasons(b)).map((r) => r.reason)).toEqual(['badSignature']);
    await expectUntouched(b);
  });

  it('refuses a file that is not a bundle, or of a future version', async () => {
    const { b } = await setup();
    expect(await b.service.importFile(utf8('name,phone\nx,1\n'))).toMatchObject({
      status: 'rejected',
      reason: 'format',
    });
    const head = utf8(JSON.stringify({ format: 'passerelle-bundle', version: 2 }));
    const v2 = concatBytes(
      BUNDLE_MAGIC,
      new Uint8Array([0, 0, 0, head.length]),
      head,
      deflateSync(utf8('[]')),
    );
    expect(parseBundleFrame(v2)).toEqual({ kind: 'invalid', reason: 'version' });
    await expectUntouched(b);
  });

  it('passes on other offices’ documents only when relaying, each still signed by its author', async () => {
    const a = await makeReplica('BKO');
    const m = await makeReplica('MIN');
    const c = await makeReplica('SEG');
    await trustAll([a, m, c]);
    const org = await a.newOrganization('Association Jigiya');
    await m.service.importFile((await a.service.exportFile())!.bytes);
    expect(await m.service.exportFile()).toBeNull();
    await m.service.repo.saveSettings({ relay: true });
    const relayed = await exportBundle(m.db, m.pouch, await m.service.trust(), {
      cursor: 'exportedSeq',
      relay: true,
    });
    expect(await c.service.importFile(relayed!.bytes)).toMatchObject({
      status: 'applied',
      office: 'MIN',
      count: 1,
    });
    expect(await rows(c, 'organizations')).toEqual([org]);
  });
});

/**
 * Attack on what a session remembers of the documents it checked (renderer/data/sync/trust.ts):
 * a server (or anyone writing to this PouchDB) puts other content under the revision of a
 * bundle's document, or a new revision on top of it, around the bundle's import. PouchDB keeps
 * the first content written under a revision, so the import's check says nothing of what is
 * stored: the apply must check what it reads, never apply it because the revision was checked.
 */
import { describe, expect, it } from 'vitest';
import type { Replica } from '../sync/kit';
import { TEST_REGISTRY, makeReplica, rows, trustAll } from '../sync/kit';
import { importBundle } from '../../../renderer/data/sync/bundles';
import { createEngine } from '../../../renderer/data/sync/engine';
import type { CheckedRevisions } from '../../../renderer/data/sync/trust';
import { buildTrust } from '../../../renderer/data/sync/trust';
import { asChildOf, refusals, withHistory } from './hostile';

const setup = async () => {
  const a = await makeReplica('BKO');
  const b = await makeReplica('SEG');
  await trustAll([a, b]);
  const org = await a.newOrganization('Association Jigiya');
  const file = (await a.service.exportFile())!;
  const legit = await withHistory(a, `organizations:BKO:${org.id}`);
  // Same id, revision and signature as the bundle's document; the record changed.
  const forged = { ...legit, record: { ...(legit.record as object), name: 'Association usurpée' } };
  return { a, b, org, file, legit, forged };
};

describe('a document substituted around a bundle import', () => {
  it('under the bundle’s own revision, written first: checked as stored, refused', async () => {
    const { b, file, forged } = await setup();
    // Arrived by replication before the file was opened, not applied yet.
    await b.pouch.bulkDocs([forged], { new_edits: false });
    expect(await b.service.importFile(file.bytes)).toMatchObject({ status: 'applied' });
    // PouchDB kept the forged content under that revision: nothing of it reaches Dexie, and
    // the bundle's (checked) version is not applied in its place either.
    expect((await b.pouch.get(forged._id)).record).toMatchObject({ name: 'Association usurpée' });
    expect(await rows(b, 'organizations')).toEqual([]);
    expect(await refusals(b)).toEqual(['badSignature']);
  });

  it('as a new revision on top, between the import’s check and the apply: refused', async () => {
    const { a, org, file, legit, forged } = await setup();
    /** The import and the apply of one session, `between` run between the two. */
    const importThenApply = async (between: (b: Replica) => Promise<unknown>) => {
      const b = await makeReplica('SEG');
      await trustAll([a, b]);
      const checked: CheckedRevisions = new Map();
      const trust = buildTrust(
        TEST_REGISTRY,
        await b.service.self(),
        await b.service.repo.peers(),
        undefined,
        checked,
      );
      expect(
        await importBundle(b.db, b.pouch, trust, file.bytes, { channel: 'file', checked }),
      ).toMatchObject({ status: 'applied' });
      expect(checked.get(legit._id)).toMatchObject({ rev: legit._rev });
      await between(b);
      const engine = createEngine({
        db: b.db,
        pouch: b.pouch,
        registry: TEST_REGISTRY,
        context: b.service.context,
        checked,
      });
      const result = await engine.apply('file');
      // Forgotten once applied or refused: nothing stays in memory to be taken later.
      expect(checked.size).toBe(0);
      return { result, rows: await rows(b, 'organizations') };
    };
    // Nobody in between: the checked document is applied.
    expect(await importThenApply(async () => undefined)).toMatchObject({
      result: { applied: 1, rejected: [] },
      rows: [org],
    });
    // The other writer, after the check, before the apply.
    expect(
      await importThenApply((b) =>
        b.pouch.bulkDocs([asChildOf(forged, legit, 'usurper')], { new_edits: false }),
      ),
    ).toEqual({
      result: expect.objectContaining({
        applied: 0,
        rejected: [{ docId: legit._id, reason: 'badSignature' }],
      }),
      rows: [],
    });
  });
});

/**
 * Attack (issue 13, hole 6): someone who can write an office's database rewrites its audit trail
 * and recomputes every hash, or cuts its newest entries, so that the chain still verifies; or
 * strips the hashes, hoping the app re-chains the whole trail at its next start. Partners keep
 * the heads they saw, so verify reports the rewrite and the cut; a missing hash is reported.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Subject } from '../../../shared/domain/accounts/permissions';
import { chainEntries } from '../../../shared/domain/audit/chain';
import { auditHasher } from '../../../renderer/data/journal';
import { createAuditRepository } from '../../../renderer/data/repositories/audit';
import type { PasserelleDb } from '../../../renderer/data/db';
import { TestDb, makeReplica, trustAll } from '../sync/kit';
import type { Replica } from '../sync/kit';

const admin: Subject = { role: 'administrator', shelterServiceIds: [] };
const auditOf = (db: PasserelleDb) =>
  createAuditRepository(db, {
    actor: () => ({ office: 'BKO', user: 'Awa' }),
    subject: () => admin,
  });

/** BKO writes; SEG receives BKO's head and sends back what it saw. */
const witnessed = async () => {
  const bko = await makeReplica('BKO', { withHeads: true });
  const seg = await makeReplica('SEG', { withHeads: true });
  await trustAll([bko, seg]);
  for (const name of ['Association Jigiya', 'Clinique Bénkadi', 'Foyer Sabati'])
    await bko.newOrganization(name);
  const exchange = async (from: Replica, to: Replica) =>
    to.service.importFile((await from.service.exportFile())!.bytes);
  await exchange(bko, seg);
  await exchange(seg, bko);
  expect(await auditOf(bko.db).verify()).toMatchObject({ ok: true, witnesses: [] });
  return { bko, seg, exchange };
};

/** Rewrites the trail as someone with the database would: content changed, hashes recomputed. */
const rechain = async (db: PasserelleDb, edit: (entries: Record<string, unknown>[]) => void) => {
  const sha = await auditHasher();
  const entries = (await db.audit.orderBy(':id').toArray()).map(
    ({ seq: _s, prev: _p, hash: _h, ...rest }) => rest,
  );
  edit(entries);
  await db.audit.clear();
  await db.audit.bulkAdd(chainEntries(sha, undefined, entries as never));
};

describe('rewriting or cutting an audit trail that partners have seen', () => {
  it('a rewrite with every hash recomputed: the chain verifies, the witness does not', async () => {
    const { bko } = await witnessed();
    await rechain(bko.db, (entries) => {
      entries[1]!.actor = 'quelqu’un d’autre';
    });
    const result = await auditOf(bko.db).verify();
    expect(result).toMatchObject({ ok: true });
    expect(result?.witnesses).toEqual([{ kind: 'rewritten', seq: 3, witness: 'SEG' }]);
  });

  it('a cut of the newest entries: reported here, and by the partner when it sees the head', async () => {
    const { bko, seg, exchange } = await witnessed();
    await bko.db.audit.where('seq').aboveOrEqual(2).delete();
    expect((await auditOf(bko.db).verify())?.witnesses).toEqual([
      { kind: 'truncated', seq: 3, witness: 'SEG' },
    ]);
    // The cut trail's head (the cut and the verify note: seq 2) goes out; SEG saw seq 3.
    await exchange(bko, seg);
    expect((await auditOf(seg.db).verify())?.witnesses).toContainEqual({
      kind: 'peerTruncated',
      office: 'BKO',
      seq: 3,
    });
  });

  it('hashes stripped from the trail: reported at verify, never re-chained at start', async () => {
    const { bko } = await witnessed();
    const stripped = (await bko.db.audit.toArray()).map(({ hash: _h, prev: _p, ...rest }) => rest);
    await bko.db.audit.clear();
    await bko.db.audit.bulkAdd(stripped);
    bko.db.close();
    const reopened = new TestDb(bko.db.name);
    expect((await reopened.audit.toArray()).every((e) => e.hash === undefined)).toBe(true);
    expect(await auditOf(reopened).verify()).toMatchObject({
      ok: false,
      seq: 1,
      problem: 'unchained',
    });
    reopened.close();
  });

  it('every bundle carries the signed head: a cut or a rewrite shows at the next bundle', async () => {
    // No head records here: the bundle header alone must carry the head.
    const bko = await makeReplica('BKO');
    const seg = await makeReplica('SEG');
    await trustAll([bko, seg]);
    for (const name of ['Association Jigiya', 'Clinique Bénkadi', 'Foyer Sabati'])
      await bko.newOrganization(name);
    const first = (await bko.service.exportFile())!;
    const seen = (await bko.db.audit.orderBy(':id').last())!;
    expect(first.header.audit).toEqual({ seq: seen.seq, hash: seen.hash });
    await seg.service.importFile(first.bytes);
    expect((await auditOf(seg.db).verify())?.witnesses).toEqual([]);

    // Rewritten in place, every hash recomputed: same last seq, another hash.
    await rechain(bko.db, (entries) => {
      entries[0]!.actor = 'quelqu’un d’autre';
    });
    await seg.service.importFile((await bko.service.exportFile({ all: true }))!.bytes);
    expect((await auditOf(seg.db).verify())?.witnesses).toContainEqual({
      kind: 'peerRewritten',
      office: 'BKO',
      seq: seen.seq,
    });

    // Cut: the newest entries gone, the head goes back.
    const seg2 = await makeReplica('SEG');
    await trustAll([bko, seg2]);
    await seg2.service.importFile((await bko.service.exportFile({ all: true }))!.bytes);
    await bko.db.audit.where('seq').aboveOrEqual(2).delete();
    await seg2.service.importFile((await bko.service.exportFile({ all: true }))!.bytes);
    expect((await auditOf(seg2.db).verify())?.witnesses).toContainEqual({
      kind: 'peerTruncated',
      office: 'BKO',
      seq: seen.seq,
    });
  });

  it('a bundle imported out of order is no alarm; a forged header is refused', async () => {
    const bko = await makeReplica('BKO');
    const seg = await makeReplica('SEG');
    await trustAll([bko, seg]);
    await bko.newOrganization('Association Jigiya');
    const older = (await bko.service.exportFile())!;
    await older.commit();
    await bko.newOrganization('Foyer Sabati');
    const newer = (await bko.service.exportFile())!;
    await seg.service.importFile(newer.bytes);
    await seg.service.importFile(older.bytes);
    expect((await auditOf(seg.db).verify())?.witnesses).toEqual([]);
    // Someone on the way lowers the head in the header: the bundle's signature fails.
    const text = new TextDecoder('latin1').decode(newer.bytes);
    const edited = text.replace(`"seq":${newer.header.audit!.seq},`, '"seq":1,');
    expect(edited).not.toBe(text);
    const bytes = Uint8Array.from(edited, (c) => c.charCodeAt(0));
    const seg2 = await makeReplica('SEG');
    await trustAll([bko, seg2]);
    expect(await seg2.service.importFile(bytes)).toMatchObject({
      status: 'rejected',
      reason: 'tampered',
    });
  });
});

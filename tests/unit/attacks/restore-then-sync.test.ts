// @vitest-environment happy-dom
/**
 * Hole 5 (issue 13): any restore broke sync for good (the office's non-extractable keys came back
 * as plain objects, and the next sync failed in crypto.subtle.sign). A backup now carries the keys
 * inside its encrypted body; restore brings them back as non-extractable CryptoKeys. This test
 * restores onto another PC, then signs and exchanges a bundle with a partner.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeyStore } from '../../../renderer/data/keys';
import { actorOf, createAccountsRepository } from '../../../renderer/data/repositories/accounts';
import {
  ADMIN_PASSWORD,
  OFFICE,
  webKeys,
} from '../../../renderer/data/repositories/accountsFixture';
import { createBackupRepository } from '../../../renderer/data/repositories/backupRestore';
import { decryptBackup } from '../../../renderer/data/repositories/exchangeBackup';
import type { UserSummary } from '../../../shared/domain/accounts/schema';
import { makeReplica, rows, trustAll, type Replica } from '../sync/kit';

const PASSPHRASE = 'phrase de passe du bureau de Bamako';
const replicas: Replica[] = [];
afterEach(() => void replicas.splice(0));

/** A replica of office BKO with its first administrator (a new PC at setup). */
const withAdmin = async (r: Replica): Promise<UserSummary> => {
  let current: UserSummary | null = null;
  const accounts = createAccountsRepository(r.db, {
    actor: () => (current ? actorOf(current) : { office: 'BKO', user: 'system' }),
    subject: () => current,
  });
  const setup = await accounts.setup(
    { office: OFFICE, username: 'awa', password: ADMIN_PASSWORD, confirm: ADMIN_PASSWORD },
    createKeyStore(r.db, webKeys),
  );
  if (!setup.ok) throw new Error(JSON.stringify(setup.errors));
  current = setup.value.user;
  return setup.value.user;
};

describe('attack: a restore that leaves the office unable to sync', () => {
  it('restores the office keys non-extractable, then signs a bundle a partner accepts', async () => {
    const bko = await makeReplica('BKO');
    const seg = await makeReplica('SEG');
    replicas.push(bko, seg);
    const admin = await withAdmin(bko);
    await trustAll([bko, seg]);
    const before = await bko.service.repo.keys();
    await bko.newOrganization('Association Jigiya');

    const file = await createBackupRepository(bko.db, { subject: () => admin }).backup(
      PASSPHRASE,
      ADMIN_PASSWORD,
    );
    // The private keys are in the body only, encrypted by the passphrase: not in the clear.
    const body = new TextDecoder().decode(await decryptBackup(file, PASSPHRASE));
    expect(body).toContain('passerelle-sync-keys');
    expect(new TextDecoder('latin1').decode(file)).not.toContain('passerelle-sync-keys');

    // The PC dies; a new one is set up for the same office and the backup restored on it.
    const fresh = await makeReplica('BKO');
    replicas.push(fresh);
    const freshAdmin = await withAdmin(fresh);
    const summary = await createBackupRepository(fresh.db, { subject: () => freshAdmin }).restore(
      file,
      PASSPHRASE,
      ADMIN_PASSWORD,
      actorOf(freshAdmin),
    );
    expect(summary.syncKeys).toBe('restored');

    const keys = await fresh.service.repo.keys();
    expect(keys.keyId).toBe(before.keyId);
    expect(keys.signPrivate.extractable).toBe(false);
    expect(keys.encPrivate.extractable).toBe(false);
    expect(keys.signPrivate.type).toBe('private');

    // The restored office signs a new change; the partner verifies and applies it.
    await fresh.newOrganization('Clinique Bénkadi');
    const bundle = await fresh.service.exportFile({ all: true });
    expect(bundle).toBeTruthy();
    expect(await seg.service.importFile(bundle!.bytes)).toMatchObject({ status: 'applied' });
    expect((await rows(seg, 'organizations')).map((o) => o.name).sort()).toEqual([
      'Association Jigiya',
      'Clinique Bénkadi',
    ]);
  }, 120_000);

  it('an edited key in the file (a private key that is not the public one’s) is refused', async () => {
    const bko = await makeReplica('BKO');
    replicas.push(bko);
    const admin = await withAdmin(bko);
    await bko.service.repo.keys();
    const other = await makeReplica('KYS');
    replicas.push(other);
    await other.service.repo.keys();
    const repo = createBackupRepository(bko.db, { subject: () => admin });
    const mine = await decryptBackup(await repo.backup(PASSPHRASE, ADMIN_PASSWORD), PASSPHRASE);
    const theirs = await decryptBackup(
      await (async () => {
        const a = await withAdmin(other);
        return createBackupRepository(other.db, { subject: () => a }).backup(
          PASSPHRASE,
          ADMIN_PASSWORD,
        );
      })(),
      PASSPHRASE,
    );
    const keysOf = (plain: Uint8Array) => {
      const doc = JSON.parse(new TextDecoder().decode(plain)) as {
        data: {
          data: { tableName: string; rows: { key: string; value: Record<string, string> }[] }[];
        };
      };
      return {
        doc,
        row: doc.data.data
          .find((t) => t.tableName === 'syncMeta')!
          .rows.find((r) => r.key === 'keys')!,
      };
    };
    const forged = keysOf(mine);
    forged.row.value.signPrivate = keysOf(theirs).row.value.signPrivate!;
    const { encryptBackup } = await import('../../../renderer/data/repositories/exchangeBackup');
    const file = await encryptBackup(
      new TextEncoder().encode(JSON.stringify(forged.doc)),
      PASSPHRASE,
      100_000,
    );
    await expect(
      repo.restore(file, PASSPHRASE, ADMIN_PASSWORD, actorOf(admin)),
    ).rejects.toMatchObject({ code: 'backupRow', params: { table: 'syncMeta', row: 'keys' } });
  }, 120_000);
});

/**
 * Costs of protecting case data, each beside the unprotected way in the same run: a login
 * (argon2id verify + opening the key slot), an audited write (hash-chained vs a plain add),
 * verifying a 10k-entry trail, and sealing a referral's case details (vs JSON alone).
 */
import { createSHA256 } from 'hash-wasm';
import { hashPassword, verifyPassword } from '@shared/domain/accounts/password';
import { chainEntries, verifyChain } from '@shared/domain/audit/chain';
import { PasserelleDb } from '../../renderer/data/db';
import {
  decryptJson,
  encryptJson,
  generateDataKey,
  makeKeySlot,
  openKeySlot,
  randomBytes,
} from '../../renderer/data/encryption';
import { appendAudit } from '../../renderer/data/journal';
import type { Bench, Row } from './harness';
import { now, percentile } from './harness';

const PASSWORD = 'trois pirogues sur le Niger';

const timeAsync = async (runs: number, fn: () => Promise<unknown>): Promise<number[]> => {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    await fn();
    out.push(now() - t0);
  }
  return out;
};

const median = (xs: number[]) => percentile(xs, 50);

const CASE = {
  person: { name: 'Aminata Traoré' },
  traffickingStatus: 'PossibleVictimOfTrafficking',
  exploitationTypes: ['SexualExploitation', 'ForcedLabour'],
  gender: 'Feminine',
  ageBand: '9-17',
  citizenship: ['ML', 'NG'],
  languages: ['bm', 'fr'],
  needs: ['shelter', 'medical', 'psychosocial'],
  reasonDetails: 'Arrivée hier soir à la gare routière de Sogoniko. '.repeat(8),
  notes: 'Notes internes de suivi. '.repeat(20),
};

export const accountsBench: Bench = {
  name: 'accounts',
  async run(): Promise<Row[]> {
    const rows: Row[] = [];
    const hash = await hashPassword(PASSWORD, randomBytes(16));
    const key = await generateDataKey();
    const slot = await makeKeySlot(key, PASSWORD);
    const verify = await timeAsync(5, () => verifyPassword(PASSWORD, hash));
    const login = await timeAsync(5, async () => {
      await verifyPassword(PASSWORD, hash);
      await openKeySlot(slot, PASSWORD);
    });
    rows.push(
      { label: 'argon2id verify (19 MiB, t=2), median', value: median(verify), unit: 'ms' },
      {
        label: 'login: verify + open key slot, median',
        value: median(login),
        unit: 'ms',
        baseline: 'argon2id verify (19 MiB, t=2), median',
        target: '< 1000 ms',
      },
    );

    // One audited write of 3 entries (a service save), chained vs plain, in real IndexedDB.
    const db = new PasserelleDb(`bench-accounts-${Date.now()}`);
    await db.open();
    const entry = (i: number) => ({
      at: new Date().toISOString(),
      actor: 'awa',
      action: 'service.update',
      table: 'services',
      recordId: `r-${i}`,
    });
    let n = 0;
    const plain = await timeAsync(200, () =>
      db.transaction('rw', db.changes, () =>
        db.changes.bulkAdd([0, 1, 2].map((k) => ({ ...entry(n++ + k), op: 'put', office: 'BKO' }))),
      ),
    );
    const chained = await timeAsync(200, () =>
      db.transaction('rw', db.audit, () =>
        appendAudit(
          db,
          [0, 1, 2].map((k) => entry(n++ + k)),
        ),
      ),
    );
    rows.push(
      { label: 'write 3 log entries, plain, median', value: median(plain), unit: 'ms' },
      {
        label: 'write 3 audit entries, hash-chained, median',
        value: median(chained),
        unit: 'ms',
        baseline: 'write 3 log entries, plain, median',
      },
    );
    db.close();
    await db.delete();

    // Verifying a 10k trail (hashing only: the read from IndexedDB is separate).
    const hasher = await createSHA256();
    const sha = (t: string) => hasher.init().update(t).digest('hex');
    const trail = chainEntries(
      sha,
      undefined,
      Array.from({ length: 10_000 }, (_, i) => entry(i)),
    );
    const t0 = now();
    const ok = verifyChain(sha, trail).ok;
    rows.push({
      label: `verify 10k chained entries (${ok ? 'intact' : 'BROKEN'})`,
      value: now() - t0,
      unit: 'ms',
    });

    // Sealing a referral's case details (~1.5 kB of JSON) vs serialising it.
    const json = await timeAsync(200, async () => JSON.parse(JSON.stringify(CASE)));
    const seal = await timeAsync(200, async () =>
      decryptJson(
        key,
        await encryptJson(key, CASE, 'referrals:x:caseDetails'),
        'referrals:x:caseDetails',
      ),
    );
    rows.push(
      { label: 'case details JSON round trip, median', value: median(json), unit: 'ms' },
      {
        label: 'case details seal + open (AES-GCM), median',
        value: median(seal),
        unit: 'ms',
        baseline: 'case details JSON round trip, median',
      },
    );
    return rows;
  },
};

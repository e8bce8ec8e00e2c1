/**
 * Attack (issue 16): a coordinator or a frontline worker rewrites the office's screening form
 * through the repository, bypassing the screen that hides the editor — for instance a rule that
 * suggests "possible victim" on any single answer, or a form that asks for nothing. The
 * repository refuses (screening.configure is the administrator's): the form, its version and
 * the kept versions are unchanged, and nothing is journaled. Nor does either reach another
 * worker's screenings through the history.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Subject } from '@shared/domain/accounts/permissions';
import type { Role } from '@shared/domain/accounts/roles';
import type { PasserelleDb } from '../../../renderer/data/db';
import { generateDataKey } from '../../../renderer/data/encryption';
import { NOT_ALLOWED } from '../../../renderer/data/repositories/referrals';
import {
  defaultSet,
  createScreeningRepository,
} from '../../../renderer/data/repositories/screening';
import { deleteTestDbs, openTestDb, testDbName } from '../../../renderer/data/testDb';

afterEach(deleteTestDbs);
let dataKey: CryptoKey;
beforeAll(async () => {
  dataKey = await generateDataKey();
});

const who = (role: Role, id: string): Subject & { id: string } => ({
  role,
  id,
  shelterServiceIds: [],
});
const repo = (db: PasserelleDb, subject: Subject & { id: string }) =>
  createScreeningRepository(
    db,
    () => ({ office: 'BKO', user: subject.id, userId: subject.id }),
    () => subject,
    () => dataKey,
  );

/** Any one answer "yes" suggests a possible victim; the shipped questions trimmed to one. */
const CRAFTED = {
  ...defaultSet(),
  version: 99,
  rules: [{ minGroups: 1, minStrength: 'weak' }],
  indicators: defaultSet().indicators.slice(0, 1),
};

describe('writing the screening form without the right', () => {
  it('is refused for a coordinator and a frontline worker, and leaves no trace', async () => {
    const db = openTestDb(testDbName('attack-screening-form'));
    const admin = repo(db, who('administrator', 'acc-admin'));
    const before = await admin.getConfig();
    const auditBefore = await db.audit.count();
    for (const attacker of [who('coordinator', 'acc-coord'), who('frontline', 'acc-front')]) {
      const r = repo(db, attacker);
      expect(await r.saveConfig({ set: CRAFTED, officeArea: 'ML-BKO' })).toEqual({
        ok: false,
        errors: { _: NOT_ALLOWED },
      });
      expect(await r.resetConfig()).toEqual({ ok: false, errors: { _: NOT_ALLOWED } });
    }
    expect(await admin.getConfig()).toEqual(before);
    expect(await db.settings.where('key').startsWith('screening').count()).toBe(0);
    expect(await db.audit.count()).toBe(auditBefore);
    // The administrator may; the crafted number is not kept (versions are the repository's).
    const saved = await admin.saveConfig({ set: CRAFTED, officeArea: null });
    expect(saved.ok && saved.value.set.version).toBe(2);
  });

  it('gives a frontline worker nothing of another’s screenings', async () => {
    const db = openTestDb(testDbName('attack-screening-history'));
    const victim = repo(db, who('frontline', 'acc-victim'));
    const saved = await victim.save({ setVersion: 1, answers: { 'forced-work': 'yes' } });
    if (!saved.ok) throw new Error('save');
    const attacker = repo(db, who('frontline', 'acc-attacker'));
    expect(await attacker.mine()).toEqual([]);
    expect(await attacker.view(saved.value.id)).toBeUndefined();
    expect(await attacker.get(saved.value.id)).toBeUndefined();
  });
});

/**
 * Issue 15, cold start: repositories are built when a screen first reads them. Built late, a
 * repository must still check the permissions of whoever acts when it is called — not of whoever
 * was logged in when another repository was built, nor skip the check.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Subject } from '@shared/domain/accounts/permissions';
import type { Role } from '@shared/domain/accounts/roles';
import { generateDataKey } from '../data/encryption';
import { NOT_ALLOWED } from '../data/repositories/referrals';
import { defaultSet } from '../data/repositories/screening';
import { deleteTestDbs, openTestDb, testDbName } from '../data/testDb';
import { loadScreenRepositories, makeRepositories, onFirstUse } from './repositories';

afterEach(deleteTestDbs);
let dataKey: CryptoKey;
beforeAll(async () => {
  dataKey = await generateDataKey();
});

type Who = Subject & { id: string };
const person = (role: Role, id: string): Who => ({ role, id, shelterServiceIds: [] });

/** Repositories of one window, and the login it sees, which the test changes. */
const window_ = () => {
  const db = openTestDb(testDbName('lazy-repositories'));
  const session: { who: Who | null } = { who: null };
  const repos = makeRepositories(db, () => ({ office: 'BKO', user: session.who?.id ?? 'nobody' }), {
    subject: () => session.who,
    dataKey: () => dataKey,
  });
  return { db, session, repos };
};

describe('onFirstUse', () => {
  it('builds a property on its first read, once, and never one that is not read', () => {
    const built: string[] = [];
    const o = onFirstUse({
      a: () => {
        built.push('a');
        return { n: 1 };
      },
      b: () => {
        built.push('b');
        return { n: 2 };
      },
    });
    expect(built).toEqual([]);
    const first = o.a;
    expect(o.a).toBe(first);
    expect(first.n).toBe(1);
    expect(built).toEqual(['a']);
    expect(Object.keys(o)).toEqual(['a', 'b']);
    expect(built).toEqual(['a']);
  });
});

describe('repositories of on-demand screens', () => {
  it('are not read before their code is loaded, and are the same kind of repository after', async () => {
    const { session, repos } = window_();
    session.who = person('administrator', 'acc-admin');
    // The directory's own repositories need nothing loaded.
    expect(await repos.directory.count()).toBe(0);
    // Read before loadScreenRepositories() (a screen that skipped lazyScreen): said, not undefined.
    expect(() => repos.statistics).toThrow(/before loadScreenRepositories\(\) resolved/);
    await loadScreenRepositories();
    await loadScreenRepositories(); // once loaded, at once
    expect(typeof repos.referrals.list).toBe('function');
    expect(typeof repos.letters).toBe('object');
  });
});

describe('repositories built on first use', () => {
  beforeAll(loadScreenRepositories);

  /** The shipped form with one rule changed (a crafted version number, which is not kept). */
  const form = () => ({
    set: { ...defaultSet(), version: 7, rules: [{ minGroups: 1, minStrength: 'weak' as const }] },
    officeArea: null,
  });

  it('check the user acting at call time, whichever was built first', async () => {
    const { db, session, repos } = window_();
    // An administrator's window reads the directory first, then the screening form.
    session.who = person('administrator', 'acc-admin');
    expect(await repos.directory.count()).toBe(0);
    // The administrator leaves; a frontline worker opens the form settings: first read.
    session.who = person('frontline', 'acc-front');
    const screening = repos.screening;
    expect(await screening.saveConfig(form())).toEqual({ ok: false, errors: { _: NOT_ALLOWED } });
    expect(await screening.resetConfig()).toEqual({ ok: false, errors: { _: NOT_ALLOWED } });
    // Nobody logged in: still refused.
    session.who = null;
    expect(await repos.screening.saveConfig(form())).toEqual({
      ok: false,
      errors: { _: NOT_ALLOWED },
    });
    expect(await db.settings.where('key').startsWith('screening').count()).toBe(0);
    // The same repository, an administrator back: allowed, with the repository's own version.
    session.who = person('administrator', 'acc-admin');
    expect(repos.screening).toBe(screening);
    const saved = await repos.screening.saveConfig(form());
    expect(saved.ok && saved.value.set.version).toBe(2);
  });

  it('refuse a write when built while an allowed user was acting, once they are gone', async () => {
    const { session, repos } = window_();
    session.who = person('administrator', 'acc-admin');
    const screening = repos.screening; // built now, for the administrator
    expect((await screening.saveConfig(form())).ok).toBe(true);
    session.who = person('coordinator', 'acc-coord');
    expect(await screening.saveConfig(form())).toEqual({ ok: false, errors: { _: NOT_ALLOWED } });
  });
});

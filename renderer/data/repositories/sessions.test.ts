import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, closeAll, installed } from './accountsFixture';

afterEach(closeAll);

describe('login, lockout, lock', () => {
  it('locks an account for a minute after 5 failures, even for the right password, and audits it', async () => {
    const { db, sessions, clock } = await installed();
    for (let i = 0; i < 4; i++)
      expect(await sessions.login('awa', 'not the password')).toMatchObject({
        ok: false,
        error: 'invalid',
      });
    expect(await sessions.login('awa', 'not the password')).toEqual({
      ok: false,
      error: 'locked',
      retryAfterMs: 60_000,
    });
    expect(await sessions.login('awa', ADMIN_PASSWORD)).toMatchObject({
      ok: false,
      error: 'locked',
    });
    clock.now = new Date('2026-11-23T10:01:00Z');
    expect((await sessions.login('awa', ADMIN_PASSWORD)).ok).toBe(true);
    const actions = (await db.audit.toArray()).map((a) => a.action);
    expect(actions.filter((a) => a === 'session.loginFailed')).toHaveLength(5);
    expect(actions).toContain('user.lockedOut');
    expect(actions.at(-1)).toBe('session.login');
  });

  it('answers an unknown user like a wrong password, and audits nothing about them', async () => {
    const { db, sessions } = await installed();
    const before = await db.audit.count();
    expect(await sessions.login('nobody', ADMIN_PASSWORD)).toEqual({
      ok: false,
      error: 'invalid',
      retryAfterMs: 0,
    });
    expect(await db.audit.count()).toBe(before);
  });

  it('resumes a session after a reload, locked once idle past the delay, and unlocks with the password', async () => {
    const { sessions, clock } = await installed();
    const login = await sessions.login('awa', ADMIN_PASSWORD);
    if (!login.ok) throw new Error('login');
    expect(await sessions.resume(login.sessionId, 15)).toMatchObject({ locked: false });
    clock.now = new Date('2026-11-23T10:15:00Z');
    expect(await sessions.resume(login.sessionId, 15)).toMatchObject({ locked: true });
    expect(await sessions.unlock(login.sessionId, 'wrong password')).toMatchObject({ ok: false });
    const unlocked = await sessions.unlock(login.sessionId, ADMIN_PASSWORD);
    expect(unlocked.ok && unlocked.dataKey).toBeTruthy();
    expect(await sessions.resume(login.sessionId, 15)).toMatchObject({ locked: false });
    await sessions.end(login.sessionId);
    expect(await sessions.resume(login.sessionId, 15)).toBeNull();
  });
});

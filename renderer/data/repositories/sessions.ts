/**
 * Login, lock and logout (issue 7). A password check is throttled per account (5 failures: a
 * minute, then doubling) and audited, at login and at the lock screen alike. A session row
 * outlives a reload (its id is kept in the tab's sessionStorage), so reloading neither logs
 * out nor bypasses the inactivity lock.
 */
import {
  AFTER_SUCCESS,
  afterFailure,
  isIdle,
  lockRemainingMs,
} from '@shared/domain/accounts/lockout';
import {
  hashPassword,
  needsRehash,
  SALT_BYTES,
  verifyPassword,
} from '@shared/domain/accounts/password';
import {
  summarize,
  usernameSchema,
  type User,
  type UserSummary,
} from '@shared/domain/accounts/schema';
import { openKeySlot, randomBytes } from '../encryption';
import type { PasserelleDb } from '../db';
import { journal, type Actor } from '../journal';
import { actorOf, usersTable } from './accounts';

export type SessionRecord = {
  id: string;
  userId: string;
  startedAt: string;
  lastActiveAt: string;
  lockedAt: string | null;
  endedAt: string | null;
  endReason?: 'logout' | 'disabled';
};

export const sessionsTable = (db: PasserelleDb) => db.table<SessionRecord, string>('sessions');

export type CheckResult =
  | { ok: true; user: UserSummary; dataKey: CryptoKey | null }
  | { ok: false; error: 'invalid' | 'locked'; retryAfterMs: number };

/** A fixed hash to verify against when the username is unknown, so timing does not tell. */
let decoy: Promise<string> | undefined;

export const createSessionsRepository = (
  db: PasserelleDb,
  { now = () => new Date() }: { now?: () => Date } = {},
) => {
  const users = usersTable(db);
  const sessions = sessionsTable(db);
  const tables = [users, sessions, db.audit];
  const audit = (actor: Actor, table: string, recordId: string, action: string, detail?: string) =>
    journal(db, actor, [{ table, recordId, op: 'put', action, detail }], { replicate: false });

  /** Verifies, counts failures, locks out, audits; on success opens the user's key slot. */
  const check = async (user: User | undefined, password: string): Promise<CheckResult> => {
    const at = now();
    if (!user || user.disabled) {
      decoy ??= hashPassword('decoy password', new Uint8Array(SALT_BYTES));
      await verifyPassword(password, await decoy);
      return { ok: false, error: 'invalid', retryAfterMs: 0 };
    }
    const wait = lockRemainingMs(user, at);
    if (wait > 0) return { ok: false, error: 'locked', retryAfterMs: wait };
    const good = await verifyPassword(password, user.passwordHash);
    if (!good) {
      const counters = await db.transaction('rw', tables, async () => {
        const fresh = (await users.get(user.id)) ?? user;
        const next = afterFailure(fresh, at);
        await users.put({ ...fresh, ...next, updatedAt: at.toISOString() });
        const actor = actorOf(summarize(fresh));
        await audit(actor, 'users', user.id, 'session.loginFailed', String(next.failedLogins));
        if (next.lockedUntil)
          await audit(actor, 'users', user.id, 'user.lockedOut', next.lockedUntil);
        return next;
      });
      const retryAfterMs = lockRemainingMs(counters, at);
      return { ok: false, error: retryAfterMs > 0 ? 'locked' : 'invalid', retryAfterMs };
    }
    const dataKey = user.keySlot ? await openKeySlot(user.keySlot, password) : null;
    const rehash = needsRehash(user.passwordHash)
      ? await hashPassword(password, randomBytes(SALT_BYTES))
      : undefined;
    const updated: User = {
      ...user,
      ...AFTER_SUCCESS,
      ...(rehash ? { passwordHash: rehash } : {}),
      lastLoginAt: at.toISOString(),
      updatedAt: at.toISOString(),
    };
    await users.put(updated);
    return { ok: true, user: summarize(updated), dataKey };
  };

  const byUsername = async (username: string): Promise<User | undefined> => {
    const parsed = usernameSchema.safeParse(username);
    return parsed.success ? users.where('username').equals(parsed.data).first() : undefined;
  };

  const live = async (sessionId: string) => {
    const session = await sessions.get(sessionId);
    if (!session || session.endedAt) return undefined;
    const user = await users.get(session.userId);
    return user ? { session, user } : undefined;
  };

  return {
    async login(
      username: string,
      password: string,
    ): Promise<
      | (CheckResult & { ok: false })
      | { ok: true; user: UserSummary; dataKey: CryptoKey | null; sessionId: string }
    > {
      const result = await check(await byUsername(username), password);
      if (!result.ok) return result;
      const at = now().toISOString();
      const session: SessionRecord = {
        id: crypto.randomUUID(),
        userId: result.user.id,
        startedAt: at,
        lastActiveAt: at,
        lockedAt: null,
        endedAt: null,
      };
      await db.transaction('rw', tables, async () => {
        await sessions.add(session);
        await audit(actorOf(result.user), 'sessions', session.id, 'session.login');
      });
      return { ...result, sessionId: session.id };
    },

    /**
     * The session in this tab after a reload: locked if it was, or if it sat idle for longer
     * than the lock delay; ended if its user was disabled meanwhile.
     */
    async resume(
      sessionId: string,
      lockAfterMinutes: number,
    ): Promise<{ user: UserSummary; locked: boolean } | null> {
      const found = await live(sessionId);
      if (!found) return null;
      const { session, user } = found;
      if (user.disabled) {
        await this.end(sessionId, 'disabled');
        return null;
      }
      const idle = isIdle(session.lastActiveAt, now(), lockAfterMinutes);
      if (idle && !session.lockedAt) await this.lock(sessionId);
      return { user: summarize(user), locked: idle || session.lockedAt !== null };
    },

    /** Activity: called at most every few seconds by the screen. */
    async touch(sessionId: string): Promise<void> {
      await sessions.update(sessionId, { lastActiveAt: now().toISOString() });
    },

    async lock(sessionId: string): Promise<void> {
      const found = await live(sessionId);
      if (!found || found.session.lockedAt) return;
      await db.transaction('rw', tables, async () => {
        await sessions.update(sessionId, { lockedAt: now().toISOString() });
        await audit(actorOf(summarize(found.user)), 'sessions', sessionId, 'session.lock');
      });
    },

    /** The lock screen: the same user's password, throttled like a login. */
    async unlock(sessionId: string, password: string): Promise<CheckResult> {
      const found = await live(sessionId);
      if (!found) return { ok: false, error: 'invalid', retryAfterMs: 0 };
      const result = await check(found.user, password);
      if (!result.ok) return result;
      await db.transaction('rw', tables, async () => {
        await sessions.update(sessionId, { lockedAt: null, lastActiveAt: now().toISOString() });
        await audit(actorOf(result.user), 'sessions', sessionId, 'session.unlock');
      });
      return result;
    },

    /** Opens the data key again (after a reload in the browser), without a lock. */
    async unlockKey(userId: string, password: string): Promise<CheckResult> {
      return check(await users.get(userId), password);
    },

    async end(sessionId: string, reason: 'logout' | 'disabled' = 'logout'): Promise<void> {
      const found = await live(sessionId);
      if (!found) return;
      await db.transaction('rw', tables, async () => {
        await sessions.update(sessionId, { endedAt: now().toISOString(), endReason: reason });
        await audit(
          actorOf(summarize(found.user)),
          'sessions',
          sessionId,
          reason === 'logout' ? 'session.logout' : 'session.end',
        );
      });
    },

    async user(userId: string): Promise<UserSummary | undefined> {
      const user = await users.get(userId);
      return user && summarize(user);
    },
  };
};

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;

/**
 * The session in this window: who is logged in, whether the screen is locked, and the data key
 * (in memory only). A small external store, so repositories read the current user at call time
 * and React re-renders through useSyncExternalStore.
 */
import type { Subject } from '@shared/domain/accounts/permissions';
import type { UserSummary } from '@shared/domain/accounts/schema';
import type { PasserelleDb } from '../../data/db';
import type { Actor } from '../../data/journal';
import { createKeyStore, type KeyPlatform } from '../../data/keys';
import { actorOf } from '../../data/repositories/accounts';
import { createSessionsRepository, type CheckResult } from '../../data/repositories/sessions';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; loggedOut?: boolean }
  | { status: 'locked'; user: UserSummary; sessionId: string }
  | { status: 'active'; user: UserSummary; sessionId: string; dataKey: CryptoKey | null };

export type LoginOutcome =
  { ok: true } | { ok: false; error: 'invalid' | 'locked'; retryAfterMs: number };

/** Per tab, cleared when the window closes: a reload keeps the session, a new window does not. */
const STORAGE_KEY = 'passerelle.session';
const TOUCH_EVERY_MS = 30_000;

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const createSessionStore = (
  db: PasserelleDb,
  platform: KeyPlatform,
  storage: Storage = sessionStorage,
) => {
  const sessions = createSessionsRepository(db);
  const keys = createKeyStore(db, platform);
  let state: SessionState = { status: 'loading' };
  let lastTouch = 0;
  let initialized = false;
  const listeners = new Set<() => void>();
  const set = (next: SessionState) => {
    state = next;
    for (const l of listeners) l();
  };
  const outcome = (r: CheckResult): LoginOutcome =>
    r.ok ? { ok: true } : { ok: false, error: r.error, retryAfterMs: r.retryAfterMs };

  const activate = async (user: UserSummary, sessionId: string, key: CryptoKey | null) => {
    // The key from a password is this installation's; the OS copy follows it.
    if (key) void keys.remember(key);
    set({ status: 'active', user, sessionId, dataKey: key ?? (await keys.fromPlatform()) });
  };

  return {
    keys,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    getState: (): SessionState => state,

    /** After a reload: the tab's session, locked if it sat idle past the delay. */
    async init(lockAfterMinutes: number) {
      if (initialized) return;
      initialized = true;
      const id = storage.getItem(STORAGE_KEY);
      const resumed = id ? await sessions.resume(id, lockAfterMinutes) : null;
      if (!id || !resumed) {
        storage.removeItem(STORAGE_KEY);
        return set({ status: 'anonymous' });
      }
      if (resumed.locked) return set({ status: 'locked', user: resumed.user, sessionId: id });
      await activate(resumed.user, id, null);
    },

    /**
     * `beforeOpen` runs once the password is checked and before the app opens for the user, so
     * the first screen rendered is the one it chooses (the user's home), never the previous
     * user's page.
     */
    async login(
      username: string,
      password: string,
      beforeOpen?: (user: UserSummary) => void,
    ): Promise<LoginOutcome> {
      const result = await sessions.login(username, password);
      if (!result.ok) return outcome(result);
      beforeOpen?.(result.user);
      storage.setItem(STORAGE_KEY, result.sessionId);
      await activate(result.user, result.sessionId, result.dataKey);
      return { ok: true };
    },

    /** First-run setup: "loading" rather than the login screen while its login runs. */
    expectLogin() {
      if (state.status === 'anonymous') set({ status: 'loading' });
    },
    cancelLogin() {
      if (state.status === 'loading') set({ status: 'anonymous' });
    },

    async logout() {
      if (state.status === 'active' || state.status === 'locked')
        await sessions.end(state.sessionId);
      storage.removeItem(STORAGE_KEY);
      set({ status: 'anonymous', loggedOut: true });
    },

    /** Drops the data key from memory; the lock screen asks for the password again. */
    async lock() {
      if (state.status !== 'active') return;
      const { user, sessionId } = state;
      await sessions.lock(sessionId);
      set({ status: 'locked', user, sessionId });
    },

    async unlock(password: string): Promise<LoginOutcome> {
      if (state.status !== 'locked') return { ok: true };
      const { sessionId } = state;
      const result = await sessions.unlock(sessionId, password);
      if (result.ok) await activate(result.user, sessionId, result.dataKey);
      return outcome(result);
    },

    /** Opens the data key in an active session that has none (a browser tab after a reload). */
    async unlockKey(password: string): Promise<LoginOutcome> {
      if (state.status !== 'active') return { ok: false, error: 'invalid', retryAfterMs: 0 };
      const { sessionId, user } = state;
      const result = await sessions.unlockKey(user.id, password);
      if (result.ok)
        set({ status: 'active', user: result.user, sessionId, dataKey: result.dataKey });
      return outcome(result);
    },

    /** After the user's own record changed (password, role): reread it. */
    async refresh(dataKey?: CryptoKey | null) {
      if (state.status !== 'active') return;
      const user = await sessions.user(state.user.id);
      if (!user || user.disabled) return this.logout();
      set({ ...state, user, dataKey: dataKey ?? state.dataKey });
    },

    /** A key press or a click: the session's last activity, written at most every 30 s. */
    touch(now = Date.now()) {
      if (state.status !== 'active' || now - lastTouch < TOUCH_EVERY_MS) return;
      lastTouch = now;
      void sessions.touch(state.sessionId);
    },

    /** The logged-in user as repositories need them (null when locked or logged out). */
    subject(): (Subject & { id: string }) | null {
      return state.status === 'active' ? state.user : null;
    },

    /** The unlocked data key (in memory only), or null. */
    dataKey(): CryptoKey | null {
      return state.status === 'active' ? state.dataKey : null;
    },

    actor(office: string): Actor {
      return state.status === 'active' || state.status === 'locked'
        ? { ...actorOf(state.user), office }
        : { office, user: 'system', username: 'system' };
    },
  };
};

export type SessionStore = ReturnType<typeof createSessionStore>;

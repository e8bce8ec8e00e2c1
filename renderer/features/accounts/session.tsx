/**
 * `useSession()`: the logged-in user and `can(...)` bound to them, for every screen. The
 * provider restores the tab's session at start and locks the screen after the inactivity delay
 * (Settings › Security, default 15 minutes).
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useSyncExternalStore,
} from 'react';
import type { ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { can as decide, type Action, type Resource } from '@shared/domain/accounts/permissions';
import type { UserSummary } from '@shared/domain/accounts/schema';
import type { SettingsRepository } from '../../data/repositories/settings';
import type { SessionState, SessionStore } from './sessionStore';

const SessionContext = createContext<SessionStore | null>(null);

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 5_000;

export const SessionProvider = ({
  store,
  settings,
  lockAfterAtStart,
  children,
}: {
  store: SessionStore;
  settings: SettingsRepository;
  /** The delay as read when the window started (early.ts), until the live query answers. */
  lockAfterAtStart?: number;
  children: ReactNode;
}) => {
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const lockAfter = useLiveQuery(
    async () => (await settings.getPreferences()).lockAfterMinutes,
    [settings],
    lockAfterAtStart,
  );

  useEffect(() => {
    if (lockAfter !== undefined) void store.init(lockAfter);
  }, [store, lockAfter]);

  // Inactivity: the last key press or click, checked every few seconds.
  const active = state.status === 'active';
  useEffect(() => {
    if (!active || lockAfter === undefined) return;
    let last = Date.now();
    const onActivity = () => {
      last = Date.now();
      store.touch(last);
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last >= lockAfter * 60_000) void store.lock();
    }, CHECK_EVERY_MS);
    return () => {
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity);
      window.clearInterval(timer);
    };
  }, [store, active, lockAfter]);

  return <SessionContext.Provider value={store}>{children}</SessionContext.Provider>;
};

export const useSessionStore = (): SessionStore => {
  const store = useContext(SessionContext);
  if (!store) throw new Error('useSessionStore outside SessionProvider');
  return store;
};

export type Session = {
  state: SessionState;
  /** The logged-in user, or null when logged out or locked. */
  user: UserSummary | null;
  dataKey: CryptoKey | null;
  can: (action: Action, resource?: Resource) => boolean;
  store: SessionStore;
};

export const useSession = (): Session => {
  const store = useSessionStore();
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const user = state.status === 'active' ? state.user : null;
  const can = useCallback(
    (action: Action, resource?: Resource) => decide(user, action, resource),
    [user],
  );
  return useMemo(
    () => ({ state, user, dataKey: state.status === 'active' ? state.dataKey : null, can, store }),
    [state, user, can, store],
  );
};

/** The logged-in user, for screens that only render inside an active session. */
export const useUser = (): UserSummary => {
  const { user } = useSession();
  if (!user) throw new Error('useUser outside an active session');
  return user;
};

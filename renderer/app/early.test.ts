import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createSessionStore } from '../features/accounts/sessionStore';
import {
  ADMIN_PASSWORD,
  OFFICE,
  closeAll,
  installed,
  openDb,
  webKeys,
} from '../data/repositories/accountsFixture';
import { earlyFor, readEarly } from './early';

afterEach(closeAll);

/** The tab's sessionStorage, in memory. */
const tabStorage = () => {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
};

describe('what the first screen needs, read as the window starts', () => {
  it('reads the office, the accounts and the lock delay, and restores the tab session', async () => {
    const { db } = await installed();
    const tab = tabStorage();
    const before = createSessionStore(db, webKeys, tab);
    expect(await before.login('awa', ADMIN_PASSWORD)).toEqual({ ok: true });

    // A reload: a new window's store, on the same tab.
    const session = createSessionStore(db, webKeys, tab);
    await readEarly(db, session);
    const early = earlyFor(db);
    expect(early?.session).toBe(session);
    expect(early?.office).toMatchObject(OFFICE);
    expect(early?.accounts).toBe(1);
    expect(early?.lockAfterMinutes).toBe(15);
    const state = session.getState();
    expect(state.status).toBe('active');
    expect(state.status === 'active' && state.user.username).toBe('awa');
    // Started once: the session provider's own start does nothing more.
    await session.init(15);
    expect(session.getState()).toBe(state);
  });

  it('a tab without a session, or with one that ended, starts anonymous', async () => {
    const { db } = await installed();
    const tab = tabStorage();
    tab.setItem('passerelle.session', 'no-such-session');
    const session = createSessionStore(db, webKeys, tab);
    await readEarly(db, session);
    expect(session.getState()).toEqual({ status: 'anonymous' });
    expect(tab.getItem('passerelle.session')).toBeNull();
  });

  it('a new installation: no office, no accounts', async () => {
    const db = openDb();
    await readEarly(db, createSessionStore(db, webKeys, tabStorage()));
    expect(earlyFor(db)).toMatchObject({ office: null, accounts: 0 });
  });

  it('is kept for its own database only', async () => {
    const { db } = await installed();
    const other = openDb();
    await readEarly(db, createSessionStore(db, webKeys, tabStorage()));
    expect(earlyFor(other)).toBeUndefined();
    expect(earlyFor(db)?.db).toBe(db);
  });
});

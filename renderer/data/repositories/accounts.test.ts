import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { exportDataKey } from '../encryption';
import { createKeyStore } from '../keys';
import { createAccountsRepository, usersTable } from './accounts';
import { ADMIN_PASSWORD, closeAll, installed, OFFICE, openDb, webKeys } from './accountsFixture';

afterEach(closeAll);

const SHELTER = '11111111-1111-4111-8111-111111111111';

describe('setup', () => {
  it('saves the office and the first administrator in one go, with a hashed password', async () => {
    const { db, admin, dataKey, keys } = await installed();
    expect(admin).toMatchObject({
      username: 'awa',
      displayName: 'Awa Traoré',
      role: 'administrator',
      office: 'BKO',
    });
    expect(admin).not.toHaveProperty('passwordHash');
    const stored = await usersTable(db).get(admin.id);
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(stored)).not.toContain(ADMIN_PASSWORD);
    expect(await keys.matches(dataKey)).toBe(true);
    expect((await db.audit.toArray()).map((a) => [a.action, a.actor])).toEqual([
      ['settings.office', 'awa'],
      ['user.create', 'awa'],
    ]);
  });

  it('refuses a weak or mismatched password and a bad office together, saving nothing', async () => {
    const db = openDb();
    const accounts = createAccountsRepository(db, {
      actor: () => ({ office: 'X', user: '?' }),
      subject: () => null,
    });
    const result = await accounts.setup(
      {
        office: { ...OFFICE, officeCode: 'b k' },
        username: 'a b',
        password: 'azertyuiop',
        confirm: 'x',
      },
      createKeyStore(db, webKeys),
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        officeCode: 'validation.officeCode',
        username: 'validation.username',
        password: 'accounts.password.common',
      },
    });
    expect(await accounts.count()).toBe(0);
    expect(await db.settings.get('office')).toBeUndefined();
  });

  it('happens once', async () => {
    const { accounts, keys } = await installed();
    const again = await accounts.setup(
      { office: OFFICE, username: 'eve', password: ADMIN_PASSWORD, confirm: ADMIN_PASSWORD },
      keys,
    );
    expect(again).toEqual({ ok: false, errors: { _: 'accounts.error.alreadySetUp' } });
  });
});

describe('accounts administration', () => {
  it('creates a shelter manager who must change the first password, and unlocks the same data key', async () => {
    const { accounts, sessions, dataKey } = await installed();
    const created = await accounts.create(
      {
        username: 'moussa',
        displayName: 'Moussa Diarra',
        role: 'shelter_manager',
        shelterServiceIds: [SHELTER],
      },
      'un mot de passe temporaire',
      'un mot de passe temporaire',
      dataKey,
    );
    expect(created.ok && created.value).toMatchObject({
      mustChangePassword: true,
      shelterServiceIds: [SHELTER],
    });
    const login = await sessions.login('Moussa', 'un mot de passe temporaire');
    expect(login.ok).toBe(true);
    if (!login.ok || !login.dataKey) throw new Error('no key');
    expect(await exportDataKey(login.dataKey)).toEqual(await exportDataKey(dataKey));
  });

  it('refuses a taken username, a missing shelter, and anyone but an administrator', async () => {
    const { accounts, dataKey, as, admin } = await installed();
    const pw = 'un mot de passe temporaire';
    expect(
      await accounts.create(
        { username: 'AWA', displayName: 'Autre', role: 'viewer' },
        pw,
        pw,
        dataKey,
      ),
    ).toEqual({
      ok: false,
      errors: { username: 'accounts.error.usernameTaken' },
    });
    expect(
      await accounts.create(
        { username: 'sm', displayName: 'Sans foyer', role: 'shelter_manager' },
        pw,
        pw,
        dataKey,
      ),
    ).toMatchObject({
      ok: false,
      errors: { shelterServiceIds: 'validation.shelters', username: 'validation.username' },
    });
    const coordinator = await accounts.create(
      { username: 'fatou', displayName: 'Fatou', role: 'coordinator' },
      pw,
      pw,
      dataKey,
    );
    if (!coordinator.ok) throw new Error('setup');
    as(coordinator.value);
    expect(
      await accounts.create(
        { username: 'eve', displayName: 'Eve', role: 'administrator' },
        pw,
        pw,
        dataKey,
      ),
    ).toEqual({
      ok: false,
      errors: { _: 'accounts.error.notAllowed' },
    });
    expect(await accounts.list()).toEqual([]);
    expect(await accounts.setDisabled(admin.id, true)).toMatchObject({ ok: false });
    expect(
      (await accounts.update(coordinator.value.id, { displayName: 'Fatou', role: 'administrator' }))
        .ok,
    ).toBe(false);
  });

  it('keeps the last administrator: not disabled, not demoted, not by themselves', async () => {
    const { accounts, admin } = await installed();
    expect(await accounts.setDisabled(admin.id, true)).toEqual({
      ok: false,
      errors: { _: 'accounts.error.disableSelf' },
    });
    expect(await accounts.update(admin.id, { displayName: 'Awa', role: 'coordinator' })).toEqual({
      ok: false,
      errors: { role: 'accounts.error.lastAdministrator' },
    });
  });

  it('disables an account: its password no longer opens anything', async () => {
    const { accounts, sessions, dataKey } = await installed();
    const pw = 'un mot de passe temporaire';
    const viewer = await accounts.create(
      { username: 'lecteur', displayName: 'Lecteur', role: 'viewer' },
      pw,
      pw,
      dataKey,
    );
    if (!viewer.ok) throw new Error('setup');
    const session = await sessions.login('lecteur', pw);
    expect((await accounts.setDisabled(viewer.value.id, true)).ok).toBe(true);
    expect(await sessions.login('lecteur', pw)).toMatchObject({ ok: false, error: 'invalid' });
    if (!session.ok) throw new Error('login');
    expect(await sessions.resume(session.sessionId, 15)).toBeNull();
  });

  it('resets a password (forcing a change) and lets the user change it, re-wrapping the key', async () => {
    const { accounts, sessions, dataKey, as } = await installed();
    const pw = 'un mot de passe temporaire';
    const created = await accounts.create(
      { username: 'fatou', displayName: 'Fatou Keita', role: 'coordinator' },
      pw,
      pw,
      dataKey,
    );
    if (!created.ok) throw new Error('setup');
    const reset = await accounts.resetPassword(
      created.value.id,
      'remis à zéro le lundi',
      'remis à zéro le lundi',
      dataKey,
    );
    expect(reset.ok && reset.value.mustChangePassword).toBe(true);
    expect((await sessions.login('fatou', pw)).ok).toBe(false);
    const login = await sessions.login('fatou', 'remis à zéro le lundi');
    if (!login.ok) throw new Error('login');
    as(login.user);
    expect(
      await accounts.changePassword(
        login.user.id,
        'wrong one!!',
        'une nouvelle phrase secrète',
        'une nouvelle phrase secrète',
      ),
    ).toEqual({
      ok: false,
      errors: { current: 'accounts.error.wrongPassword' },
    });
    expect(
      (
        await accounts.changePassword(
          login.user.id,
          'remis à zéro le lundi',
          'keita2026!!',
          'keita2026!!',
        )
      ).ok,
    ).toBe(false);
    const changed = await accounts.changePassword(
      login.user.id,
      'remis à zéro le lundi',
      'une nouvelle phrase secrète',
      'une nouvelle phrase secrète',
    );
    expect(changed.ok && changed.value.user.mustChangePassword).toBe(false);
    const again = await sessions.login('fatou', 'une nouvelle phrase secrète');
    if (!again.ok || !again.dataKey) throw new Error('login');
    expect(await exportDataKey(again.dataKey)).toEqual(await exportDataKey(dataKey));
  });
});

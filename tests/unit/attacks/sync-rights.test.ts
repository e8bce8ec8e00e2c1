/**
 * Item 8 (issue 13): a coordinator (or anyone below) who calls the sync writes directly, past
 * the hidden buttons: trusting a partner office, revoking one, changing sync settings are the
 * administrator's; resolving a conflict is the administrator's and coordinators'.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/domain/accounts/roles';
import { mayOpen } from '../../../renderer/features/accounts/guard';
import { createSyncGuard } from '../../../renderer/data/repositories/syncGuard';
import { makeReplica } from '../sync/kit';

const as = (role: Role) => () => ({ role, shelterServiceIds: [] });

describe('attack: change partner trust or sync settings without the right', () => {
  it('refuses trust, revoke and settings to everyone but the administrator', async () => {
    const bko = await makeReplica('BKO');
    const hostile = await makeReplica('EVL');
    const id = await hostile.identity();
    for (const role of ['coordinator', 'shelter_manager', 'ministry_staff', 'viewer'] as const) {
      const guard = createSyncGuard(bko.service, as(role));
      await expect(guard.trust(id, id.keyId)).rejects.toThrow('accounts.error.notAllowed');
      await expect(guard.revoke(id.keyId)).rejects.toThrow('accounts.error.notAllowed');
      await expect(guard.saveSettings({ relay: true })).rejects.toThrow(
        'accounts.error.notAllowed',
      );
    }
    expect(await bko.service.repo.peers()).toEqual([]);
    expect((await bko.service.repo.settings()).relay).toBe(false);
    const admin = createSyncGuard(bko.service, as('administrator'));
    await admin.trust(id, id.keyId);
    expect((await bko.service.repo.peers()).map((p) => p.office)).toEqual(['EVL']);
    await expect(createSyncGuard(bko.service, () => null).revoke(id.keyId)).rejects.toThrow();
  });

  it('lets coordinators resolve conflicts, not the roles below', async () => {
    const bko = await makeReplica('BKO');
    for (const role of ['shelter_manager', 'ministry_staff', 'viewer'] as const)
      await expect(
        createSyncGuard(bko.service, as(role)).resolveConflict('organizations:x', '1-a'),
      ).rejects.toThrow('accounts.error.notAllowed');
    // Allowed to try: the engine then answers on the document itself (none here).
    await expect(
      createSyncGuard(bko.service, as('coordinator')).resolveConflict('organizations:x', '1-a'),
    ).rejects.not.toThrow('accounts.error.notAllowed');
  });

  it('opens the sync screen to administrators and coordinators, Settings to administrators', () => {
    const user = (role: Role) => ({ role, shelterServiceIds: [] });
    expect(mayOpen(user('coordinator'), '#/sync')).toBe(true);
    expect(mayOpen(user('coordinator'), '#/sync/conflicts/organizations%3Ax')).toBe(true);
    expect(mayOpen(user('coordinator'), '#/settings')).toBe(false);
    expect(mayOpen(user('administrator'), '#/sync')).toBe(true);
    for (const role of ['shelter_manager', 'ministry_staff', 'viewer'] as const)
      expect(mayOpen(user(role), '#/sync')).toBe(false);
  });
});

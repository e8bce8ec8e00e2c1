/**
 * Who may change how this office syncs (issue 13): sync settings and partner trust are the
 * administrator's (`sync.settings`, `sync.trust`); conflict resolution is the administrator's
 * and coordinators' (`sync.conflicts`). The screens call these instead of the sync repository's
 * writes, so a hidden button is never the only barrier; the engine itself (which only applies
 * what trusted, signed documents say) keeps using the repository directly.
 */
import { can, type Action, type Subject } from '@shared/domain/accounts/permissions';
import type { OfficeIdentity } from '@shared/domain/sync/identity';
import type { SyncService } from '../sync/service';
import { resolveConflict } from '../sync/conflicts';
import type { SyncSettings } from './sync';
import { NotAllowed } from './serverCredentials';

export const createSyncGuard = (service: SyncService, subject: () => Subject | null) => {
  const check = (action: Action) => {
    if (!can(subject(), action)) throw new NotAllowed();
  };
  const repo = service.repo;
  return {
    saveSettings: async (patch: Partial<SyncSettings>) => {
      check('sync.settings');
      return repo.saveSettings(patch);
    },
    trust: async (identity: OfficeIdentity, keyId: string) => {
      check('sync.trust');
      return repo.trust(identity, keyId);
    },
    revoke: async (keyId: string) => {
      check('sync.trust');
      return repo.revoke(keyId);
    },
    restore: async (keyId: string) => {
      check('sync.trust');
      return repo.restore(keyId);
    },
    resolveConflict: async (docId: string, keepRev: string) => {
      check('sync.conflicts');
      return resolveConflict(service, docId, keepRev);
    },
  };
};
export type SyncGuard = ReturnType<typeof createSyncGuard>;

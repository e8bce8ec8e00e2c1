/** The sync writes a screen may make, each checked against the logged-in user (issue 13). */
import { useMemo } from 'react';
import { createSyncGuard } from '../../data/repositories/syncGuard';
import { useSessionStore } from '../accounts/session';
import { useSync } from './SyncProvider';

export const useSyncGuard = () => {
  const { service } = useSync();
  const session = useSessionStore();
  return useMemo(() => createSyncGuard(service, () => session.subject()), [service, session]);
};

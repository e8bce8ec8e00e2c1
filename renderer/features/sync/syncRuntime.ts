/**
 * The sync service's code (engine, trust, signing, the tables' registry), loaded once the first
 * screen is up or with the first on-demand screen, not with the window (issue 15, cold start):
 * the directory does not wait for it. SyncProvider builds the service from here once loaded.
 */
export { REGISTRY } from '@shared/domain/sync/tables';
export { officeAtRest } from '../../data/sync/atRest';
export { openLocalPouch, openRemotePouch } from '../../data/sync/browserPouch';
export { connectServer } from '../../data/sync/server';
export { createSyncService } from '../../data/sync/service';
export { createServerCredentials } from '../../data/repositories/serverCredentials';

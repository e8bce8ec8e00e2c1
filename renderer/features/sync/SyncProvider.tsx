/**
 * One sync service per database, for every screen: runs "Sync now", the automatic exchange
 * every few minutes in the desktop app (when a folder is set), and the live server link (when a
 * server is set). Screens read its state with `useSync()`.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react';
import type { ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { REGISTRY } from '@shared/domain/sync/tables';
import { useData } from '../../app/data';
import { platform } from '../../platform';
import { whenIdle } from '../../ui/idle';
import { useSessionStore } from '../accounts/session';
import { officeAtRest } from '../../data/sync/atRest';
import { openLocalPouch, openRemotePouch } from '../../data/sync/browserPouch';
import type { FolderAccess } from '../../data/sync/folder';
import type { ServerStatus } from '../../data/sync/server';
import { connectServer } from '../../data/sync/server';
import type { SyncRunReport, SyncService } from '../../data/sync/service';
import { createSyncService } from '../../data/sync/service';
import type { ServerConfig } from '../../data/repositories/sync';
import { getMeta } from '../../data/repositories/sync';
import { createServerCredentials } from '../../data/repositories/serverCredentials';

type SyncValue = {
  service: SyncService;
  running: boolean;
  report: SyncRunReport | null;
  error: string | null;
  server: ServerStatus | null;
  syncNow: () => Promise<void>;
};
const SyncContext = createContext<SyncValue | null>(null);

const folderAccess = async (service: SyncService): Promise<FolderAccess | null> => {
  if (!(await service.repo.settings()).folderEnabled) return null;
  const info = await platform().syncFolderInfo(undefined);
  if (!info.supported || info.path === null) return null;
  return {
    list: () => platform().syncFolderList(undefined),
    read: (path) => platform().syncFolderRead({ path }),
    write: async (path, data) =>
      void (await platform().syncFolderWrite({ path, data: new Uint8Array(data) })),
  };
};

export const SyncProvider = ({ children }: { children: ReactNode }) => {
  const { repos } = useData();
  const session = useSessionStore();
  const service = useMemo(() => {
    const s: SyncService = createSyncService({
      db: repos.db,
      pouch: openLocalPouch(),
      registry: REGISTRY,
      // Referral case data is sealed at rest: opened and sealed with the session's data key.
      atRest: officeAtRest(() => session.dataKey()),
      // Read when each operation starts, so a changed office code is used at once.
      office: () => repos.settings.getOffice(),
      folder: () => folderAccess(s),
    });
    return s;
  }, [repos, session]);
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<SyncRunReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [server, setServer] = useState<ServerStatus | null>(null);

  const syncNow = useCallback(async () => {
    setRunning(true);
    setError(null);
    try {
      setReport(await service.syncNow());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setRunning(false);
    }
  }, [service]);

  // Desktop app: exchange through the folder every few minutes.
  const settings = useLiveQuery(() => service.repo.settings(), [service]);
  useEffect(() => {
    if (!settings?.folderEnabled) return;
    let timer: ReturnType<typeof setInterval> | undefined;
    let idle = () => {};
    let cancelled = false;
    void platform()
      .appInfo(undefined)
      .then((info) => {
        if (cancelled || info.kind !== 'electron') return;
        // The first exchange waits until the window is idle, after the first screen (issue 15).
        idle = whenIdle(() => void syncNow());
        timer = setInterval(() => void syncNow(), settings.intervalMinutes * 60_000);
      });
    return () => {
      cancelled = true;
      idle();
      clearInterval(timer);
    };
  }, [settings?.folderEnabled, settings?.intervalMinutes, syncNow]);

  // Server: live two-way replication while configured; local changes are drained as they come.
  // The password is read from the keychain or opened with the data key (serverCredentials.ts),
  // so the link starts again when the session (and its key) changes.
  const sessionState = useSyncExternalStore(session.subscribe, session.getState);
  const credentials = useMemo(
    () => createServerCredentials(service.repo.tables, platform(), session),
    [service, session],
  );
  const stored = useLiveQuery(
    () => getMeta<ServerConfig | null>(service.repo.tables, 'server', null),
    [service],
  );
  const [config, setConfig] = useState<ServerConfig | null>(null);
  useEffect(() => {
    let cancelled = false;
    void credentials
      .read()
      .catch(() => null)
      .then((c) => !cancelled && setConfig(c));
    return () => {
      cancelled = true;
    };
  }, [credentials, stored, sessionState]);
  const pending = useLiveQuery(() => service.repo.pendingCount(), [service]);
  const live = Boolean(config?.enabled && config.url);
  useEffect(() => {
    if (!config?.enabled || !config.url) return;
    const link = connectServer({
      pouch: service.pouch,
      remote: openRemotePouch(config.url, config.username, config.password),
      applyPulled: () => service.applyPulled(),
      onStatus: (s) => {
        setServer(s);
        if (s.state === 'idle') void service.markInStep();
      },
    });
    void service.drain();
    return () => link.stop();
  }, [config?.enabled, config?.url, config?.username, config?.password, service]);
  useEffect(() => {
    if (!live || !pending) return;
    const t = setTimeout(() => void service.drain(), 1000);
    return () => clearTimeout(t);
  }, [live, pending, service]);

  const value = useMemo(
    () => ({ service, running, report, error, server: live ? server : null, syncNow }),
    [service, running, report, error, server, live, syncNow],
  );
  return <SyncContext.Provider value={value}>{children}</SyncContext.Provider>;
};

export const useSync = (): SyncValue => {
  const v = useContext(SyncContext);
  if (!v) throw new Error('useSync outside SyncProvider');
  return v;
};

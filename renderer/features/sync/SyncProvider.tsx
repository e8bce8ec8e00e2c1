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
import { useData } from '../../app/data';
import { platform } from '../../platform';
import { whenIdle } from '../../ui/idle';
import { useSessionStore } from '../accounts/session';
import type { FolderAccess } from '../../data/sync/folder';
import type { ServerStatus } from '../../data/sync/server';
import type { SyncRunReport, SyncService } from '../../data/sync/service';
import type { ServerConfig, SyncRepository } from '../../data/repositories/sync';
import { createSyncRepository, getMeta } from '../../data/repositories/sync';
import { onDemand } from '../../app/onDemand';

const runtime = onDemand(() => import('./syncRuntime'));

/**
 * Loads the sync service's code (syncRuntime.ts). SyncProvider asks once the first screen is up;
 * every on-demand screen waits for it with its own code (lazyScreen.tsx), so a screen that reads
 * `useSync()` finds the service built.
 */
export const loadSyncRuntime = (): Promise<void> => runtime.load();

type SyncValue = {
  service: SyncService;
  running: boolean;
  report: SyncRunReport | null;
  error: string | null;
  server: ServerStatus | null;
  syncNow: () => Promise<void>;
};
type ProvidedValue = Omit<SyncValue, 'service'> & {
  /** Null until the service's code is loaded (loadSyncRuntime). */
  service: SyncService | null;
  repo: SyncRepository;
};
const SyncContext = createContext<ProvidedValue | null>(null);

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
  // The sync tables, for what the window shows before the service's code is loaded.
  const repo = useMemo(() => createSyncRepository(repos.db), [repos]);
  const code = useSyncExternalStore(runtime.subscribe, runtime.get);
  useEffect(
    () => (code ? undefined : whenIdle(() => void loadSyncRuntime().catch(() => {}))),
    [code],
  );
  const service = useMemo(() => {
    if (!code) return null;
    const s: SyncService = code.createSyncService({
      db: repos.db,
      pouch: code.openLocalPouch(),
      registry: code.REGISTRY,
      // Referral case data is sealed at rest: opened and sealed with the session's data key.
      atRest: code.officeAtRest(() => session.dataKey()),
      // Read when each operation starts, so a changed office code is used at once.
      office: () => repos.settings.getOffice(),
      folder: () => folderAccess(s),
    });
    return s;
  }, [repos, session, code]);
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<SyncRunReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [server, setServer] = useState<ServerStatus | null>(null);

  const syncNow = useCallback(async () => {
    if (!service) return;
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
  const settings = useLiveQuery(() => repo.settings(), [repo]);
  useEffect(() => {
    if (!settings?.folderEnabled || !service) return;
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
  }, [settings?.folderEnabled, settings?.intervalMinutes, syncNow, service]);

  // Server: live two-way replication while configured; local changes are drained as they come.
  // The password is read from the keychain or opened with the data key (serverCredentials.ts),
  // so the link starts again when the session (and its key) changes.
  const sessionState = useSyncExternalStore(session.subscribe, session.getState);
  const credentials = useMemo(
    () => code?.createServerCredentials(repo.tables, platform(), session),
    [code, repo, session],
  );
  const stored = useLiveQuery(
    () => getMeta<ServerConfig | null>(repo.tables, 'server', null),
    [repo],
  );
  const [config, setConfig] = useState<ServerConfig | null>(null);
  useEffect(() => {
    if (!credentials) return;
    let cancelled = false;
    void credentials
      .read()
      .catch(() => null)
      .then((c) => !cancelled && setConfig(c));
    return () => {
      cancelled = true;
    };
  }, [credentials, stored, sessionState]);
  const pending = useLiveQuery(() => repo.pendingCount(), [repo]);
  const live = Boolean(config?.enabled && config.url);
  useEffect(() => {
    if (!config?.enabled || !config.url || !service || !code) return;
    const link = code.connectServer({
      pouch: service.pouch,
      remote: code.openRemotePouch(config.url, config.username, config.password),
      applyPulled: () => service.applyPulled(),
      onStatus: (s) => {
        setServer(s);
        if (s.state === 'idle') void service.markInStep();
      },
    });
    void service.drain();
    return () => link.stop();
  }, [config?.enabled, config?.url, config?.username, config?.password, service, code]);
  useEffect(() => {
    if (!live || !pending || !service) return;
    const t = setTimeout(() => void service.drain(), 1000);
    return () => clearTimeout(t);
  }, [live, pending, service]);

  const value = useMemo(
    () => ({ service, repo, running, report, error, server: live ? server : null, syncNow }),
    [service, repo, running, report, error, server, live, syncNow],
  );
  return <SyncContext.Provider value={value}>{children}</SyncContext.Provider>;
};

const useSyncContext = (): ProvidedValue => {
  const v = useContext(SyncContext);
  if (!v) throw new Error('useSync outside SyncProvider');
  return v;
};

/**
 * The sync service and its state, for the screens loaded on demand (they load the service's code
 * first, lazyScreen.tsx). Reading it before is a bug, said so.
 */
export const useSync = (): SyncValue => {
  const { service, ...rest } = useSyncContext();
  if (!service) throw new Error('useSync() before the sync service was loaded (loadSyncRuntime)');
  return { service, ...rest };
};

/** The sync tables only, for what the window shows from the start (the header's status). */
export const useSyncRepo = (): SyncRepository => useSyncContext().repo;

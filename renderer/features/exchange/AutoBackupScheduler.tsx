/**
 * The automatic daily backup's clock (issue 6), mounted once in the Shell. In the desktop app,
 * with automatic backup on and the data key unlocked (the passphrase is sealed with it), it
 * looks at start and every hour whether the last backup is 24 h old, and makes one if so.
 * Failures are recorded in the settings row for Settings to show; nothing is thrown.
 */
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { AUTO_BACKUP_CHECK_MS } from '@shared/domain/exchange/autoBackup';
import { useData } from '../../app/data';
import type { AutoBackupRepository, AutoBackupRun } from '../../data/repositories/autoBackup';
import { platform } from '../../platform';
import { useSession } from '../accounts/session';

// One backup at a time, whether the clock or the "Back up now" button asked for it.
let inFlight: Promise<AutoBackupRun> | null = null;

export const runAutoBackup = (
  repo: AutoBackupRepository,
  dataKey: CryptoKey,
  force = false,
): Promise<AutoBackupRun> => {
  inFlight ??= repo
    .run({ dataKey, platform: platform(), force })
    .catch((): AutoBackupRun => ({ status: 'failed', error: 'export' }))
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
};

/** True in the desktop app; false in the browser and until appInfo answered. */
export const useIsDesktop = (): boolean | undefined => {
  const [desktop, setDesktop] = useState<boolean>();
  useEffect(() => {
    let live = true;
    platform()
      .appInfo(undefined)
      .then((info) => live && setDesktop(info.kind === 'electron'))
      .catch(() => live && setDesktop(false));
    return () => {
      live = false;
    };
  }, []);
  return desktop;
};

export const AutoBackupScheduler = () => {
  const { repos } = useData();
  const { dataKey } = useSession();
  const desktop = useIsDesktop();
  const enabled = useLiveQuery(async () => (await repos.autoBackup.get()).enabled, [repos]);

  useEffect(() => {
    if (!desktop || !enabled || !dataKey) return;
    const tick = () => void runAutoBackup(repos.autoBackup, dataKey);
    tick();
    const timer = window.setInterval(tick, AUTO_BACKUP_CHECK_MS);
    return () => window.clearInterval(timer);
  }, [desktop, enabled, dataKey, repos]);

  return null;
};

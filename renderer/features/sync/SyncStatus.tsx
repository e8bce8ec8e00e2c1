/** The status bar's "in step 5 min ago" / "not in step for 3 days" (red when stale). */
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useT } from '../../app/i18n';
import { href } from '../../app/router';
import { STALE_AFTER_MS, useDuration } from './format';
import { useSyncRepo } from './SyncProvider';
import './syncStatus.css';

/** Re-renders every minute so "5 min ago" keeps counting. */
export const useNow = () => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(t);
  }, []);
  return now;
};

export const useInStep = () => {
  const t = useT();
  const repo = useSyncRepo();
  const duration = useDuration();
  const now = useNow();
  const state = useLiveQuery(
    async () => ({ last: await repo.lastSync(), alone: await repo.standalone() }),
    [repo],
  );
  if (state === undefined) return undefined;
  const { last, alone } = state;
  // Never synced because sync was never set up is not a fault: no red badge for a lone office.
  if (last === null && alone) return { text: t('ux.sync.standalone'), stale: false, alone };
  if (last === null) return { text: t('sync.never'), stale: true, alone };
  const ago = now - Date.parse(last);
  const stale = ago > STALE_AFTER_MS;
  return {
    text: stale
      ? t('sync.notInStep', { ago: duration(ago) })
      : t('sync.inStep', { ago: duration(ago) }),
    stale,
    alone,
  };
};

export const SyncStatus = () => {
  const state = useInStep();
  if (!state) return null;
  return (
    <a
      href={href({ name: 'sync' })}
      className={`sync-status ${state.stale ? 'sync-stale' : ''} ${state.alone ? 'sync-standalone' : ''}`}
      title={state.text}
    >
      {/* Two arrows in a circle, for narrow windows where the words give way (they stay the
          link's name, and its tooltip). */}
      <svg className="narrow-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
        <path
          d="M19 12a7 7 0 0 1-12.2 4.7M5 12a7 7 0 0 1 12.2-4.7M17.5 3.5v4h-4M6.5 20.5v-4h4"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <span className="narrow-words">{state.text}</span>
    </a>
  );
};

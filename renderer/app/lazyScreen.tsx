/**
 * Screens loaded on demand (issue 15): the directory, the first screen of the day, loads only
 * its own code; the map, statistics, letters, exchange… bring their libraries (Leaflet,
 * Recharts, docx, spreadsheet writers) when first opened.
 */
import { lazy } from 'react';
import type { ComponentType } from 'react';
import { useT } from './i18n';
import { loadSyncRuntime } from '../features/sync/SyncProvider';
import { loadScreenRepositories } from './repositories';
import './lazyScreen.css';

/** While a screen's code loads: kept silent and blank for a moment, so a quick load shows nothing. */
export const ScreenLoading = () => {
  const t = useT();
  return (
    <div className="lazy-screen" role="status" aria-busy="true">
      <p>{t('lazy.loading')}</p>
    </div>
  );
};

/**
 * A screen whose code could not be fetched (the browser build updated under an open tab, a
 * network cut): says so and offers a reload, rather than an empty page.
 */
const ScreenLoadFailed = () => {
  const t = useT();
  return (
    <div className="lazy-screen" role="alert">
      <p>{t('lazy.failed')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('lazy.reload')}
      </button>
    </div>
  );
};

/**
 * `load` resolves to the screen component (a named export): `() => import(…).then((m) => m.X)`.
 * The repositories only such screens use load with it (repositories.ts), and the sync service's
 * code (SyncProvider.tsx), so that a screen finds both ready.
 */
export const lazyScreen = <P extends object>(load: () => Promise<ComponentType<P>>) =>
  lazy(async (): Promise<{ default: ComponentType<P> }> => {
    try {
      const [screen] = await Promise.all([load(), loadScreenRepositories(), loadSyncRuntime()]);
      return { default: screen };
    } catch {
      return { default: ScreenLoadFailed };
    }
  });

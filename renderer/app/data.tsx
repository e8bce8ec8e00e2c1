/**
 * The repositories and the office profile, provided once to every screen. Tests and the
 * browser build use the same code; only the database name differs in unit tests.
 */
import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { OfficeProfile } from '@shared/domain/settings/schema';
import type { PasserelleDb } from '../data/db';
import type { Actor } from '../data/journal';
import { createDirectoryRepository } from '../data/repositories/directory';
import { createSettingsRepository } from '../data/repositories/settings';

const makeRepositories = (db: PasserelleDb, actor: () => Actor) => ({
  db,
  directory: createDirectoryRepository(db, actor),
  settings: createSettingsRepository(db),
});
export type Repositories = ReturnType<typeof makeRepositories>;

type DataValue = { repos: Repositories; office: OfficeProfile | undefined; loading: boolean };
const DataContext = createContext<DataValue | null>(null);

export const DataProvider = ({ db, children }: { db: PasserelleDb; children: ReactNode }) => {
  const settings = useMemo(() => createSettingsRepository(db), [db]);
  // `null` while loading, so first-run setup is not flashed at users who already set up.
  const office = useLiveQuery(async () => (await settings.getOffice()) ?? null, [settings]);
  const value = useMemo(() => {
    const actor = (): Actor => ({
      office: office?.officeCode ?? 'LOCAL',
      user: office?.userName ?? '?',
    });
    return {
      repos: makeRepositories(db, actor),
      office: office ?? undefined,
      loading: office === undefined,
    };
  }, [db, office]);
  return <DataContext.Provider value={value}>{children}</DataContext.Provider>;
};

export const useData = (): DataValue => {
  const v = useContext(DataContext);
  if (!v) throw new Error('useData outside DataProvider');
  return v;
};

/** The office profile, for screens that only render once setup is done. */
export const useOffice = (): OfficeProfile => {
  const { office } = useData();
  if (!office) throw new Error('useOffice before setup');
  return office;
};

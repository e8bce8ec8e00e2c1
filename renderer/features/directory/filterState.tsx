/** One filter state for the whole session, so the list and the map always agree. */
import { createContext, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { DirectoryFilters } from '@shared/domain/directory/filter';
import { EMPTY_FILTERS } from '@shared/domain/directory/filter';

type FiltersValue = {
  filters: DirectoryFilters;
  setFilters: (update: Partial<DirectoryFilters>) => void;
  clearFilters: () => void;
};

const FiltersContext = createContext<FiltersValue | null>(null);

export const FiltersProvider = ({ children }: { children: ReactNode }) => {
  const [filters, setState] = useState<DirectoryFilters>(EMPTY_FILTERS);
  const value = useMemo<FiltersValue>(
    () => ({
      filters,
      setFilters: (update) => setState((f) => ({ ...f, ...update })),
      clearFilters: () => setState(EMPTY_FILTERS),
    }),
    [filters],
  );
  return <FiltersContext.Provider value={value}>{children}</FiltersContext.Provider>;
};

export const useFilters = (): FiltersValue => {
  const v = useContext(FiltersContext);
  if (!v) throw new Error('useFilters outside FiltersProvider');
  return v;
};

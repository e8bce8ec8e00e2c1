/**
 * The directory as screens see it: live views of every service, the search index over them,
 * and the filtered, ranked result for the current filters. The index is rebuilt only when the
 * data or the language changes, never per keystroke.
 */
import { useDeferredValue, useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { areaByCode } from '@shared/domain/directory/areas';
import { filterMask } from '@shared/domain/directory/filter';
import type { ServiceView } from '@shared/domain/directory/schema';
import type { SearchDoc } from '@shared/domain/directory/search';
import { buildSearchIndex, searchIndex } from '@shared/domain/directory/search';
import { useData } from '../../app/data';
import { useT } from '../../app/i18n';
import type { Translate } from '../../app/i18n';
import { useBedAvailability } from '../capacity/hooks';
import { useFilters } from './filterState';

export const regionName = (code: string | undefined): string =>
  (code && areaByCode(code)?.name) || code || '';

export const toSearchDoc = (v: ServiceView, t: Translate): SearchDoc => ({
  id: v.service.id,
  name: v.service.name,
  alternateName: v.service.alternateName,
  organization: v.organization?.name ?? '',
  locality: v.locations
    .map((l) => `${l.name} ${l.address.city} ${regionName(l.address.adminAreaCode)}`)
    .join(' '),
  phones: v.service.phones.map((p) => p.number),
  labels: [
    t(`category.${v.service.category}`),
    ...v.service.populations.map((p) => t(`population.${p}`)),
  ].join(' '),
  description: v.service.description,
});

export const useDirectoryViews = (): ServiceView[] | undefined => {
  const { repos } = useData();
  return useLiveQuery(() => repos.directory.listViews(), [repos]);
};

export const useDirectorySearch = (limit: number) => {
  const t = useT();
  const views = useDirectoryViews();
  const { filters } = useFilters();
  const text = useDeferredValue(filters.text);
  const index = useMemo(
    () => views && buildSearchIndex(views.map((v) => toSearchDoc(v, t))),
    [views, t],
  );
  // The mask ignores the text, so typing does not recompute it over every service.
  const { category, region, district = '', population, language, freeBedFor } = filters;
  const availability = useBedAvailability(freeBedFor !== '');
  const mask = useMemo(
    () =>
      views &&
      filterMask(
        views,
        { text: '', category, region, district, population, language, freeBedFor },
        availability,
      ),
    [views, category, region, district, population, language, freeBedFor, availability],
  );
  const result = useMemo(
    () => (index && mask ? searchIndex(index, text, { allowed: mask, limit }) : undefined),
    [index, mask, text, limit],
  );
  return {
    views,
    total: result?.total ?? 0,
    hits: result?.hits.map((h) => views![h.index]!) ?? [],
    pending: text !== filters.text,
    /** The text the shown results answer (it lags the input while typing fast). */
    query: text,
  };
};

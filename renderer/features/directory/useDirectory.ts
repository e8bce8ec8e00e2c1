/**
 * The directory as screens see it: live views of every service, the search index over them,
 * and the filtered, ranked result for the current filters. The index is updated in place for
 * the services that changed (an edit, a bed update, a sync batch), rebuilt only when the
 * language changes, and never touched per keystroke.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { areaByCode } from '@shared/domain/directory/areas';
import { filterMask } from '@shared/domain/directory/filter';
import type { ServiceView } from '@shared/domain/directory/schema';
import type { SearchDoc } from '@shared/domain/directory/search';
import { liveSearchIndex, searchIndex } from '@shared/domain/directory/search';
import { synonymGroups } from '@shared/domain/directory/synonyms';
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
  // What people type for them, in every language.
  groups: synonymGroups(v.service.category, v.service.populations),
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
  // This hook's own index, kept across renders and updated in place (a holder: a change of
  // index never needs a render by itself).
  const [live] = useState(liveSearchIndex);
  // A new object per data change so the result below recomputes; the index inside is the same
  // one, brought up to date by the changed services only. Syncing twice is harmless.
  const index = useMemo(() => {
    if (!views) return undefined;
    const docs = views.map((v) => toSearchDoc(v, t));
    return { index: live.update(docs, t), byId: new Map(views.map((v) => [v.service.id, v])) };
  }, [views, t, live]);
  // The mask ignores the text, so typing does not recompute it over every service.
  const { category, region, population, language, freeBedFor } = filters;
  const availability = useBedAvailability(freeBedFor !== '');
  const mask = useMemo(() => {
    if (!views || !index) return undefined;
    // The index's slots are not the views' positions once it has been updated in place.
    const byView = filterMask(
      views,
      { text: '', category, region, population, language, freeBedFor },
      availability,
    );
    const bySlot = new Uint8Array(index.index.ids.length);
    const { slotOf } = index.index;
    views.forEach((v, i) => (bySlot[slotOf.get(v.service.id)!] = byView[i]!));
    return bySlot;
  }, [views, index, category, region, population, language, freeBedFor, availability]);
  const result = useMemo(() => {
    if (!index || !mask) return undefined;
    const r = searchIndex(index.index, text, { allowed: mask, limit });
    return { total: r.total, hits: r.hits.map((h) => index.byId.get(h.id)!) };
  }, [index, mask, text, limit]);
  return {
    views,
    total: result?.total ?? 0,
    hits: result?.hits ?? [],
    pending: text !== filters.text,
    /** The text the shown results answer (it lags the input while typing fast). */
    query: text,
  };
};

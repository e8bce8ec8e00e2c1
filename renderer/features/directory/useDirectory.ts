/**
 * The directory as screens see it: live views of every service, the search index over them,
 * and the filtered, ranked result for the current filters. The index is updated in place for
 * the services that changed (an edit, a bed update, a sync batch), in chunks so the window
 * keeps answering, rebuilt only when the language changes, and never touched per keystroke.
 * Until the first pass is done the list shows in name order without it (a fast cold start).
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { areaByCode, areaName } from '@shared/domain/directory/areas';
import { filterMask } from '@shared/domain/directory/filter';
import type { ServiceView } from '@shared/domain/directory/schema';
import type { SearchDoc } from '@shared/domain/directory/search';
import { normalizeText } from '@shared/domain/directory/normalize';
import { chunkedSearchIndex, searchIndex } from '@shared/domain/directory/search';
import { synonymGroups } from '@shared/domain/directory/synonyms';
import { useData } from '../../app/data';
import { currentLocale, useLocale, useT } from '../../app/i18n';
import type { Translate } from '../../app/i18n';
import { useBedAvailability } from '../capacity/hooks';
import { useFilters } from './filterState';

/**
 * An area's name in `locale` (the interface language unless a letter or an export says
 * otherwise) where a sourced one exists, else its official name, else the code itself — the
 * same name the region filter and the map show ("الشمالية", not the file's "Nord").
 */
export const regionName = (code: string | undefined, locale: string = currentLocale()): string => {
  const area = code ? areaByCode(code) : undefined;
  return (area && areaName(area, locale)) || code || '';
};

/** `regionName` bound to the interface language; re-renders its caller when it changes. */
export const useRegionName = (): ((code: string | undefined) => string) => {
  const { locale } = useLocale();
  return useCallback((code: string | undefined) => regionName(code, locale), [locale]);
};

/** Every name an area has (official and per language), so a search finds it in any of them. */
const regionSearchNames = (code: string): string => {
  const area = areaByCode(code);
  return area ? [...new Set([area.name, ...Object.values(area.names)])].join(' ') : code;
};

export const toSearchDoc = (v: ServiceView, t: Translate): SearchDoc => ({
  id: v.service.id,
  name: v.service.name,
  alternateName: v.service.alternateName,
  organization: v.organization?.name ?? '',
  locality: v.locations
    .map((l) => `${l.name} ${l.address.city} ${regionSearchNames(l.address.adminAreaCode)}`)
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

/** A macrotask pause: lets the browser paint and handle keystrokes between index chunks. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** View positions in name order (normalised name, then id): the index's order for "". */
const nameOrder = (views: readonly ServiceView[]): number[] => {
  const keys = views.map((v) => `${normalizeText(v.service.name)}\u0000${v.service.id}`);
  return views.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : 1));
};

export const useDirectorySearch = (limit: number) => {
  const t = useT();
  const views = useDirectoryViews();
  const { filters } = useFilters();
  const text = useDeferredValue(filters.text);
  // This hook's own index, kept across renders and brought up to date in chunks after each data
  // change (only changed services are re-indexed); `version` renders when a pass completes.
  const [live] = useState(() => chunkedSearchIndex());
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!views) return;
    let current = true;
    void live
      .follow(views, (v) => toSearchDoc(v, t), t, pause)
      .then((done) => done && current && setVersion((n) => n + 1));
    return () => void (current = false);
  }, [views, t, live]);
  const byId = useMemo(() => views && new Map(views.map((v) => [v.service.id, v])), [views]);
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
  const ready = version > 0 && live.ready;
  // The index's slots are not the views' positions once it has been updated in place.
  const slotMask = useMemo(() => {
    if (!views || !mask || !ready) return undefined;
    const { slotOf, ids } = live.index;
    const bySlot = new Uint8Array(ids.length);
    views.forEach((v, i) => {
      const slot = slotOf.get(v.service.id);
      if (slot !== undefined) bySlot[slot] = mask[i]!;
    });
    return bySlot;
    // `version`: the slots move when a pass completes.
  }, [views, mask, ready, live, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const result = useMemo(() => {
    if (!views || !mask || !byId) return undefined;
    if (!slotMask) {
      // At start, before the first pass: the list in name order, without the index; a query
      // waits for it (the status says which query the list answers).
      const all = nameOrder(views).filter((i) => mask[i]);
      return { total: all.length, hits: all.slice(0, limit).map((i) => views[i]!), query: '' };
    }
    const r = searchIndex(live.index, text, { allowed: slotMask, limit });
    const hits = r.hits.flatMap((h) => byId.get(h.id) ?? []);
    return { total: r.total, hits, query: text };
  }, [views, mask, byId, slotMask, live, text, limit]);
  const query = result?.query ?? '';
  return {
    views,
    total: result?.total ?? 0,
    hits: result?.hits ?? [],
    pending: query !== filters.text,
    /** The text the shown results answer (it lags the input while typing fast or indexing). */
    query,
  };
};

/**
 * The directory as screens see it: live views of every service, the search index over them,
 * and the filtered, ranked result for the current filters. The index is updated in place for
 * the services that changed (an edit, a bed update, a sync batch), in chunks so the window
 * keeps answering, rebuilt only when the language changes, and never touched per keystroke.
 *
 * Cold start (issue 15): the list first shows the first page kept from the last session, when
 * the data has not changed since (directoryCache.ts); every service is read only once that page
 * is on screen. The index starts from the stored one, which is then checked doc by doc (only
 * the docs that differ are re-indexed); until that pass is done a typed query shows "loading",
 * never another query's results.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { areaByCode, areaName } from '@shared/domain/directory/areas';
import { filterMask, hasActiveFilters } from '@shared/domain/directory/filter';
import type { ServiceView } from '@shared/domain/directory/schema';
import type { SearchDoc } from '@shared/domain/directory/search';
import { normalizeText } from '@shared/domain/directory/normalize';
import { chunkedSearchIndex, searchIndex } from '@shared/domain/directory/search';
import { synonymGroups } from '@shared/domain/directory/synonyms';
import type { FirstPage } from '../../data/repositories/directoryCache';
import { FIRST_PAGE_SIZE } from '../../data/repositories/directoryCache';
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

/** After the next paint: what the first page can wait for. */
const afterPaint = (run: () => void): (() => void) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(run, 0)));
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
};

/** View positions in name order (normalised name, then id): the index's order for "". */
const nameOrder = (views: readonly ServiceView[]): number[] => {
  const keys = views.map((v) => `${normalizeText(v.service.name)}\u0000${v.service.id}`);
  return views.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : 1));
};

/** Quiet time after the index settles before it is saved for the next start. */
const SAVE_AFTER_MS = 3000;

export const useDirectorySearch = (limit: number) => {
  const t = useT();
  const { locale } = useLocale();
  const { repos } = useData();
  const { filters } = useFilters();
  const text = useDeferredValue(filters.text);
  // The first page kept from the last session (null: none usable), read before anything else.
  const [first, setFirst] = useState<{ repos: unknown; page: FirstPage | null }>();
  useEffect(() => {
    let current = true;
    repos.directory.firstPage().then(
      (page) => current && setFirst({ repos, page: page ?? null }),
      () => current && setFirst({ repos, page: null }),
    );
    return () => void (current = false);
  }, [repos]);
  const page = first?.repos === repos ? first.page : undefined;
  // Every service, read once the first page is painted (or known to be missing).
  const [full, setFull] = useState(false);
  useEffect(() => {
    if (full || page === undefined) return;
    return afterPaint(() => setFull(true));
  }, [full, page]);
  const loaded = useLiveQuery(
    () => (full ? repos.directory.listViewsVersioned() : undefined),
    [repos, full],
  );
  const views = loaded?.views;
  // This hook's own index, kept across renders and brought up to date in chunks after each data
  // change (only changed services are re-indexed); `version` renders when a pass completes.
  const [live] = useState(() => chunkedSearchIndex());
  const [version, setVersion] = useState(0);
  // The data version the index last matched exactly.
  const [indexed, setIndexed] = useState<string>();
  const saved = useRef<string | undefined>(undefined);
  // Typing postpones saving the index (serialising 50k docs is not for between keystrokes).
  const lastInput = useRef(0);
  useEffect(() => void (lastInput.current = performance.now()), [filters.text]);
  useEffect(() => {
    if (!loaded) return;
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const toDoc = (v: ServiceView) => toSearchDoc(v, t);
    const save = () => {
      const quiet = performance.now() - lastInput.current;
      if (quiet < SAVE_AFTER_MS) return void (timer = setTimeout(save, SAVE_AFTER_MS - quiet));
      saved.current = loaded.version;
      // In slices; dropped if the data changes meanwhile (the index is then being updated).
      const input = { ...loaded, locale, index: live.index, toDoc, wanted: () => current };
      void repos.directory.saveIndex(input).catch(() => undefined);
    };
    void (async () => {
      // At start, or in a new language: the stored index, if built from this very data.
      if (live.key !== t) {
        const stored = await repos.directory
          .storedIndex(loaded.version, locale, () => current)
          .catch(() => {});
        if (!current) return;
        if (stored) live.adopt(stored, t);
        saved.current = stored ? loaded.version : undefined;
      }
      const done = await live.follow(loaded.views, toDoc, t, pause);
      if (!done || !current) return;
      setVersion((n) => n + 1);
      setIndexed(loaded.version);
      // Saved for the next start once the data has been quiet for a while.
      if (saved.current !== loaded.version) timer = setTimeout(save, SAVE_AFTER_MS);
    })();
    return () => {
      current = false;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [loaded, t, locale, live, repos]);
  const byId = useMemo(() => views && new Map(views.map((v) => [v.service.id, v])), [views]);
  const ready = version > 0 && live.ready;
  // Name order before the index is ready (after that, the index has it).
  const order = useMemo(() => (views && !ready ? nameOrder(views) : undefined), [views, ready]);
  // The first page for the next start, as soon as the records are read, when the stored one
  // is not of this data (a few views: cheap, unlike the index).
  const savedFirst = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!loaded || !byId || page?.version === loaded.version) return;
    if (savedFirst.current === loaded.version) return;
    let first: ServiceView[];
    if (indexed === loaded.version) {
      const { order: slots, ids } = live.index;
      first = slots.slice(0, FIRST_PAGE_SIZE).flatMap((slot) => byId.get(ids[slot]!) ?? []);
    } else if (order) first = order.slice(0, FIRST_PAGE_SIZE).map((i) => loaded.views[i]!);
    else return;
    savedFirst.current = loaded.version;
    const demo = loaded.views.reduce((n, v) => n + (v.service.demo ? 1 : 0), 0);
    const input = { version: loaded.version, total: loaded.views.length, demo, first };
    void repos.directory.saveFirstPage(input).catch(() => undefined);
  }, [loaded, byId, order, indexed, page, live, repos]);
  // The mask ignores the text, so typing does not recompute it over every service.
  const { category, region, district = '', population, language, freeBedFor } = filters;
  const availability = useBedAvailability(full && freeBedFor !== '');
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
  const noFilter = !hasActiveFilters({ ...filters, text: '' });
  const result = useMemo(() => {
    if (!views || !mask || !byId) {
      // Before the records are read: the stored first page, when it is what the list shows.
      // Only for the list's first page: the map and exports wait for the records.
      if (!page || !noFilter || limit > FIRST_PAGE_SIZE) return undefined;
      if (page.views.length < Math.min(limit, page.total)) return undefined;
      return { total: page.total, hits: page.views.slice(0, limit), query: '' };
    }
    if (!slotMask) {
      // Before the index is checked: the list in name order, without it; a query waits for it
      // (the status says which query the list answers).
      const all = (order ?? []).filter((i) => mask[i]);
      return { total: all.length, hits: all.slice(0, limit).map((i) => views[i]!), query: '' };
    }
    const r = searchIndex(live.index, text, { allowed: slotMask, limit });
    const hits = r.hits.flatMap((h) => byId.get(h.id) ?? []);
    return { total: r.total, hits, query: text };
  }, [views, mask, byId, slotMask, live, text, limit, page, noFilter, order]);
  const query = result?.query ?? '';
  return {
    views,
    /** How many services there are, once known (from the first page before the records). */
    size: views?.length ?? (result ? page?.total : undefined),
    total: result?.total ?? 0,
    hits: result?.hits ?? [],
    pending: query !== filters.text,
    /** The index is not ready yet: a query typed now is answered once it is. */
    indexing: !slotMask,
    /** The text the shown results answer (it lags the input while typing fast or indexing). */
    query,
  };
};

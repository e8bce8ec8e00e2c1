/**
 * The directory's filters, shared by the list and the map: change one, the other follows.
 * Text search is separate (search.ts); these narrow the set it ranks.
 */
import { placeIn } from './areas';
import type { Population, ServiceCategory, ServiceView } from './schema';

export type DirectoryFilters = {
  text: string;
  category: ServiceCategory | '';
  /**
   * Code of a region/province (ISO 3166-2, or the local code of a region created from older
   * ones, which holds the places of the districts that formed it), or '' for all.
   */
  region: string;
  /** Code of a district (cercle / district) under the region, or '' / absent for all. */
  district?: string;
  population: Population | '';
  language: string;
  /** Shelters with a free bed now for this population (capacity), or '' for all. */
  freeBedFor: Population | '';
};

/**
 * Service id → populations it has a free bed for now. Passed in by the caller (capacity's
 * `bedAvailability`), so filtering stays pure; without it, no service has a known free bed.
 */
export type BedAvailability = ReadonlyMap<string, ReadonlySet<Population>>;

export const EMPTY_FILTERS: DirectoryFilters = {
  text: '',
  category: '',
  region: '',
  district: '',
  population: '',
  language: '',
  freeBedFor: '',
};

export const matchesFilters = (
  view: ServiceView,
  f: DirectoryFilters,
  availability?: BedAvailability,
): boolean => {
  const s = view.service;
  if (f.freeBedFor && !availability?.get(s.id)?.has(f.freeBedFor)) return false;
  if (f.category && s.category !== f.category) return false;
  if (f.population && !s.populations.includes(f.population)) return false;
  if (f.language && !s.languages.includes(f.language)) return false;
  if (f.region && !view.locations.some((l) => placeIn(f.region, l.address))) return false;
  if (f.district && !view.locations.some((l) => l.address.districtCode === f.district))
    return false;
  return true;
};

/** One byte per view: 1 where the view passes the filters (the search index's mask). */
export const filterMask = (
  views: readonly ServiceView[],
  f: DirectoryFilters,
  availability?: BedAvailability,
): Uint8Array => Uint8Array.from(views, (v) => (matchesFilters(v, f, availability) ? 1 : 0));

export const hasActiveFilters = (f: DirectoryFilters): boolean =>
  Boolean(
    f.text || f.category || f.region || f.district || f.population || f.language || f.freeBedFor,
  );

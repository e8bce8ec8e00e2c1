/**
 * "Where to go now": for each need recorded, the services that meet it, nearest first from where
 * the person is, with what a worker must know before picking up the phone: free beds for this
 * person's population now and how old that figure is (stale marked, never hidden), whether the
 * service speaks the person's language, its usual response delay. Hotlines come first, to call.
 *
 * Distances are measured between PLACED points (map/placement.ts): a restricted shelter is
 * ranked by its region's centre for a user who may not see its address, so the list cannot be
 * used to triangulate it. Pure: positions, figures and the clock are passed in.
 */
import type { Stamp } from '../capacity/fold';
import type { ShelterSummary } from '../capacity/summary';
import type { CapacityPopulation, ShelterStatus } from '../capacity/schema';
import { freshness } from '../capacity/rules';
import type { ServiceCategory, ServiceView } from '../directory/schema';
import type { LatLon } from '../map/geo';
import type { MapPoint } from '../map/placement';
import { servicesNear } from '../map/placement';
import type { NeedDef } from './schema';

export type BedInfo = {
  /** The population counted; null when the person's is not known (every population summed). */
  population: CapacityPopulation | null;
  /** Free beds now for that population (0 while full or closed). */
  free: number;
  /** Whether the shelter serves that population at all. */
  serves: boolean;
  status: ShelterStatus | null;
  /** When the figure was last vouched for, and by whom; null when never counted. */
  at: string | null;
  stamp: Stamp | null;
  stale: boolean;
};

export type LanguageMatch = 'yes' | 'no' | 'unknown';

export type Option = {
  serviceId: string;
  name: string;
  category: ServiceCategory;
  km: number;
  /** Measured from the region's centre: the true place is restricted. */
  approximate: boolean;
  phone: string;
  speaks: LanguageMatch;
  responseDelayHours: number | null;
  /** Shelters only. */
  beds: BedInfo | null;
  /**
   * 0: meets the need now (a free bed confirmed recently, or not a bed need); 1: free beds but
   * the figure is stale or was never given (call first); 2: no bed for this person now.
   */
  tier: 0 | 1 | 2;
};

export type NeedOptions = { need: NeedDef; options: Option[] };

export type WhereToGoInput = {
  needs: readonly NeedDef[];
  population: CapacityPopulation | null;
  /** ISO 639 codes the person speaks, most fluent first. */
  languages: readonly string[];
  origin: LatLon;
  /** Placed for the user looking (placeServices), never raw coordinates. */
  points: readonly MapPoint[];
  views: ReadonlyMap<string, ServiceView>;
  shelters: ReadonlyMap<string, ShelterSummary>;
  now: number | Date;
  staleAfterHours: number;
  /** Options per need (hotlines included). */
  limit?: number;
};

export type WhereToGo = { hotlines: Option[]; byNeed: NeedOptions[] };

const speaks = (view: ServiceView | undefined, languages: readonly string[]): LanguageMatch => {
  if (languages.length === 0 || !view || view.service.languages.length === 0) return 'unknown';
  return languages.some((l) => view.service.languages.includes(l)) ? 'yes' : 'no';
};

export const bedInfo = (
  summary: ShelterSummary | undefined,
  population: CapacityPopulation | null,
  now: number | Date,
  staleAfterHours: number,
): BedInfo => {
  const pops = summary?.populations ?? [];
  const p = population ? pops.find((x) => x.population === population) : undefined;
  // A population's own stamp when there is one; the shelter's oldest figure otherwise.
  const stamp = population ? (p?.lastUpdated ?? null) : (summary?.lastUpdated ?? null);
  return {
    population,
    free: population ? (p?.free ?? 0) : (summary?.free ?? 0),
    serves: population ? p !== undefined : pops.length > 0,
    status: summary?.status ?? null,
    at: stamp?.at ?? null,
    stamp,
    stale: freshness(stamp, now, staleAfterHours) !== 'fresh',
  };
};

const tierOf = (need: NeedDef, beds: BedInfo | null, lang: LanguageMatch): Option['tier'] => {
  if (need.bed) {
    if (!beds || !beds.serves || beds.free <= 0) return 2;
    return beds.stale ? 1 : 0;
  }
  // An interpreter is needed: services that do not speak the language come after.
  if (need.interpreter && lang === 'no') return 2;
  return 0;
};

const isActive = (v: ServiceView | undefined) =>
  v !== undefined && v.service.deletedAt === null && v.service.status === 'active';

const optionsFor = (
  input: WhereToGoInput,
  categories: readonly ServiceCategory[],
  need: NeedDef | null,
): Option[] => {
  const wanted = new Set(categories);
  const points = input.points.filter(
    (p) => wanted.has(p.category) && isActive(input.views.get(p.serviceId)),
  );
  const options = servicesNear(points, input.origin, { limit: Infinity }).map(
    ({ item, km }): Option => {
      const view = input.views.get(item.serviceId);
      const isShelter = item.category === 'shelter';
      const beds = isShelter
        ? bedInfo(
            input.shelters.get(item.serviceId),
            input.population,
            input.now,
            input.staleAfterHours,
          )
        : null;
      const lang = speaks(view, input.languages);
      return {
        serviceId: item.serviceId,
        name: item.name,
        category: item.category,
        km,
        approximate: item.restricted,
        phone: item.phone,
        speaks: lang,
        responseDelayHours: view?.service.responseDelayHours ?? null,
        beds,
        tier: need ? tierOf(need, beds, lang) : 0,
      };
    },
  );
  // Stable sort: within a tier, nearest first (servicesNear's order).
  return options.sort((a, b) => a.tier - b.tier).slice(0, input.limit ?? 8);
};

export const whereToGo = (input: WhereToGoInput): WhereToGo => ({
  hotlines: optionsFor(input, ['hotline'], null),
  byNeed: input.needs.map((need) => ({
    need,
    options: optionsFor(
      input,
      need.categories.filter((c) => c !== 'hotline'),
      need,
    ),
  })),
});

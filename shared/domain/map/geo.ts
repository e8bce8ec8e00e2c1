/**
 * Distances and point-in-area tests for the map, in plain degrees. Distances are great-circle
 * (haversine on a sphere of the Earth's mean radius): within 0.5 % of the ellipsoid, far finer
 * than "which shelter is nearest" needs.
 */

export type LatLon = readonly [lat: number, lon: number];
/** [south, west, north, east], as `AdminArea.bbox`. */
export type BBox = readonly [south: number, west: number, north: number, east: number];

/** IUGG mean Earth radius. */
export const EARTH_RADIUS_KM = 6371.0088;

const rad = (deg: number) => (deg * Math.PI) / 180;

export const haversineKm = ([lat1, lon1]: LatLon, [lat2, lon2]: LatLon): number => {
  const dLat = rad(lat2 - lat1);
  const dLon = rad(lon2 - lon1);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLon / 2) ** 2;
  // atan2 rather than asin(√h): asin is ill-conditioned near antipodes (h → 1), atan2 is not,
  // and rounding cannot push it out of its domain.
  return 2 * EARTH_RADIUS_KM * Math.atan2(Math.sqrt(h), Math.sqrt(Math.max(0, 1 - h)));
};

export type Ranked<T> = { item: T; km: number };

/**
 * The `limit` items nearest to `origin`, nearest first; items without a position are skipped.
 * Ties keep the input order, so a list does not reshuffle between renders.
 */
export const nearest = <T>(
  origin: LatLon,
  items: readonly T[],
  position: (item: T) => LatLon | undefined,
  limit = 20,
): Ranked<T>[] => {
  const ranked: Ranked<T>[] = [];
  for (const item of items) {
    const p = position(item);
    if (p) ranked.push({ item, km: haversineKm(origin, p) });
  }
  return ranked.sort((a, b) => a.km - b.km).slice(0, limit);
};

/**
 * The `n` items with the smallest score, smallest first, without sorting them all: a bounded
 * sorted buffer that most items skip with one comparison (50k items, n = 100: about 1 ms).
 */
export const smallestBy = <T>(items: readonly T[], score: (item: T) => number, n: number): T[] => {
  if (n <= 0) return [];
  const best: { item: T; s: number }[] = [];
  for (const item of items) {
    const s = score(item);
    if (best.length === n && s >= best[n - 1]!.s) continue;
    let i = best.length;
    while (i > 0 && best[i - 1]!.s > s) i--;
    best.splice(i, 0, { item, s });
    if (best.length > n) best.pop();
  }
  return best.map((b) => b.item);
};

export const inBBox = ([lat, lon]: LatLon, [south, west, north, east]: BBox): boolean =>
  lat >= south && lat <= north && lon >= west && lon <= east;

/** GeoJSON order: positions are [lon, lat]; a polygon is [outer ring, ...holes]. */
export type Position = readonly number[];
export type PolygonRings = readonly (readonly Position[])[];

/** Even–odd ray casting; a point exactly on an edge may fall either side. */
const inRing = (lon: number, lat: number, ring: readonly Position[]): boolean => {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]!;
    const yi = ring[i]![1]!;
    const xj = ring[j]![0]!;
    const yj = ring[j]![1]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};

export const inPolygons = ([lat, lon]: LatLon, polygons: readonly PolygonRings[]): boolean =>
  polygons.some(
    ([outer, ...holes]) =>
      outer !== undefined && inRing(lon, lat, outer) && !holes.some((h) => inRing(lon, lat, h)),
  );

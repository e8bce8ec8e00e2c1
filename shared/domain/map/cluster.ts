/**
 * Clustering of placed points with supercluster (a KD-tree per zoom level): 50k points index in
 * about 0.15 s, and a view's clusters come back in well under a millisecond, so the map redraws
 * only what is visible. Beyond `maxZoom` every point is drawn on its own.
 */
import Supercluster from 'supercluster';

export type Clusterable = { lat: number; lon: number };

export type DrawItem =
  | { kind: 'cluster'; id: number; lat: number; lon: number; count: number }
  | { kind: 'point'; index: number; lat: number; lon: number };

export type ClusterIndex = {
  /** Clusters and single points inside [west, south, east, north] at `zoom`. */
  items: (bbox: readonly [number, number, number, number], zoom: number) => DrawItem[];
  /** The zoom at which a cluster splits; above `maxZoom` its points share one spot. */
  expansionZoom: (clusterId: number) => number;
  /** Indexes (into the points given) of up to `limit` points of a cluster. */
  leaves: (clusterId: number, limit: number) => number[];
  maxZoom: number;
};

export type ClusterOptions = { radius?: number; maxZoom?: number; minZoom?: number };

/**
 * maxZoom 14 (not supercluster's 16): the two finest levels cost a third of the indexing time,
 * and at street scale a region's services are few enough to draw one by one.
 */
export const buildClusterIndex = (
  points: readonly Clusterable[],
  { radius = 48, maxZoom = 14, minZoom = 2 }: ClusterOptions = {},
): ClusterIndex => {
  const index = new Supercluster<{ i: number }, Record<string, never>>({
    radius,
    maxZoom,
    minZoom,
  });
  index.load(
    points.map((p, i) => ({
      type: 'Feature',
      properties: { i },
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    })),
  );
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
  return {
    maxZoom,
    items: ([west, south, east, north], zoom) => {
      // A whole-world view overshoots ±180°: clamp, or supercluster splits it at the antimeridian.
      const wide = east - west >= 360;
      const box: [number, number, number, number] = [
        wide ? -180 : west,
        clamp(south, -90, 90),
        wide ? 180 : east,
        clamp(north, -90, 90),
      ];
      return index.getClusters(box, Math.round(zoom)).map((f) => {
        const [lon, lat] = f.geometry.coordinates as [number, number];
        const p = f.properties;
        return 'cluster' in p && p.cluster
          ? { kind: 'cluster', id: p.cluster_id, lat, lon, count: p.point_count }
          : { kind: 'point', index: (p as { i: number }).i, lat, lon };
      });
    },
    expansionZoom: (id) => index.getClusterExpansionZoom(id),
    leaves: (id, limit) => index.getLeaves(id, limit).map((f) => f.properties.i),
  };
};

/**
 * The offline basemap (resources/map/, built by scripts/build-basemap.mjs from Natural Earth),
 * decoded from TopoJSON into what the map draws: country and region shapes, the lines between
 * them, label points, and the lookup from a clicked point to its region.
 */
import type { FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { BBox, LatLon, PolygonRings } from './geo';
import { inBBox, inPolygons } from './geo';

export type RegionProps = {
  /** ISO 3166-2, as areas.ts; '' for land with no current code (Bahrain's former Central). */
  code: string;
  country: string;
  name: string;
  nameEn?: string;
  /** [lon, lat] */
  label: [number, number];
};
export type CountryProps = { name: string; a2?: string; label: [number, number] };

type Area = MultiPolygon | Polygon;

export type Basemap = {
  world: FeatureCollection<Area, CountryProps>;
  regions: FeatureCollection<Area, RegionProps>;
  /** Borders between two regions (drawn once, not twice). */
  regionBorders: MultiLineString;
  /** Outlines of the five profile countries. */
  countryOutlines: MultiLineString;
  regionShapes: RegionShape[];
  /** Where to name the other countries, and how big each is (labels show when it fits). */
  countryLabels: (CountryProps & { bbox: BBox })[];
};

export type RegionShape = RegionProps & { bbox: BBox; polygons: PolygonRings[] };

const polygonsOf = (g: Area): PolygonRings[] =>
  g.type === 'Polygon' ? [g.coordinates] : g.coordinates;

const bboxOf = (polygons: readonly PolygonRings[]): BBox => {
  let [south, west, north, east] = [90, 180, -90, -180];
  for (const polygon of polygons) {
    for (const [lon, lat] of polygon[0] ?? []) {
      south = Math.min(south, lat!);
      north = Math.max(north, lat!);
      west = Math.min(west, lon!);
      east = Math.max(east, lon!);
    }
  }
  return [south, west, north, east];
};

const collection = <P>(topology: Topology, name: string) => {
  const object = topology.objects[name];
  if (object?.type !== 'GeometryCollection') throw new Error(`basemap: no ${name} collection`);
  return object as GeometryCollection<P & Record<string, unknown>>;
};

export const decodeBasemap = (regionsTopo: Topology, worldTopo: Topology): Basemap => {
  const regionObject = collection<RegionProps>(regionsTopo, 'regions');
  const regions = feature(regionsTopo, regionObject) as unknown as Basemap['regions'];
  const world = feature(
    worldTopo,
    collection<CountryProps>(worldTopo, 'countries'),
  ) as unknown as Basemap['world'];
  return {
    world,
    regions,
    regionBorders: mesh(regionsTopo, regionObject, (a, b) => a !== b),
    countryOutlines: mesh(regionsTopo, collection(regionsTopo, 'countries')),
    regionShapes: regions.features.map((f) => {
      const polygons = polygonsOf(f.geometry);
      return { ...f.properties, polygons, bbox: bboxOf(polygons) };
    }),
    countryLabels: world.features.map((f) => ({
      ...f.properties,
      bbox: bboxOf(polygonsOf(f.geometry)),
    })),
  };
};

/** The coded region under a point, if any (the bbox test first: most regions are far away). */
export const regionAt = (shapes: readonly RegionShape[], point: LatLon): RegionShape | undefined =>
  shapes.find((r) => r.code !== '' && inBBox(point, r.bbox) && inPolygons(point, r.polygons));

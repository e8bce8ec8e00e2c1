/**
 * The offline basemap, bundled with the app (no request at run time) and decoded once, on first
 * use: TopoJSON → GeoJSON takes a few milliseconds.
 */
import type { Topology } from 'topojson-specification';
import type { Basemap } from '@shared/domain/map/basemap';
import { decodeBasemap } from '@shared/domain/map/basemap';
import regionsTopo from '../../../resources/map/regions.topo.json';
import worldTopo from '../../../resources/map/world.topo.json';

let decoded: Basemap | undefined;

export const basemap = (): Basemap =>
  (decoded ??= decodeBasemap(regionsTopo as unknown as Topology, worldTopo as unknown as Topology));

/**
 * The offline basemap as map layers: land and region fills in a pane under the optional tile
 * layer (so failed tiles leave it visible), boundary lines over the tiles, and names. Nothing
 * here is interactive: clicks go to the map, which finds the region itself (regionAt).
 */
import { useEffect, useMemo } from 'react';
import L from 'leaflet';
import type { PathOptions } from 'leaflet';
import { GeoJSON, Pane, useMap } from 'react-leaflet';
import { COUNTRY_PROFILES, areaByCode, areaName } from '@shared/domain/directory/areas';
import { useLocale } from '../../app/i18n';
import { basemap } from './basemapData';

/** Under Leaflet's tile pane (200). */
export const BASE_PANE = 'passerelle-base';
/** Over the tiles, under overlays (400). */
export const LINES_PANE = 'passerelle-lines';
export const LABELS_PANE = 'passerelle-labels';

const WORLD: PathOptions = { color: '#b3b8c2', weight: 0.8, fillColor: '#e9e7e1', fillOpacity: 1 };
const REGION: PathOptions = { stroke: false, fillColor: '#f7f4ec', fillOpacity: 1 };
const REGION_BORDERS: PathOptions = { color: '#8d93a0', weight: 1, dashArray: '4 3', fill: false };
const COUNTRY_OUTLINES: PathOptions = { color: '#4d5566', weight: 1.6, fill: false };
const SELECTED: PathOptions = {
  color: '#0b5c8c',
  weight: 3,
  fillColor: '#3d8fd1',
  fillOpacity: 0.14,
};

export const Basemap = ({ selectedRegion = '' }: { selectedRegion?: string }) => {
  const data = basemap();
  const selected = useMemo(
    () => data.regions.features.find((f) => f.properties.code === selectedRegion),
    [data, selectedRegion],
  );
  return (
    <>
      <Pane name={BASE_PANE} style={{ zIndex: '150' }}>
        <GeoJSON data={data.world} style={WORLD} interactive={false} />
        <GeoJSON data={data.regions} style={REGION} interactive={false} />
      </Pane>
      <Pane name={LINES_PANE} style={{ zIndex: '320' }}>
        <GeoJSON data={data.regionBorders} style={REGION_BORDERS} interactive={false} />
        <GeoJSON data={data.countryOutlines} style={COUNTRY_OUTLINES} interactive={false} />
        {selected && (
          <GeoJSON key={selectedRegion} data={selected} style={SELECTED} interactive={false} />
        )}
      </Pane>
      {/* Region names above the service markers (450), so clusters never hide them; they let
          every click through to the markers and regions underneath. */}
      <Pane name={LABELS_PANE} style={{ zIndex: '460', pointerEvents: 'none' }}>
        <BasemapLabels />
      </Pane>
    </>
  );
};

type Candidate = {
  key: string;
  text: string;
  kind: 'country' | 'profile' | 'region';
  at: L.LatLngTuple;
  /** Width in pixels at zoom 0; doubles with each zoom level. */
  width0: number;
};

const widthAtZoom0 = (map: L.Map, [south, west, , east]: readonly number[]) =>
  map.project([south!, east!], 0).x - map.project([south!, west!], 0).x;

/**
 * Names of countries (in the interface language, from Intl.DisplayNames) and of regions, shown
 * only where they fit: a name needs its area to be wider on screen than the text.
 */
const BasemapLabels = () => {
  const map = useMap();
  const { locale } = useLocale();
  useEffect(() => {
    const data = basemap();
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    const countryName = (a2: string | undefined, fallback: string) => {
      try {
        return (a2 && names.of(a2)) || fallback;
      } catch {
        return fallback;
      }
    };
    const candidates: Candidate[] = [
      ...data.countryLabels.map((c) => ({
        key: `c:${c.name}`,
        text: countryName(c.a2, c.name),
        kind: 'country' as const,
        at: [c.label[1], c.label[0]] as L.LatLngTuple,
        width0: widthAtZoom0(map, c.bbox),
      })),
      ...COUNTRY_PROFILES.map((p) => ({
        key: `p:${p.code}`,
        text: countryName(p.code, p.name.en),
        kind: 'profile' as const,
        at: p.center as L.LatLngTuple,
        width0: widthAtZoom0(map, p.bbox),
      })),
      ...data.regionShapes
        .filter((r) => r.code !== '')
        .map((r) => {
          const area = areaByCode(r.code);
          return {
            key: `r:${r.code}`,
            text: area ? areaName(area, locale) : r.name,
            kind: 'region' as const,
            at: [r.label[1], r.label[0]] as L.LatLngTuple,
            width0: widthAtZoom0(map, r.bbox),
          };
        }),
    ];
    const layer = L.layerGroup().addTo(map);
    const shown = new Map<string, L.Marker>();
    const update = () => {
      const zoom = map.getZoom();
      const scale = 2 ** zoom;
      const view = map.getBounds().pad(0.2);
      for (const c of candidates) {
        const fits = c.width0 * scale >= c.text.length * (c.kind === 'region' ? 7 : 7.5);
        const byZoom = c.kind === 'region' ? zoom >= 5 : c.kind === 'profile' ? zoom < 6 : true;
        const visible = fits && byZoom && view.contains(c.at);
        const marker = shown.get(c.key);
        if (visible && !marker) {
          const el = document.createElement('span');
          el.className = `map-label-text map-label-${c.kind}`;
          el.textContent = c.text;
          const icon = L.divIcon({ html: el, className: 'map-label', iconSize: undefined });
          const m = L.marker(c.at, {
            icon,
            interactive: false,
            keyboard: false,
            pane: LABELS_PANE,
          });
          shown.set(c.key, m.addTo(layer));
        } else if (!visible && marker) {
          layer.removeLayer(marker);
          shown.delete(c.key);
        }
      }
    };
    map.on('zoomend moveend', update);
    update();
    return () => {
      map.off('zoomend moveend', update);
      layer.remove();
    };
  }, [map, locale]);
  return null;
};

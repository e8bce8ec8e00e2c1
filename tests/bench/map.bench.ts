/**
 * The map's markers at 50k locations, in a real Leaflet map in Chromium: first render (index +
 * first frame) and one pan or zoom step's redraw, for Passerelle's clustered canvas layer and,
 * in the same run, the plain baseline: 50k L.circleMarker on Leaflet's canvas renderer.
 *
 * Leaflet's renderer draws on the next animation frame; to time its work and not the wait for a
 * frame, the pending redraw is run at once (a private method, fine in a benchmark). Our layer
 * redraws synchronously on moveend, so both figures are CPU time of the same kind.
 */
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { SERVICE_CATEGORIES } from '@shared/domain/directory/schema';
import { buildClusterIndex } from '@shared/domain/map/cluster';
import type { MapPoint } from '@shared/domain/map/placement';
import { MarkerCanvasLayer } from '../../renderer/features/map/markerLayer';
import type { Bench, Row } from './harness';
import { now, percentile, pick, rng } from './harness';

const N = 50_000;
const RUNS = 3;
const STEPS = 20;
const MALI: L.LatLngBoundsExpression = [
  [10.14, -12.27],
  [25, 4.24],
];
/** Where the services are: most in towns, some scattered. */
const TOWNS: [number, number, number][] = [
  [12.64, -8.0, 0.3],
  [13.43, -6.26, 0.4],
  [14.49, -4.18, 0.4],
  [11.32, -5.67, 0.4],
  [14.45, -11.44, 0.4],
  [16.77, -3.01, 0.5],
  [16.27, -0.04, 0.5],
  [12.86, -7.56, 0.3],
  [13.3, -4.9, 0.4],
  [18.44, 1.41, 0.6],
];

const generatePoints = (n: number): MapPoint[] => {
  const r = rng(7);
  const gauss = () => (r() + r() + r() - 1.5) / 1.5;
  return Array.from({ length: n }, (_, i) => {
    const [lat, lon, spread] = r() < 0.85 ? pick(r, TOWNS) : [10.5 + r() * 14, -12 + r() * 16, 0];
    return {
      serviceId: `s${i}`,
      locationId: `l${i}`,
      name: `Service ${i}`,
      category: pick(r, SERVICE_CATEGORIES),
      phone: '',
      regionCode: 'ML-4',
      lat: lat + gauss() * spread,
      lon: lon + gauss() * spread,
      restricted: r() < 0.05,
      confidential: false,
    };
  });
};

const newMap = () => {
  const el = document.createElement('div');
  el.style.width = '1200px';
  el.style.height = '800px';
  document.body.appendChild(el);
  const map = L.map(el, { zoomAnimation: false, fadeAnimation: false }).fitBounds(MALI);
  return {
    map,
    dispose: () => {
      map.remove();
      el.remove();
    },
  };
};

type PendingRedraw = { _redrawRequest: number | null; _redraw: () => void };
const flush = (renderer: L.Canvas) => {
  const r = renderer as unknown as PendingRedraw;
  if (r._redrawRequest !== null) {
    L.Util.cancelAnimFrame(r._redrawRequest);
    r._redraw();
  }
};

const gc = () => (window as { gc?: () => void }).gc?.();
const median = (xs: number[]) => percentile(xs, 50);

/** Pans right/left and zooms in/out in turn from the country view; ms per step. */
const steps = (map: L.Map, after: () => void) => {
  const pan: number[] = [];
  const zoom: number[] = [];
  const z0 = map.getZoom();
  for (let i = 0; i < STEPS; i++) {
    let t0 = now();
    map.panBy(i % 2 ? [-160, -90] : [160, 90], { animate: false });
    after();
    pan.push(now() - t0);
    t0 = now();
    map.setZoom(i % 2 ? z0 : z0 + 1, { animate: false });
    after();
    zoom.push(now() - t0);
  }
  return { pan, zoom };
};

const runOurs = (points: MapPoint[]) => {
  const { map, dispose } = newMap();
  const layer = new MarkerCanvasLayer({ pane: 'passerelle-markers' }).addTo(map);
  const t0 = now();
  const index = buildClusterIndex(points);
  const indexed = now();
  layer.setData(points, index);
  const first = now() - t0;
  const s = steps(map, () => {});
  dispose();
  return { first, index: indexed - t0, ...s };
};

const runBaseline = (points: MapPoint[]) => {
  const { map, dispose } = newMap();
  const renderer = L.canvas();
  const t0 = now();
  const group = L.layerGroup(
    points.map((p) => L.circleMarker([p.lat, p.lon], { renderer, radius: 6, weight: 1 })),
  ).addTo(map);
  flush(renderer);
  const first = now() - t0;
  const s = steps(map, () => flush(renderer));
  group.remove();
  dispose();
  return { first, ...s };
};

export const mapBench: Bench = {
  name: 'map',
  async run() {
    const points = generatePoints(N);
    const ours = [];
    const base = [];
    for (let i = 0; i < RUNS; i++) {
      gc();
      ours.push(runOurs(points));
      gc();
      base.push(runBaseline(points));
    }
    const all = (rs: { pan: number[]; zoom: number[] }[], k: 'pan' | 'zoom') =>
      rs.flatMap((r) => r[k]);
    const rows: Row[] = [
      {
        label: 'circle markers: first render (baseline)',
        value: median(base.map((r) => r.first)),
        unit: 'ms',
      },
      {
        label: 'clustered canvas: first render',
        value: median(ours.map((r) => r.first)),
        unit: 'ms',
        baseline: 'circle markers: first render (baseline)',
        target: '< 300 ms',
      },
      {
        label: '  of which supercluster index',
        value: median(ours.map((r) => r.index)),
        unit: 'ms',
      },
    ];
    for (const k of ['pan', 'zoom'] as const) {
      for (const p of [50, 95]) {
        const b = `circle markers: ${k} step p${p} (baseline)`;
        rows.push({ label: b, value: percentile(all(base, k), p), unit: 'ms' });
        rows.push({
          label: `clustered canvas: ${k} step p${p}`,
          value: percentile(all(ours, k), p),
          unit: 'ms',
          baseline: b,
          target: '< 16 ms',
        });
      }
    }
    return rows;
  },
};

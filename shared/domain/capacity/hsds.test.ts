/**
 * Checks the export against the HSDS 3.1 schema files themselves (../shared/hsds, read at test
 * time, never copied) with ajv. HSDS leaves additional properties open; we close them in memory,
 * so a misspelt property of ours fails instead of passing unnoticed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import type { AnySchemaObject } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { foldShelter } from './fold';
import { bedUnit, stableUuid, toHsdsServiceCapacity } from './hsds';
import { eventsForUpdate } from './rules';

const SCHEMA_DIR = fileURLToPath(
  new URL('../../../../shared/hsds/3.1-dev/schema/', import.meta.url),
);
const load = (file: string): AnySchemaObject =>
  JSON.parse(readFileSync(`${SCHEMA_DIR}${file}`, 'utf8')) as AnySchemaObject;

// HSDS files carry their own keywords (constraints, datapackage_metadata…): not strict.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
for (const file of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json'))) {
  if (file === 'service_capacity.json' || file === 'unit.json') continue;
  ajv.addSchema(load(file), file);
}
const closed = (s: AnySchemaObject): AnySchemaObject => ({ ...s, additionalProperties: false });
ajv.addSchema(closed(load('unit.json')), 'unit.json');
const validate = ajv.compile(closed(load('service_capacity.json')));
const problems = (row: unknown) =>
  validate(row) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

const S = '0b6f3c1e-2f55-4e0a-9d43-5a1c2f7e9b10';
let n = 0;
const figures = foldShelter(
  S,
  eventsForUpdate(
    undefined,
    {
      serviceId: S,
      populations: {
        women: { baseline: 12, occupied: 9, outOfService: 1, waitlist: 0 },
        girls: { baseline: 4, occupied: 6, outOfService: 0, waitlist: 2 },
      },
      status: 'open',
      note: '',
    },
    {
      office: 'BKO',
      who: 'Awa',
      now: '2026-03-01T08:00:00.000Z',
      newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    },
  ),
)!;

describe('toHsdsServiceCapacity', () => {
  const rows = toHsdsServiceCapacity(figures);

  it('matches the HSDS 3.1 service_capacity and unit schemas', () => {
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(problems(row)).toEqual([]);
  });

  it('the check does catch a wrong shape', () => {
    const bad = {
      ...rows[0]!,
      available: '2',
      extra: 1,
      updated: 'yesterday',
      unit: { name: 'Bed' },
    };
    expect(problems(bad).sort()).toEqual([
      ' must NOT have additional properties',
      '/available must be number',
      "/unit must have required property 'id'",
      '/updated must match format "date-time"',
    ]);
  });

  it('exports available (never negative), maximum and the last update', () => {
    expect(rows.map((r) => [r.unit.identifier, r.available, r.maximum, r.updated])).toEqual([
      ['bed-women', 2, 12, '2026-03-01T08:00:00.000Z'],
      ['bed-girls', 0, 4, '2026-03-01T08:00:00.000Z'],
    ]);
    expect(toHsdsServiceCapacity({ ...figures, status: 'closed' })[0]!.available).toBe(0);
  });

  it('gives the same ids on every export', () => {
    expect(toHsdsServiceCapacity(figures)).toEqual(rows);
    expect(rows[0]!.unit_id).toBe(bedUnit('women').id);
    expect(stableUuid('a')).not.toBe(stableUuid('b'));
    expect(stableUuid('a')).toMatch(UUID);
  });
});

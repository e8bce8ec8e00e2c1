import { describe, expect, it } from 'vitest';
import { hsds1Package, inconsistentRecords } from '../../../tests/fixtures/hsdsForeign';
import { validatorFor } from '../../../tests/fixtures/hsdsSchemas';
import type { ExternalId, ServiceView } from '../directory/schema';
import { MAX_EXTERNAL_IDS } from '../directory/schema';
import { mergeExternalIds, sourceName } from './externalIds';
import { toHsdsJson } from './hsdsWrite';
import { planHsds } from './importFile';
import { tablesToFiles, toTables } from './tabular';
import { testContext } from './testing';
import type { ImportPlan } from './types';
import { makeZip } from './zip';

const enc = (s: string) => new TextEncoder().encode(s);
const partner = () =>
  planHsds([{ name: 'export.zip', bytes: hsds1Package() }], 'hsds-package', testContext());
const viewsOf = (plan: ImportPlan): ServiceView[] =>
  plan.services.map((service) => ({
    service,
    organization: plan.organizations.find((o) => o.id === service.organizationId),
    locations: plan.locations.filter((l) => service.locationIds.includes(l.id)),
  }));
const byName = (plan: ImportPlan, name: string) => plan.services.find((s) => s.name === name)!;

describe('foreign ids kept as external identifiers', () => {
  it('an HSDS 1.x package: each service and organisation keeps its id, named by the package', () => {
    const plan = partner();
    expect(plan.rejectedRows).toEqual([]);
    const night = byName(plan, 'Accueil de nuit');
    expect(night.id).not.toBe('svc-1');
    expect(night.externalIds).toEqual([
      {
        identifierScheme: 'annuaire-partenaire',
        identifierType: 'service_id',
        identifier: 'svc-1',
      },
    ]);
    expect(byName(plan, 'Orientation juridique').externalIds?.[0]?.identifier).toBe('svc-3');
    const kanuya = plan.organizations.find((o) => o.name.startsWith('Association Kanuya'))!;
    expect(kanuya.externalIds).toEqual([
      {
        identifierScheme: 'annuaire-partenaire',
        identifierType: 'organization_id',
        identifier: '1',
      },
    ]);
  });

  it('a JSON file without a package: the file name names the system', () => {
    const plan = planHsds(
      [{ name: 'C:\\exports\\partenaires-2026.json', bytes: inconsistentRecords() }],
      'hsds-json',
      testContext(),
    );
    expect(plan.services[0]!.externalIds).toEqual([
      { identifierScheme: 'partenaires-2026', identifierType: 'service_id', identifier: 'A-17' },
    ]);
  });

  it('records whose ids are already UUIDs (our own exports) get none', () => {
    const json = toHsdsJson(viewsOf(partner()), { includeRestricted: true });
    for (const s of json.contents) {
      delete (s as Record<string, unknown>).attributes;
      delete (s.organization as Record<string, unknown>).organization_identifiers;
    }
    const again = planHsds(
      [{ name: 'x.json', bytes: enc(JSON.stringify(json)) }],
      'hsds-json',
      testContext(),
    );
    expect(again.services.map((s) => s.externalIds)).toEqual([undefined, undefined, undefined]);
    expect(again.organizations.map((o) => o.externalIds)).toEqual([undefined, undefined]);
  });

  it('our HSDS export gives them back (JSON and data package), valid HSDS, and reads them again', () => {
    const plan = partner();
    const views = viewsOf(plan);
    const json = toHsdsJson(views, { includeRestricted: true });
    const validate = validatorFor('3.0');
    for (const s of json.contents) expect(validate('service.json', s)).toEqual([]);
    const night = json.contents.find((s) => s.name === 'Accueil de nuit')!;
    const org = night.organization as { organization_identifiers: Record<string, unknown>[] };
    expect(org.organization_identifiers).toEqual([
      expect.objectContaining({
        identifier_scheme: 'annuaire-partenaire',
        identifier_type: 'organization_id',
        identifier: '1',
      }),
    ]);
    const attrs = night.attributes as { link_type: string; value: string }[];
    expect(attrs.filter((a) => a.link_type.startsWith('external_id'))).toEqual([
      expect.objectContaining({ link_type: 'external_id_scheme', value: 'annuaire-partenaire' }),
      expect.objectContaining({ link_type: 'external_id_type', value: 'service_id' }),
      expect.objectContaining({ link_type: 'external_id', value: 'svc-1' }),
    ]);

    const fromJson = planHsds(
      [{ name: 'autre-nom.json', bytes: enc(JSON.stringify(json)) }],
      'hsds-json',
      testContext(),
    );
    const files = tablesToFiles(toTables(views, { includeRestricted: true }), '2026-12-02');
    expect(files['organization_identifiers.csv']).toContain(
      'annuaire-partenaire,organization_id,1',
    );
    const zipped = makeZip(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, enc(v)])));
    const fromPackage = planHsds(
      [{ name: 'paquet.zip', bytes: zipped }],
      'hsds-package',
      testContext(),
    );
    for (const back of [fromJson, fromPackage]) {
      expect(back.rejectedRows).toEqual([]);
      for (const s of plan.services)
        expect(back.services.find((x) => x.id === s.id)?.externalIds).toEqual(s.externalIds);
      for (const o of plan.organizations)
        expect(back.organizations.find((x) => x.id === o.id)?.externalIds).toEqual(o.externalIds);
    }
  });

  it('an organisation’s own organization_identifiers are read (official example)', () => {
    const plan = planHsds(
      [
        {
          name: 'org.json',
          bytes: enc(
            JSON.stringify({
              id: 'ORG-1',
              name: 'Ong Horizon (fictive)',
              organization_identifiers: [
                { identifier_scheme: 'ML-RCCM', identifier_type: 'Registre', identifier: 'B-1234' },
                { identifier_type: 'Numéro interne', identifier: 77 },
                { identifier_type: 'vide', identifier: '' },
              ],
              services: [{ id: 'S-1', name: 'Écoute', status: 'active' }],
            }),
          ),
        },
      ],
      'hsds-json',
      testContext(),
    );
    expect(plan.organizations[0]!.externalIds).toEqual([
      { identifierScheme: 'ML-RCCM', identifierType: 'Registre', identifier: 'B-1234' },
      { identifierScheme: 'org', identifierType: 'Numéro interne', identifier: '77' },
      { identifierScheme: 'org', identifierType: 'organization_id', identifier: 'ORG-1' },
    ]);
  });

  it('hostile identifiers: control and direction characters dropped, length and count capped', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      identifier_type: 'x',
      identifier: `n${i}`,
    }));
    const plan = planHsds(
      [
        {
          name: 'a\u202eevil.json',
          bytes: enc(
            JSON.stringify([
              {
                id: `svc\u0000-\u202e9${'z'.repeat(400)}`,
                name: 'Clinique',
                organization: {
                  id: 'O-1',
                  name: 'Santé (fictive)',
                  organization_identifiers: many,
                },
              },
            ]),
          ),
        },
      ],
      'hsds-json',
      testContext(),
    );
    expect(plan.rejectedRows).toEqual([]);
    const [id] = plan.services[0]!.externalIds!;
    expect(id!.identifierScheme).toBe('aevil');
    expect(id!.identifier).toMatch(/^svc-9z+$/);
    expect(id!.identifier).toHaveLength(200);
    expect(plan.organizations[0]!.externalIds).toHaveLength(MAX_EXTERNAL_IDS);
  });

  it('merging: the same identifier once (a renamed file updates its system), at most the cap', () => {
    const a: ExternalId = {
      identifierScheme: 'old.json',
      identifierType: 'service_id',
      identifier: '1',
    };
    const renamed = { ...a, identifierScheme: 'new.json' };
    const other = { ...a, identifier: '2' };
    expect(mergeExternalIds([a], [renamed])).toEqual([renamed]);
    expect(mergeExternalIds([a], [other])).toEqual([a, other]);
    expect(mergeExternalIds(undefined, [])).toBeUndefined();
    const lots = Array.from({ length: 25 }, (_, i) => ({ ...a, identifier: String(i) }));
    expect(mergeExternalIds([a], lots)).toHaveLength(MAX_EXTERNAL_IDS);
    expect(mergeExternalIds([a], lots)![0]).toEqual(a);
  });

  it('names the source: package name, else file name, never empty', () => {
    expect(sourceName('export.zip', 'annuaire-partenaire')).toBe('annuaire-partenaire');
    expect(sourceName('dossier/export.zip', { not: 'a name' })).toBe('export');
    expect(sourceName('', '')).toBe('HSDS');
  });
});

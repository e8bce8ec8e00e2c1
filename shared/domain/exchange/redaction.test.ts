/**
 * Exports take the views the directory repository gives the user, redacted for their role
 * (`redactView`): whatever the export options, a role without the right to see restricted
 * places finds neither their coordinates nor their street in any format.
 */
import { describe, expect, it } from 'vitest';
import type { Subject } from '../accounts/permissions';
import { redactView } from '../accounts/visibility';
import { generateDemoDirectory } from '../directory/demo';
import type { ServiceView } from '../directory/schema';
import { exportFlatRows } from './flatExport';
import { toGeoJson } from './geojson';
import { toHsdsJson } from './hsdsWrite';
import { toTables } from './tabular';

const demo = generateDemoDirectory({ office: 'BKO', now: '2026-03-02T08:00:00.000Z' });
const locations = new Map(demo.locations.map((l) => [l.id, l]));
const views: ServiceView[] = demo.services.map((service) => ({
  service,
  organization: demo.organizations.find((o) => o.id === service.organizationId),
  locations: service.locationIds.map((id) => locations.get(id)!),
}));
const secrets = demo.locations
  .filter((l) => l.visibility === 'restricted')
  .flatMap((l) => [String(l.latitude), String(l.longitude), l.address.address1])
  .filter((s) => s.length > 4);

const formats = (vs: ServiceView[]) => {
  const opts = { includeRestricted: true };
  return {
    geojson: JSON.stringify(toGeoJson(vs, opts)),
    hsds: JSON.stringify(toHsdsJson(vs, opts)),
    flat: JSON.stringify(exportFlatRows(vs, opts)),
    tables: JSON.stringify(toTables(vs, opts)),
  };
};

describe('exports by role', () => {
  it('the demo has restricted places to protect', () => {
    expect(secrets.length).toBeGreaterThan(20);
  });

  it('carry no restricted coordinates or street for a viewer, even asked to include them', () => {
    const viewer: Subject = { role: 'viewer', shelterServiceIds: [] };
    for (const [format, text] of Object.entries(formats(views.map((v) => redactView(viewer, v)))))
      for (const secret of secrets) expect(text, `${format} leaks ${secret}`).not.toContain(secret);
  });

  it('carry them for a coordinator who asks for them', () => {
    const coordinator: Subject = { role: 'coordinator', shelterServiceIds: [] };
    const { geojson } = formats(views.map((v) => redactView(coordinator, v)));
    expect(secrets.some((s) => geojson.includes(s))).toBe(true);
  });
});

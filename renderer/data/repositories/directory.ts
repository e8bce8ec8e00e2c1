/**
 * The directory's repository: the only way screens read and write organisations, services and
 * locations. Reads return records parsed by the shared schemas; every write is one transaction
 * with its change-log and audit entries; deletion is a tombstone.
 */
import type {
  Location,
  Organization,
  Service,
  ServiceDraftInput,
  ServiceView,
} from '@shared/domain/directory/schema';
import { locationSchema, organizationSchema, serviceSchema } from '@shared/domain/directory/schema';
import { draftToRecords, validateDraft } from '@shared/domain/directory/rules';
import { normalizeText } from '@shared/domain/directory/normalize';
import type { Result } from '@shared/domain/validation';
import { can, type Subject } from '@shared/domain/accounts/permissions';
import { redactView } from '@shared/domain/accounts/visibility';
import type { PasserelleDb } from '../db';
import type { Actor } from '../journal';
import { journal } from '../journal';
import { createDirectoryCache } from './directoryCache';
import { openLocation, openLocations, sealLocation } from './locationsAtRest';
import { DataKeyLocked } from './referralsAtRest';

const live = <T extends { deletedAt: string | null }>(r: T) => r.deletedAt === null;

export const joinViews = (
  services: readonly Service[],
  organizations: readonly Organization[],
  locations: readonly Location[],
): ServiceView[] => {
  const orgs = new Map(organizations.map((o) => [o.id, o]));
  const locs = new Map(locations.map((l) => [l.id, l]));
  return services.filter(live).map((service) => ({
    service,
    organization: orgs.get(service.organizationId),
    locations: service.locationIds.flatMap((id) => {
      const l = locs.get(id);
      return l && live(l) ? [l] : [];
    }),
  }));
};

/**
 * `subject`: the logged-in user (accounts). With it, views come out with restricted locations
 * redacted for roles that may not see them, and writes need `directory.edit`. Without it (tests,
 * first-run demo loading) the repository acts for the system.
 *
 * `dataKey`: the session's data key. With it, restricted locations are stored sealed
 * (locationsAtRest.ts) and opened on reading; a restricted location cannot be saved while the
 * key is locked. Without it (tests that do not exercise sealing) they are stored as given.
 */
export const createDirectoryRepository = (
  db: PasserelleDb,
  actor: () => Actor,
  subject?: () => Subject | null,
  dataKey?: () => CryptoKey | null,
) => {
  const redact = (v: ServiceView): ServiceView => (subject ? redactView(subject(), v) : v);
  const openKey = () => dataKey?.() ?? null;
  /** Sealed for storage when a key accessor was given; as it is otherwise. */
  const seal = (l: Location): Promise<Location> =>
    dataKey ? sealLocation(openKey(), l) : Promise.resolve(l);
  const mayEdit = () => !subject || can(subject(), 'directory.edit');
  const refused: Result<Service> = { ok: false, errors: { _: 'accounts.error.notAllowed' } };
  const tables = [db.organizations, db.locations, db.services, db.changes, db.audit];
  const cache = createDirectoryCache(db, subject);

  const listViews = async (): Promise<ServiceView[]> => {
    const [services, organizations, locations] = await db.transaction(
      'r',
      [db.services, db.organizations, db.locations],
      () =>
        Promise.all([db.services.toArray(), db.organizations.toArray(), db.locations.toArray()]),
    );
    // Opened after the read (WebCrypto would end the transaction).
    return joinViews(services, organizations, await openLocations(openKey(), locations));
  };

  const getView = async (id: string): Promise<ServiceView | undefined> => {
    const service = await db.services.get(id);
    if (!service || !live(service)) return undefined;
    const [organization, locations] = await Promise.all([
      db.organizations.get(service.organizationId),
      db.locations.bulkGet(service.locationIds),
    ]);
    return {
      service: serviceSchema.parse(service),
      organization: organization && organizationSchema.parse(organization),
      locations: await Promise.all(
        locations.flatMap((l) =>
          l && live(l) ? [openLocation(openKey(), l).then((o) => locationSchema.parse(o))] : [],
        ),
      ),
    };
  };

  /** The organisation of that name (accent/case-insensitive), or a new one. */
  const organizationNamed = async (name: string, now: string): Promise<Organization> => {
    const key = normalizeText(name);
    const found = await db.organizations
      .filter((o) => live(o) && normalizeText(o.name) === key)
      .first();
    if (found) return found;
    return organizationSchema.parse({
      id: crypto.randomUUID(),
      office: actor().office,
      createdAt: now,
      updatedAt: now,
      name,
    });
  };

  /**
   * Built and sealed outside the transaction (WebCrypto would end it), written inside it only
   * if the service did not change in between; otherwise built again.
   */
  const save = async (
    id: string | undefined,
    input: ServiceDraftInput,
  ): Promise<Result<Service>> => {
    const checked = validateDraft(input);
    if (!checked.ok) return checked;
    const draft = checked.value;
    for (let attempt = 0; attempt < 5; attempt++) {
      const before = id ? await db.services.get(id) : undefined;
      const existing = id ? await getView(id) : undefined;
      if (id && !existing) return { ok: false, errors: { _: 'validation.notFound' } };
      const now = new Date().toISOString();
      const organization = await organizationNamed(draft.organizationName, now);
      const ctx = { office: actor().office, now, newId: () => crypto.randomUUID() };
      const { service, location } = draftToRecords(draft, organization, existing, ctx);
      // Parse what we store: the schemas are the contract of the stored records.
      const rows = {
        organization: organizationSchema.parse(organization),
        location: locationSchema.parse(location),
        service: serviceSchema.parse(service),
      };
      let storedLocation: Location;
      try {
        storedLocation = await seal(rows.location);
      } catch (e) {
        if (e instanceof DataKeyLocked) return { ok: false, errors: { _: e.message } };
        throw e;
      }
      const done = await db.transaction('rw', tables, async () => {
        if (id && JSON.stringify(await db.services.get(id)) !== JSON.stringify(before))
          return false;
        await db.organizations.put(rows.organization);
        await db.locations.put(storedLocation);
        await db.services.put(rows.service);
        const action = existing ? 'service.update' : 'service.create';
        await journal(db, actor(), [
          { table: 'organizations', recordId: rows.organization.id, op: 'put', action },
          { table: 'locations', recordId: rows.location.id, op: 'put', action },
          { table: 'services', recordId: rows.service.id, op: 'put', action },
        ]);
        return true;
      });
      if (done) return { ok: true, value: rows.service };
    }
    // Five times in a row the service changed between reading it and writing it: say so, the
    // record is still there (it used to read "no longer exists").
    return { ok: false, errors: { _: 'validation.changedMeanwhile' } };
  };

  const remove = async (id: string): Promise<boolean> =>
    db.transaction('rw', tables, async () => {
      const service = await db.services.get(id);
      if (!service || !live(service)) return false;
      const now = new Date().toISOString();
      await db.services.put({ ...service, deletedAt: now, updatedAt: now });
      const items = [
        { table: 'services', recordId: id, op: 'delete' as const, action: 'service.delete' },
      ];
      // A location no other live service uses goes with it.
      for (const locationId of service.locationIds) {
        const users = await db.services
          .filter((s) => live(s) && s.id !== id && s.locationIds.includes(locationId))
          .count();
        const loc = await db.locations.get(locationId);
        if (users === 0 && loc && live(loc)) {
          await db.locations.put({ ...loc, deletedAt: now, updatedAt: now });
          items.push({
            table: 'locations',
            recordId: locationId,
            op: 'delete',
            action: 'service.delete',
          });
        }
      }
      await journal(db, actor(), items);
      return true;
    });

  const markVerified = async (id: string, date: string): Promise<boolean> =>
    db.transaction('rw', tables, async () => {
      const service = await db.services.get(id);
      if (!service || !live(service)) return false;
      const updated = serviceSchema.parse({
        ...service,
        lastVerified: { date, by: actor().user },
        updatedAt: new Date().toISOString(),
      });
      await db.services.put(updated);
      await journal(db, actor(), [
        { table: 'services', recordId: id, op: 'put', action: 'service.verify', detail: date },
      ]);
      return true;
    });

  // Known from loading or removing the demo until a write could change it; else from the first
  // page when it is current; only else a scan, which reads every service (50k at start).
  const hasDemo = async () =>
    (await cache.demoKnown()) ??
    ((await cache.demoCount()) ?? (await db.services.filter((s) => s.demo && live(s)).count())) > 0;

  /** The demo of `country` (the office's): Mozambique's in Portuguese, Bahrain's in Arabic… */
  const loadDemo = async (country?: string): Promise<number> => {
    // Every country's demo comes with the first demo, not with the window (issue 15).
    const { generateDemoDirectory } = await import('@shared/domain/directory/demo');
    const demo = generateDemoDirectory({
      office: actor().office,
      now: new Date().toISOString(),
      ...(country ? { country } : {}),
    });
    // Sealed when the key is open; otherwise sealed at the next unlock (sealPlaintextLocations).
    const locations =
      dataKey && openKey() ? await Promise.all(demo.locations.map(seal)) : demo.locations;
    await db.transaction('rw', [...tables, cache.table()], async () => {
      await db.organizations.bulkPut(demo.organizations);
      await db.locations.bulkPut(locations);
      await db.services.bulkPut(demo.services);
      await cache.markDemo(true);
      await journal(
        db,
        actor(),
        [
          ...demo.organizations.map((o) => ({ table: 'organizations', recordId: o.id })),
          ...demo.locations.map((l) => ({ table: 'locations', recordId: l.id })),
          ...demo.services.map((s) => ({ table: 'services', recordId: s.id })),
        ].map((i) => ({ ...i, op: 'put' as const, action: 'demo.load' })),
        { replicate: false },
      );
    });
    return demo.services.length;
  };

  /** Demo records were never real: they are removed outright, not tombstoned. */
  const removeDemo = async (): Promise<number> =>
    db.transaction('rw', [...tables, cache.table()], async () => {
      const ids = await db.services.filter((s) => s.demo).primaryKeys();
      await db.services.bulkDelete(ids);
      await db.locations.filter((l) => l.demo).delete();
      await db.organizations.filter((o) => o.demo).delete();
      await cache.markDemo(false);
      await journal(
        db,
        actor(),
        [
          {
            table: 'services',
            recordId: '*',
            op: 'delete',
            action: 'demo.remove',
            detail: String(ids.length),
          },
        ],
        { replicate: false },
      );
      return ids.length;
    });

  /**
   * How many services are live, without reading one: every key less the tombstones (the only
   * services in the deletedAt index). What `listViews` would return the length of.
   */
  const count = async (): Promise<number> =>
    db.transaction('r', db.services, async () => {
      const [all, removed] = await Promise.all([
        db.services.count(),
        db.services.where('deletedAt').above('').count(),
      ]);
      return all - removed;
    });

  return {
    listViews: async () => (await listViews()).map(redact),
    count,
    /** Every view and the data version they are (for the directory's cache), one transaction. */
    listViewsVersioned: async () => {
      const { value, version } = await cache.withVersion(listViews);
      return { views: value.map(redact), version };
    },
    /** The first page and search index kept from the last session (directoryCache.ts). */
    firstPage: cache.firstPage,
    storedIndex: cache.searchIndex,
    saveFirstPage: cache.saveFirstPage,
    saveIndex: cache.saveIndex,
    getView: async (id: string) => {
      const view = await getView(id);
      return view && redact(view);
    },
    create: async (d: ServiceDraftInput) => (mayEdit() ? save(undefined, d) : refused),
    update: async (id: string | undefined, d: ServiceDraftInput) =>
      mayEdit() ? save(id, d) : refused,
    remove: async (id: string) => mayEdit() && remove(id),
    markVerified: async (id: string, date: string) => mayEdit() && markVerified(id, date),
    hasDemo,
    loadDemo,
    removeDemo,
  };
};

export type DirectoryRepository = ReturnType<typeof createDirectoryRepository>;

/**
 * Shelter capacity: the only way screens read and record beds. Figures are never stored, only
 * the events (table `capacityEvents`, db.version(2)); every read folds them. A save is one
 * transaction that re-reads the shelter's events, appends the new ones, and journals them.
 *
 * With a `subject` (the logged-in user), a save needs `capacity.edit` for that shelter (a
 * shelter manager: only the shelters assigned to them), checked here again so a hidden button
 * is never the only barrier; a manager's shelters are those of their account.
 */
import { z } from 'zod';
import { can, isScoped, type Subject } from '@shared/domain/accounts/permissions';
import type { ShelterFigures } from '@shared/domain/capacity/fold';
import { compareEvents, foldShelter } from '@shared/domain/capacity/fold';
import type { CapacityModel } from '@shared/domain/capacity/live';
import { createCapacityModel } from '@shared/domain/capacity/live';
import { createCheckpoint } from '@shared/domain/capacity/snapshot';
import { eventsForUpdate, servedPopulations, validateUpdate } from '@shared/domain/capacity/rules';
import type { CapacityEvent, CapacityUpdateInput } from '@shared/domain/capacity/schema';
import type { ShelterSummary } from '@shared/domain/capacity/summary';
import type { Service, ServiceView } from '@shared/domain/directory/schema';
import { uuidSchema } from '@shared/domain/directory/schema';
import type { Result } from '@shared/domain/validation';
import type { PasserelleDb } from '../db';
import type { Actor, JournalItem } from '../journal';
import { journal } from '../journal';
import { joinViews } from './directory';

export const CAPACITY_TABLE = 'capacityEvents';
const MY_SHELTERS = 'capacity.myShelters';
const notAllowed = (): Result<never> => ({
  ok: false,
  errors: { _: 'accounts.error.notAllowed' },
});

const live = (s: Service | undefined): s is Service => !!s && s.deletedAt === null;

/**
 * `subject`: who is logged in (accounts); without it (tests, first-run demo loading) the
 * repository acts for the system. `id` keys the "my shelters" choice per user.
 */
export const createCapacityRepository = (
  db: PasserelleDb,
  actor: () => Actor,
  subject?: () => (Subject & { readonly id?: string }) | null,
) => {
  const mayEdit = (serviceId: string) =>
    !subject || can(subject(), 'capacity.edit', { serviceIds: [serviceId] });
  /** Beds are not for every role (a viewer has the directory only): reads come back empty. */
  const mayView = () => !subject || can(subject(), 'capacity.view');
  /** A shelter manager's shelters come from their account, not from a preference. */
  const assigned = (): readonly string[] | undefined => {
    const who = subject?.();
    return who && isScoped(who, 'capacity.edit') ? who.shelterServiceIds : undefined;
  };
  /** The preference is per user: two coordinators sharing an office PC keep their own lists. */
  const myKey = () => {
    const id = subject?.()?.id;
    return id ? `${MY_SHELTERS}.${id}` : MY_SHELTERS;
  };

  const events = () => db.table<CapacityEvent, 'id'>(CAPACITY_TABLE);

  const eventsOf = async (serviceId: string): Promise<CapacityEvent[]> =>
    events().where('serviceId').equals(serviceId).toArray();

  const figures = async (serviceId: string): Promise<ShelterFigures | undefined> =>
    foldShelter(serviceId, await eventsOf(serviceId));

  /** Newest first: what changed, when, by whom. */
  const history = async (serviceId: string, limit = 50): Promise<CapacityEvent[]> =>
    (await eventsOf(serviceId)).sort((a, b) => compareEvents(b, a)).slice(0, limit);

  /** Shelters with their organisation and locations, read by key: O(shelters), not O(directory). */
  const shelterViews = async (): Promise<ServiceView[]> => {
    const [services, organizations, locations] = await db.transaction(
      'r',
      [db.services, db.organizations, db.locations],
      async () => {
        const services = await db.services.where('category').equals('shelter').toArray();
        const [organizations, locations] = await Promise.all([
          db.organizations.bulkGet([...new Set(services.map((s) => s.organizationId))]),
          db.locations.bulkGet([...new Set(services.flatMap((s) => s.locationIds))]),
        ]);
        return [
          services,
          organizations.filter((o) => o !== undefined),
          locations.filter((l) => l !== undefined),
        ] as const;
      },
    );
    return joinViews(services, organizations, locations);
  };

  // The live model (live.ts) over the fold's checkpoint (snapshot.ts): a read folds only the
  // events after the watermark and summarises again only the shelters they touch, so a bed
  // update costs O(new events + 1 shelter), not O(every event since the office started). A
  // deleted or rewritten event (demo removal, a restore) makes it doubtful: it is rebuilt.
  let model: CapacityModel | undefined;
  const doubt = () => {
    model = undefined;
  };
  events().hook('deleting', doubt);
  events().hook('updating', doubt);
  const currentModel = async (views: readonly ServiceView[]): Promise<CapacityModel> => {
    const m = model;
    const total = await events().count();
    if (m && m === model) {
      const mark = m.checkpoint.watermark;
      if (mark) m.addTail(await events().where('at').aboveOrEqual(mark.at).toArray());
      // Every stored event is folded exactly when the counts match; else one came in late.
      if (m.checkpoint.count === total) {
        m.setViews(views);
        return m;
      }
    }
    const fresh = createCheckpoint();
    fresh.addTail(await events().toArray());
    model = createCapacityModel(views, fresh);
    return model;
  };

  /** Every live shelter with its current figures. */
  const summaries = async (): Promise<ShelterSummary[]> => [
    ...(await currentModel(await shelterViews())).summaries(),
  ];

  /** Every event, for charts over time (the dashboard). */
  const allEvents = async (): Promise<CapacityEvent[]> => events().toArray();

  const record = async (input: CapacityUpdateInput): Promise<Result<ShelterFigures>> =>
    mayEdit(input.serviceId) ? save(input) : notAllowed();

  const save = async (input: CapacityUpdateInput): Promise<Result<ShelterFigures>> =>
    db.transaction('rw', [events(), db.services, db.changes, db.audit], async () => {
      const service = await db.services.get(input.serviceId);
      if (!live(service) || service.category !== 'shelter')
        return { ok: false, errors: { _: 'validation.notFound' } };
      const checked = validateUpdate(input, servedPopulations(service));
      if (!checked.ok) return checked;
      // Re-read inside the transaction: the diff is against what is stored now.
      const stored = await eventsOf(service.id);
      const current = foldShelter(service.id, stored);
      const who = actor();
      const added = eventsForUpdate(current, checked.value, {
        office: who.office,
        who: who.user,
        now: new Date().toISOString(),
        newId: () => crypto.randomUUID(),
      });
      await events().bulkAdd(added);
      await journal(db, who, added.map(journalItem));
      return { ok: true, value: foldShelter(service.id, [...stored, ...added])! };
    });

  /**
   * The shelters offered first on the capacity screen: a shelter manager's assigned shelters;
   * for anyone else the ones they ticked (or, before accounts, those ticked on this computer).
   */
  const getMyShelters = async (): Promise<string[]> => {
    const mine = assigned();
    if (mine) return [...mine];
    const row = (await db.settings.get(myKey())) ?? (await db.settings.get(MY_SHELTERS));
    const parsed = z.array(uuidSchema).safeParse(row?.value);
    return parsed.success ? parsed.data : [];
  };

  /** Refused (false) for a shelter manager: only an administrator changes their shelters. */
  const setMyShelters = async (ids: readonly string[]): Promise<boolean> => {
    if (assigned()) return false;
    await db.settings.put({ key: myKey(), value: z.array(uuidSchema).parse([...ids]) });
    return true;
  };

  /** Two weeks of fictional history for the demo shelters that have none yet. */
  const loadDemo = async (): Promise<number> => {
    // The generator comes with the first demo, not with the window (issue 15); loaded before
    // the transaction, which must not wait on anything but the database.
    const { generateDemoCapacity } = await import('@shared/domain/capacity/demo');
    return db.transaction('rw', [events(), db.services, db.changes, db.audit], async () => {
      const shelters = await db.services
        .where('category')
        .equals('shelter')
        .filter((s) => s.demo && s.deletedAt === null)
        .toArray();
      const counted = new Set(await events().orderBy('serviceId').uniqueKeys());
      const added = generateDemoCapacity(
        shelters.filter((s) => !counted.has(s.id)),
        { office: actor().office, now: new Date().toISOString(), newId: () => crypto.randomUUID() },
      );
      await events().bulkAdd(added);
      // Demo events stay on this machine: audited, never put in the outbox.
      await journal(db, actor(), added.map(journalItem), { replicate: false });
      return added.length;
    });
  };

  /** Demo events were never real: removed outright, like the demo directory. */
  const removeDemo = async (): Promise<number> =>
    db.transaction('rw', [events(), db.changes, db.audit], async () => {
      const ids = await events()
        .filter((e) => e.demo)
        .primaryKeys();
      await events().bulkDelete(ids);
      await journal(
        db,
        actor(),
        [
          {
            table: CAPACITY_TABLE,
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

  return {
    eventsOf: async (serviceId: string) => (mayView() ? eventsOf(serviceId) : []),
    allEvents: async () => (mayView() ? allEvents() : []),
    figures: async (serviceId: string) => (mayView() ? figures(serviceId) : undefined),
    history: async (serviceId: string, limit?: number) =>
      mayView() ? history(serviceId, limit) : [],
    summaries: async () => (mayView() ? summaries() : []),
    record,
    getMyShelters,
    setMyShelters,
    loadDemo,
    removeDemo,
  };
};

const journalItem = (e: CapacityEvent): JournalItem => ({
  table: CAPACITY_TABLE,
  recordId: e.id,
  op: 'put',
  action: e.demo ? 'demo.load' : `capacity.${e.type}`,
  detail: detailOf(e),
});

/** Says what changed without free text (the note itself stays in the event, not the audit). */
const detailOf = (e: CapacityEvent): string => {
  switch (e.type) {
    case 'admission':
      return `${e.serviceId} ${e.population} +${e.count}`;
    case 'discharge':
      return `${e.serviceId} ${e.population} -${e.count}`;
    case 'baseline':
    case 'out_of_service':
    case 'waitlist':
      return `${e.serviceId} ${e.population} =${e.value}`;
    case 'status':
      return `${e.serviceId} ${e.status}`;
    case 'note':
    case 'confirm':
      return e.serviceId;
  }
};

export type CapacityRepository = ReturnType<typeof createCapacityRepository>;

import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Subject } from '@shared/domain/accounts/permissions';
import type { ServiceDraftInput } from '@shared/domain/directory/schema';
import { STORES_V1 } from '../db';
import type { PasserelleDb } from '../db';
import { deleteTestDbs, openTestDb, testDbName } from '../testDb';
import { CAPACITY_TABLE, createCapacityRepository } from './capacity';
import { createDirectoryRepository } from './directory';

const open = (name = testDbName('capacity-test')) => openTestDb(name);
afterEach(deleteTestDbs);
const actor = () => ({ office: 'BKO', user: 'Awa' });

const shelter = (over: Partial<ServiceDraftInput> = {}): ServiceDraftInput => ({
  organizationName: 'Association Sœurs Solidaires',
  name: 'Maison d’accueil Sébénikoro',
  category: 'shelter',
  populations: ['women', 'girls'],
  adminAreaCode: 'ML-BKO',
  ...over,
});
const figures = (occupied: string, baseline = '10') => ({
  baseline,
  occupied,
  outOfService: '0',
  waitlist: '0',
});

const setup = async (db: PasserelleDb, over: Partial<ServiceDraftInput> = {}) => {
  const created = await createDirectoryRepository(db, actor).create(shelter(over));
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return created.value.id;
};

describe('capacity repository', () => {
  it('records a save as events with their change-log and audit entries, in one transaction', async () => {
    const db = open();
    const id = await setup(db);
    const repo = createCapacityRepository(db, actor);
    const [changes0, audit0] = [await db.changes.count(), await db.audit.count()];
    const r = await repo.record({
      serviceId: id,
      populations: { women: figures('4'), girls: figures('2', '3') },
      status: 'open',
      note: '',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.populations.women).toMatchObject({ occupied: 4, available: 6 });
    const events = await repo.eventsOf(id);
    // baseline + admission for each population, status, confirm.
    expect(events.map((e) => e.type).sort()).toEqual(
      ['admission', 'admission', 'baseline', 'baseline', 'confirm', 'status'].sort(),
    );
    expect(events.every((e) => e.who === 'Awa' && e.office === 'BKO')).toBe(true);
    const changes = (await db.changes.toArray()).filter((c) => c.table === CAPACITY_TABLE);
    expect(changes.map((c) => c.recordId).sort()).toEqual(events.map((e) => e.id).sort());
    expect(await db.changes.count()).toBe(changes0 + events.length);
    expect(await db.audit.count()).toBe(audit0 + events.length);

    // A second save only records what changed, and history lists newest first.
    await repo.record({
      serviceId: id,
      populations: { women: figures('5'), girls: figures('2', '3') },
      status: 'open',
      note: '',
    });
    const history = await repo.history(id);
    expect(history[0]!.at >= history.at(-1)!.at).toBe(true);
    expect((await repo.figures(id))?.populations.women?.occupied).toBe(5);
    expect((await repo.eventsOf(id)).length).toBe(events.length + 2);
  });

  it('refuses impossible figures and writes nothing at all', async () => {
    const db = open();
    const id = await setup(db);
    const repo = createCapacityRepository(db, actor);
    const before = [await db.changes.count(), await db.audit.count()];
    const r = await repo.record({
      serviceId: id,
      populations: { women: figures('-2'), girls: figures('1.5') },
      status: 'open',
      note: '',
    });
    expect(r).toEqual({
      ok: false,
      errors: {
        'populations.women.occupied': 'validation.nonNegative',
        'populations.girls.occupied': 'validation.integer',
      },
    });
    expect(await db.table(CAPACITY_TABLE).count()).toBe(0);
    expect([await db.changes.count(), await db.audit.count()]).toEqual(before);
  });

  it('records beds for shelters only, and only for the populations they serve', async () => {
    const db = open();
    const clinic = await setup(db, { category: 'medical', name: 'Clinique' });
    const id = await setup(db);
    const repo = createCapacityRepository(db, actor);
    const base = { status: 'open' as const, note: '' };
    expect(await repo.record({ serviceId: clinic, populations: {}, ...base })).toEqual({
      ok: false,
      errors: { _: 'validation.notFound' },
    });
    const r = await repo.record({ serviceId: id, populations: { men: figures('1') }, ...base });
    expect(r).toEqual({ ok: false, errors: { 'populations.men': 'validation.invalid' } });
    const summaries = await repo.summaries();
    expect(summaries.map((s) => s.serviceId)).toEqual([id]);
    expect(summaries[0]!.populations.map((p) => p.population)).toEqual(['women', 'girls']);
  });

  it('loads demo history for demo shelters outside the outbox, and removes it', async () => {
    const db = open();
    await createDirectoryRepository(db, actor).loadDemo();
    const repo = createCapacityRepository(db, actor);
    const changes = await db.changes.count();
    const added = await repo.loadDemo();
    expect(added).toBeGreaterThan(100);
    expect(await db.changes.count()).toBe(changes);
    expect(await repo.loadDemo()).toBe(0);
    const summaries = await repo.summaries();
    expect(summaries.filter((s) => s.lastUpdated).length).toBeGreaterThan(20);
    expect(await repo.removeDemo()).toBe(added);
    expect(await db.table(CAPACITY_TABLE).count()).toBe(0);
  });

  it('remembers which shelters are mine', async () => {
    const db = open();
    const id = await setup(db);
    const repo = createCapacityRepository(db, actor);
    expect(await repo.getMyShelters()).toEqual([]);
    await repo.setMyShelters([id]);
    expect(await repo.getMyShelters()).toEqual([id]);
  });

  it('lets a shelter manager record beds for their own shelter only; a refusal writes nothing', async () => {
    const db = open();
    const mine = await setup(db);
    const other = await setup(db, { name: 'Foyer Kalaban' });
    const manager: Subject & { id: string } = {
      id: crypto.randomUUID(),
      role: 'shelter_manager',
      shelterServiceIds: [mine],
    };
    const repo = createCapacityRepository(db, actor, () => manager);
    const update = (serviceId: string) =>
      repo.record({ serviceId, populations: { women: figures('4') }, status: 'open', note: '' });
    expect((await update(mine)).ok).toBe(true);
    const before = [
      await db.table(CAPACITY_TABLE).count(),
      await db.changes.count(),
      await db.audit.count(),
    ];
    expect(await update(other)).toEqual({
      ok: false,
      errors: { _: 'accounts.error.notAllowed' },
    });
    expect([
      await db.table(CAPACITY_TABLE).count(),
      await db.changes.count(),
      await db.audit.count(),
    ]).toEqual(before);
    expect(await repo.figures(other)).toBeUndefined();

    // Their shelters are those of their account; they cannot pick others.
    expect(await repo.getMyShelters()).toEqual([mine]);
    expect(await repo.setMyShelters([mine, other])).toBe(false);
    expect(await repo.getMyShelters()).toEqual([mine]);
  });

  it('refuses beds to roles without capacity.edit and to nobody logged in', async () => {
    const db = open();
    const id = await setup(db);
    const as = (subject: Subject | null) =>
      createCapacityRepository(db, actor, () => subject).record({
        serviceId: id,
        populations: { women: figures('1') },
        status: 'open',
        note: '',
      });
    for (const role of ['administrator', 'ministry_staff', 'viewer'] as const)
      expect((await as({ role, shelterServiceIds: [] })).ok).toBe(false);
    expect((await as(null)).ok).toBe(false);
    expect(await db.table(CAPACITY_TABLE).count()).toBe(0);
    expect((await as({ role: 'coordinator', shelterServiceIds: [] })).ok).toBe(true);
  });

  it('gives a viewer (directory only) no figures at all', async () => {
    const db = open();
    const id = await setup(db);
    const update = { populations: { women: figures('1') }, status: 'open' as const, note: '' };
    expect(
      (await createCapacityRepository(db, actor).record({ serviceId: id, ...update })).ok,
    ).toBe(true);
    const viewer = createCapacityRepository(db, actor, () => ({
      role: 'viewer',
      shelterServiceIds: [],
    }));
    expect(await viewer.summaries()).toEqual([]);
    expect(await viewer.figures(id)).toBeUndefined();
    expect(await viewer.history(id)).toEqual([]);
    expect(await viewer.allEvents()).toEqual([]);
    const ministry = createCapacityRepository(db, actor, () => ({
      role: 'ministry_staff',
      shelterServiceIds: [],
    }));
    expect((await ministry.summaries()).map((s) => s.serviceId)).toEqual([id]);
  });

  it('keeps each coordinator’s choice of shelters apart on a shared computer', async () => {
    const db = open();
    const [a, b] = [await setup(db), await setup(db, { name: 'Foyer Kalaban' })];
    const user = (id: string) => () => ({
      id,
      role: 'coordinator' as const,
      shelterServiceIds: [],
    });
    const fatou = createCapacityRepository(db, actor, user(crypto.randomUUID()));
    const awa = createCapacityRepository(db, actor, user(crypto.randomUUID()));
    expect(await fatou.setMyShelters([a])).toBe(true);
    expect(await awa.setMyShelters([b])).toBe(true);
    expect(await fatou.getMyShelters()).toEqual([a]);
    expect(await awa.getMyShelters()).toEqual([b]);
  });

  it('opens a version-1 database with its data, and its capacity table works', async () => {
    const name = testDbName('capacity-test');
    const v1 = new Dexie(name);
    v1.version(1).stores(STORES_V1);
    await v1.open();
    const id = await setup(v1 as unknown as PasserelleDb);
    v1.close();
    const db = openTestDb(name);
    expect((await db.services.get(id))?.name).toBe('Maison d’accueil Sébénikoro');
    const repo = createCapacityRepository(db, actor);
    const r = await repo.record({
      serviceId: id,
      populations: { women: figures('3') },
      status: 'full',
      note: 'Plus de place ce soir',
    });
    expect(r.ok && r.value.status).toBe('full');
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect((await repo.summaries())[0]!.note).toBe('Plus de place ce soir');
  });
});

describe('capacity summaries from the fold checkpoint', () => {
  const women = async (repo: ReturnType<typeof createCapacityRepository>) =>
    (await repo.summaries())[0]!.populations.find((p) => p.population === 'women')!;

  it('fold only new events after a save, and rebuild when an older event arrives late or one is deleted', async () => {
    const db = open();
    const id = await setup(db);
    const repo = createCapacityRepository(db, actor);
    const save = (occupied: string) =>
      repo.record({
        serviceId: id,
        populations: { women: figures(occupied) },
        status: 'open',
        note: '',
      });
    await save('4');
    expect(await women(repo)).toMatchObject({ occupied: 4, available: 6 });
    await save('6');
    expect(await women(repo)).toMatchObject({ occupied: 6, available: 4 });
    // A partner office's event from last year, written as sync would: older than the watermark.
    const late = {
      ...(await repo.eventsOf(id)).find((e) => e.type === 'admission')!,
      id: '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
      at: '2025-01-01T00:00:00.000Z',
      count: 2,
    };
    await db.table(CAPACITY_TABLE).add(late);
    expect(await women(repo)).toMatchObject({ occupied: 8, available: 2 });
    await db.table(CAPACITY_TABLE).delete(late.id);
    expect(await women(repo)).toMatchObject({ occupied: 6, available: 4 });
  });
});

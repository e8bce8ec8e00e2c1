/**
 * Case data of referrals sealed at rest, and each office's side of a referral: canaries typed
 * into every free-text case field are nowhere in the stored rows, the register still reads
 * without the key, rows from before (plaintext, version 3) open and are sealed at the first
 * unlock, and the receiving office answers with events of its own.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixtureLetterhead } from '@shared/domain/referrals/fixtures';
import type { Referral } from '@shared/domain/referrals/schema';
import { PasserelleDb, STORES_V1 } from '../db';
import { decryptJson, generateDataKey } from '../encryption';
import { whyAad } from '../journal';
import { createDirectoryRepository } from './directory';
import { createLettersRepository } from './letters';
import { createReferralsRepository, localDate, referralTables } from './referrals';
import { DataKeyLocked, isPlaintext, sealPlaintextRows } from './referralsAtRest';
import { createSettingsRepository } from './settings';

const C = {
  name: 'CANARY-NAME-Aminata-Kayes',
  notes: 'CANARY-NOTES-arrivée-de-nuit',
  details: 'CANARY-DETAILS-pour-le-foyer',
  override: 'CANARY-OVERRIDE tuteur injoignable cette nuit',
  decline: 'CANARY-DECLINE plus de lit',
};

let n = 0;
const dbs: Dexie[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});
const open = (name = `referrals-at-rest-${++n}`) => {
  const db = new PasserelleDb(name);
  dbs.push(db);
  return db;
};
let dataKey: CryptoKey;
beforeAll(async () => {
  dataKey = await generateDataKey();
});
const as = (office: string) => () => ({ office, user: `Agent ${office}` });

/** A database of office BKO with one shelter of its own and one owned by office SEG. */
const setUp = async (db: PasserelleDb) => {
  await createSettingsRepository(db).saveOffice({
    country: 'ML',
    officeCode: 'BKO',
    officeName: 'Direction régionale de Bamako',
    userName: 'Awa',
  });
  const shelter = async (office: string, name: string) => {
    const saved = await createDirectoryRepository(db, as(office)).create({
      organizationName: `Association ${name}`,
      name,
      category: 'shelter',
      adminAreaCode: 'ML-4',
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    return saved.value;
  };
  const own = await shelter('BKO', 'Foyer Jigiya');
  const seg = await shelter('SEG', 'Refuge Sabati');
  const repo = (office = 'BKO', key: () => CryptoKey | null = () => dataKey) =>
    createReferralsRepository(db, as(office), undefined, key);
  const letters = createLettersRepository(db, as('BKO'), undefined, () => dataKey);
  await letters.saveLetterhead(fixtureLetterhead());
  return { own, seg, repo, letters };
};

const draft = (serviceId: string) => ({
  serviceId,
  urgency: '72h' as const,
  caseDetails: { needs: ['shelter' as const], notes: C.notes, reasonDetails: C.details },
});
const consent = (service: { id: string; name: string }) => ({
  consent: {
    given: true,
    scope: ['referral' as const, 'recordName' as const, 'shareName' as const],
    recipient: { kind: 'service' as const, id: service.id, name: service.name },
    date: localDate(),
    method: 'written' as const,
  },
  personName: C.name,
});

const stored = async (db: PasserelleDb) => {
  const t = referralTables(db);
  return JSON.stringify([
    await t.referrals.toArray(),
    await t.events.toArray(),
    await t.letters.toArray(),
    await db.audit.toArray(),
    await db.changes.toArray(),
  ]);
};

describe('referral case data at rest', () => {
  it('stores no case field in plaintext, and reads them back with the key only', async () => {
    const db = open();
    const { own, repo, letters } = await setUp(db);
    const made = await repo().create(draft(own.id));
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    const id = made.value.id;
    expect((await repo().recordConsent(id, consent(own))).ok).toBe(true);
    expect((await repo().override(id, C.override)).ok).toBe(true);
    const letter = await letters.issue(id, {
      locale: 'fr',
      includeName: true,
      contact: { name: 'Awa', title: '', phone: '', email: '' },
      signatory: { name: 'Fatoumata Diarra', title: 'La Directrice régionale' },
      stamp: false,
    });
    if (!letter.ok) throw new Error(letter.error);
    expect(JSON.stringify(letter.letter.model)).toContain(C.name);
    expect((await repo().act(id, 'send')).ok).toBe(true);
    expect((await repo().act(id, 'decline', C.decline)).ok).toBe(true);

    const raw = await stored(db);
    for (const canary of Object.values(C)) expect(raw).not.toContain(canary.slice(0, 20));
    expect(raw).toContain(made.value.caseCode); // the control: routing fields are readable

    const detail = await repo().get(id);
    expect(detail?.referral).toMatchObject({
      state: 'declined',
      caseDetails: { notes: C.notes, reasonDetails: C.details, person: { name: C.name } },
      consentOverride: { reason: C.override },
    });
    expect(detail?.events.find((e) => e.type === 'declined')?.reason).toBe(C.decline);
    expect(detail?.letters[0]?.model.personName).toBe(C.name);
    // The override's reason is the audit entry's "why", sealed with the data key too.
    const entry = (await db.audit.toArray()).find((e) => e.action === 'referral.consentOverride');
    expect(await decryptJson(dataKey, entry!.whySealed!, whyAad('referrals', id))).toBe(C.override);

    // Without the key: the register reads, the case does not.
    const locked = repo('BKO', () => null);
    expect((await locked.list()).map((r) => [r.caseCode, r.state])).toEqual([
      [made.value.caseCode, 'declined'],
    ]);
    expect(await locked.list()).not.toContainEqual(expect.objectContaining({ caseDetails: {} }));
    await expect(locked.get(id)).rejects.toBeInstanceOf(DataKeyLocked);
    await expect(locked.create(draft(own.id))).rejects.toBeInstanceOf(DataKeyLocked);
    // Another key opens nothing.
    const other = await generateDataKey();
    await expect(repo('BKO', () => other).get(id)).rejects.toThrow();
  });

  it('opens plaintext rows of a version-3 database, then seals them at the first unlock', async () => {
    const name = `referrals-v3-${++n}`;
    const v3 = new Dexie(name);
    v3.version(1).stores(STORES_V1);
    v3.version(2).stores({ capacityEvents: 'id, serviceId, at' });
    v3.version(3).stores({
      referrals: 'id, office, state, urgency, serviceId, createdAt, updatedAt',
      referralEvents: 'id, referralId, at',
      letters: 'id, referralId, reference, issuedAt',
      referralCounters: 'key',
    });
    const at = new Date().toISOString();
    const id = crypto.randomUUID();
    const legacy: Omit<Referral, 'receivingOffice'> = {
      id,
      office: 'BKO',
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
      demo: false,
      caseCode: 'BKO-2026-0001',
      state: 'draft',
      urgency: '24h',
      serviceId: crypto.randomUUID(),
      referringOffice: { code: 'BKO', name: 'Bamako' },
      referringOfficer: 'Awa',
      sentAt: null,
      answeredAt: null,
      closedAt: null,
      caseDetails: {
        person: null,
        traffickingStatus: 'PossibleVictimOfTrafficking',
        exploitationTypes: [],
        gender: 'Feminine',
        ageBand: '9-17',
        citizenship: [],
        languages: [],
        needs: ['shelter'],
        needsOther: '',
        reason: 'AdditionalServicesRequired',
        reasonDetails: '',
        notes: C.notes,
      },
      consent: {
        given: false,
        scope: [],
        recipient: null,
        date: null,
        method: null,
        recordedBy: '',
      },
      consentOverride: null,
    };
    await v3.table('referrals').put(legacy);
    await v3.table('referralEvents').put({
      id: crypto.randomUUID(),
      referralId: id,
      office: 'BKO',
      at,
      by: 'Awa',
      type: 'created',
      from: null,
      to: 'draft',
      reason: '',
      letterId: null,
      reference: '',
      format: null,
      fileName: '',
      demo: false,
    });
    v3.close();

    const db = open(name);
    const repo = createReferralsRepository(db, as('BKO'), undefined, () => dataKey);
    expect((await repo.get(id))?.referral.caseDetails.notes).toBe(C.notes);
    expect(await stored(db)).toContain(C.notes);
    expect(await sealPlaintextRows(db, dataKey, as('BKO')())).toBe(2);
    expect(await stored(db)).not.toContain(C.notes);
    const rows = await referralTables(db).referrals.toArray();
    expect(rows.every((r) => !isPlaintext('referrals', r))).toBe(true);
    expect((await repo.get(id))?.referral.caseDetails.notes).toBe(C.notes);
    expect(await sealPlaintextRows(db, dataKey, as('BKO')())).toBe(0);
    expect((await db.audit.toArray()).map((e) => e.action)).toContain('referral.sealAtRest');
  });
});

describe('each office’s side of a referral', () => {
  it('the receiving office answers with its own events; the referring office alone writes the record', async () => {
    const db = open();
    const { seg, repo } = await setUp(db);
    const made = await repo('BKO').create(draft(seg.id));
    if (!made.ok) throw new Error();
    const id = made.value.id;
    expect(made.value.receivingOffice).toBe('SEG');
    await repo('BKO').recordConsent(id, consent(seg));
    expect((await repo('BKO').act(id, 'send')).ok).toBe(true);
    // BKO may not answer for SEG's shelter; SEG may not send, withdraw or touch the consent.
    expect(await repo('BKO').act(id, 'accept')).toEqual({
      ok: false,
      error: 'referrals.error.otherSide',
    });
    expect(await repo('SEG').act(id, 'withdraw', 'pas à eux')).toEqual({
      ok: false,
      error: 'referrals.error.otherSide',
    });
    expect(await repo('SEG').recordConsent(id, consent(seg))).toEqual({
      ok: false,
      errors: { _: 'referrals.error.notOwner' },
    });
    const before = (await referralTables(db).referrals.get(id))!;
    const accepted = await repo('SEG').act(id, 'accept');
    expect(accepted.ok && accepted.referral.state).toBe('accepted');
    const after = (await referralTables(db).referrals.get(id))!;
    // The record itself is BKO's: SEG changed only the state folded from its event.
    expect(after.atRest).toEqual(before.atRest);
    expect(after.updatedAt).toBe(before.updatedAt);
    const detail = await repo('BKO').get(id);
    expect(detail?.events.at(-1)).toMatchObject({ type: 'accepted', office: 'SEG' });
    expect(detail?.sides).toEqual({ referring: 'BKO', receiving: 'SEG' });
    const journalled = (await db.changes.toArray()).filter(
      (c) => c.recordId === detail!.events.at(-1)!.id,
    ).length;
    expect(journalled).toBe(1);
    expect((await db.changes.toArray()).filter((c) => c.recordId === id)).toHaveLength(3);
  });
});

import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderLetterDocx } from '@shared/domain/letters/docx';
import { renderLetterHtml } from '@shared/domain/letters/html';
import { fixtureLetterhead } from '@shared/domain/referrals/fixtures';
import type { ConsentFormInput } from '@shared/domain/referrals/schema';
import { STORES_V1 } from '../db';
import type { PasserelleDb } from '../db';
import { deleteTestDbs, openTestDb, testDbName } from '../testDb';
import { generateDataKey } from '../encryption';
import { createDirectoryRepository } from './directory';
import { createLettersRepository } from './letters';
import type { Subject } from '@shared/domain/accounts/permissions';
import { NOT_ALLOWED, createReferralsRepository, localDate, referralTables } from './referrals';
import { createSettingsRepository } from './settings';

const open = (name = testDbName('referrals-test')) => openTestDb(name);
afterEach(deleteTestDbs);
const actor = () => ({ office: 'BKO', user: 'Awa Coordinatrice' });
let dataKey: CryptoKey;
beforeAll(async () => {
  dataKey = await generateDataKey();
});
const key = () => dataKey;
const year = localDate().slice(0, 4);

/** A database set up with an office, a letterhead and one (real, not demo) shelter. */
const setUp = async (db: PasserelleDb) => {
  await createSettingsRepository(db).saveOffice({
    country: 'ML',
    officeCode: 'BKO',
    officeName: 'Direction régionale de Bamako',
    userName: 'Awa Coordinatrice',
  });
  const letters = createLettersRepository(db, actor, undefined, key);
  await letters.saveLetterhead(fixtureLetterhead());
  const saved = await createDirectoryRepository(db, actor).create({
    organizationName: 'Association Jigiya',
    name: 'Centre d’accueil Jigiya',
    category: 'shelter',
    adminAreaCode: 'ML-4',
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  const referrals = createReferralsRepository(db, actor, undefined, key);
  return { referrals, letters, service: saved.value };
};

const draft = (serviceId: string) => ({
  serviceId,
  urgency: '24h' as const,
  caseDetails: {
    needs: ['shelter' as const],
    gender: 'Feminine' as const,
    ageBand: '9-17' as const,
  },
});
const consentFor = (serviceId: string, name = ''): ConsentFormInput => ({
  consent: {
    given: true,
    scope: name ? ['referral', 'recordName'] : ['referral'],
    recipient: { kind: 'service', id: serviceId, name: 'Centre d’accueil Jigiya' },
    date: localDate(),
    method: 'guardian',
  },
  personName: name,
});
const options = {
  locale: 'fr' as const,
  includeName: true,
  contact: { name: 'Awa Coordinatrice', title: '', phone: '', email: '' },
  signatory: { name: 'Fatoumata Diarra', title: 'La Directrice régionale' },
  stamp: true,
};

describe('referrals repository', () => {
  it('creates drafts with sequential pseudonymous case codes, journalled, with a history', async () => {
    const db = open();
    const { referrals, service } = await setUp(db);
    const a = await referrals.create(draft(service.id));
    const b = await referrals.create(draft(service.id));
    expect(a.ok && a.value.caseCode).toBe(`BKO-${year}-0001`);
    expect(b.ok && b.value.caseCode).toBe(`BKO-${year}-0002`);
    if (!a.ok) return;
    const detail = await referrals.get(a.value.id);
    expect(detail?.events.map((e) => e.type)).toEqual(['created']);
    const changes = (await db.changes.toArray()).filter((c) => c.recordId === a.value.id).length;
    expect(changes).toBe(1);
    expect((await db.audit.toArray()).map((e) => e.action)).toContain('referral.create');
  });

  it('refuses "sent" without consent, then sends once consent names the service', async () => {
    const db = open();
    const { referrals, service } = await setUp(db);
    const r = await referrals.create(draft(service.id));
    if (!r.ok) throw new Error();
    expect(await referrals.act(r.value.id, 'send')).toEqual({
      ok: false,
      error: 'referrals.gate.noConsent',
    });
    expect((await referrals.get(r.value.id))?.referral.state).toBe('draft');
    expect(
      (await referrals.recordConsent(r.value.id, consentFor(service.id, 'Aminata K.'))).ok,
    ).toBe(true);
    const sent = await referrals.act(r.value.id, 'send');
    expect(sent.ok && sent.referral.state).toBe('sent');
    expect(await referrals.act(r.value.id, 'complete')).toMatchObject({ ok: false });
    const detail = await referrals.get(r.value.id);
    expect(detail?.events.map((e) => e.type)).toEqual(['created', 'consent', 'sent']);
    expect(JSON.stringify(detail?.events)).not.toContain('Aminata');
    expect(await referrals.revealName(r.value.id)).toBe('Aminata K.');
    expect((await db.audit.toArray()).map((e) => e.action)).toContain('referral.revealName');
  });

  it('refuses a letter without consent and draws no number for it', async () => {
    const db = open();
    const { referrals, letters, service } = await setUp(db);
    const r = await referrals.create(draft(service.id));
    if (!r.ok) throw new Error();
    expect(await letters.issue(r.value.id, options)).toEqual({
      ok: false,
      error: 'referrals.gate.noConsent',
    });
    expect(await letters.nextReference()).toBe(`MRN/BKO-1/${year}/0001`);
    await referrals.recordConsent(r.value.id, consentFor(service.id));
    const issued = await letters.issue(r.value.id, options);
    expect(issued.ok && issued.letter.reference).toBe(`MRN/BKO-1/${year}/0001`);
  });

  it('refuses a letter nobody can sign, and draws no number for it', async () => {
    const db = open();
    const { referrals, letters, service } = await setUp(db);
    const r = await referrals.create(draft(service.id));
    if (!r.ok) throw new Error();
    await referrals.recordConsent(r.value.id, consentFor(service.id));
    const unsigned = { ...options, signatory: { name: ' ', title: options.signatory.title } };
    expect(await letters.issue(r.value.id, unsigned)).toEqual({
      ok: false,
      error: 'ux.letters.incomplete',
    });
    await letters.saveLetterhead({ ...fixtureLetterhead(), place: '' });
    expect(await letters.issue(r.value.id, options)).toEqual({
      ok: false,
      error: 'ux.letters.incomplete',
    });
    expect(await letters.nextReference()).toBe(`MRN/BKO-1/${year}/0001`);
    await letters.saveLetterhead(fixtureLetterhead());
    const issued = await letters.issue(r.value.id, options);
    expect(issued.ok && issued.letter.reference).toBe(`MRN/BKO-1/${year}/0001`);
  });

  it('never gives two letters the same reference, even issued all at once from two windows', async () => {
    const name = testDbName('referrals-concurrent');
    const db = open(name);
    const { referrals, letters, service } = await setUp(db);
    const r = await referrals.create(draft(service.id));
    if (!r.ok) throw new Error();
    await referrals.recordConsent(r.value.id, consentFor(service.id));
    // A second connection to the same database, as a second window would have.
    const other = createLettersRepository(open(name), actor, undefined, key);
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) => (i % 2 ? other : letters).issue(r.value.id, options)),
    );
    const refs = results.map((x) => (x.ok ? x.letter.reference : x.error));
    expect(new Set(refs).size).toBe(24);
    expect([...refs].sort()).toEqual(
      Array.from({ length: 24 }, (_, i) => `MRN/BKO-1/${year}/${String(i + 1).padStart(4, '0')}`),
    );
    const history = await referrals.get(r.value.id);
    expect(history?.letters).toHaveLength(24);
    expect(history?.events.filter((e) => e.type === 'letterIssued')).toHaveLength(24);
  });

  it('case codes stay unique under concurrent creation', async () => {
    const db = open();
    const { referrals, service } = await setUp(db);
    const made = await Promise.all(
      Array.from({ length: 15 }, () => referrals.create(draft(service.id))),
    );
    const codes = made.map((m) => (m.ok ? m.value.caseCode : ''));
    expect(new Set(codes).size).toBe(15);
  });

  it('regenerates a stored letter identically after the directory and letterhead change', async () => {
    const db = open();
    const { referrals, letters, service } = await setUp(db);
    const r = await referrals.create(draft(service.id));
    if (!r.ok) throw new Error();
    await referrals.recordConsent(r.value.id, consentFor(service.id));
    const issued = await letters.issue(r.value.id, options);
    if (!issued.ok) throw new Error(issued.error);
    const html = renderLetterHtml(issued.letter.model);
    const docx = await renderLetterDocx(issued.letter.model);
    await createDirectoryRepository(db, actor).update(service.id, {
      organizationName: 'Autre organisation',
      name: 'Nom changé',
      category: 'shelter',
      adminAreaCode: 'ML-4',
    });
    await letters.saveLetterhead({ ...fixtureLetterhead(), place: 'Kati' });
    const stored = await letters.getLetter(issued.letter.id);
    expect(renderLetterHtml(stored!.model)).toBe(html);
    const { unzipSync, strFromU8 } = await import('fflate');
    const xml = (b: Uint8Array) => strFromU8(unzipSync(b)['word/document.xml']!);
    expect(xml(await renderLetterDocx(stored!.model))).toBe(xml(docx));
    expect(await letters.recordFile(issued.letter.id, 'pdf', 'MRN-BKO.pdf')).toBe(true);
    const events = (await referrals.get(r.value.id))?.events ?? [];
    expect(events.at(-1)).toMatchObject({
      type: 'letterFile',
      format: 'pdf',
      fileName: 'MRN-BKO.pdf',
      by: 'Awa Coordinatrice',
    });
  });

  it('a v1 database with data opens through the current schema, and referral tables work', async () => {
    const name = testDbName('referrals-upgrade');
    const v1 = new Dexie(name);
    v1.version(1).stores(STORES_V1);
    const now = new Date().toISOString();
    await v1.table('settings').put({
      key: 'office',
      value: { country: 'ML', officeCode: 'BKO', officeName: 'Bureau', userName: 'Awa' },
    });
    await v1.table('organizations').put({
      id: crypto.randomUUID(),
      office: 'BKO',
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
      demo: false,
      name: 'Org',
    });
    v1.close();
    const db = open(name);
    expect(await db.organizations.count()).toBe(1);
    expect((await db.settings.get('office'))?.value).toMatchObject({ officeCode: 'BKO' });
    const { referrals, service } = await setUp(db);
    expect((await referrals.create(draft(service.id))).ok).toBe(true);
    expect(await referralTables(db).referrals.count()).toBe(1);
    expect(await db.organizations.count()).toBe(2);
  });

  it('checks permissions itself: the administrator reads no case, a shelter manager only theirs', async () => {
    const db = open();
    const { referrals, service } = await setUp(db);
    const r = await referrals.create(draft(service.id));
    if (!r.ok) throw new Error();
    const as =
      (role: Subject['role'], shelterServiceIds: string[] = []) =>
      () => ({ role, shelterServiceIds });
    const admin = createReferralsRepository(db, actor, as('administrator'), key);
    expect(await admin.list()).toEqual([]);
    expect(await admin.get(r.value.id)).toBeUndefined();
    expect(await admin.create(draft(service.id))).toEqual({
      ok: false,
      errors: { _: NOT_ALLOWED },
    });
    const elsewhere = createReferralsRepository(
      db,
      actor,
      as('shelter_manager', [crypto.randomUUID()]),
      key,
    );
    expect(await elsewhere.list()).toEqual([]);
    expect(await elsewhere.act(r.value.id, 'withdraw', 'raison')).toEqual({
      ok: false,
      error: NOT_ALLOWED,
    });
    const theirs = createReferralsRepository(db, actor, as('shelter_manager', [service.id]), key);
    expect((await theirs.list()).map((x) => x.id)).toEqual([r.value.id]);
    const letters = createLettersRepository(db, actor, as('shelter_manager', [service.id]), key);
    expect(await letters.issue(r.value.id, options)).toEqual({ ok: false, error: NOT_ALLOWED });
    expect(
      (await createLettersRepository(db, actor, as('coordinator')).saveLetterhead({})).ok,
    ).toBe(false);
  });
});

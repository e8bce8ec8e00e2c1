/**
 * Screenings (issue 16): the office's form (indicators, rules, needs: settings, per office),
 * the screenings recorded (sealed at rest like referral case data, never replicated) and the
 * referral a screening becomes. Permissions are checked here, whatever the screen showed:
 * `screening.use` to screen and refer, `screening.configure` to change the form; a worker reads
 * only their own screenings, and through them the referrals and letters they made.
 */
import type { Subject } from '@shared/domain/accounts/permissions';
import { can } from '@shared/domain/accounts/permissions';
import { assess, referralDraftFrom } from '@shared/domain/screening/assess';
import { nextVersion, sameForm } from '@shared/domain/screening/editor';
import type { Localized } from '@shared/domain/screening/core';
import type {
  ScreeningContent,
  ScreeningInputDraft,
  ScreeningRecord,
  ScreeningSet,
} from '@shared/domain/screening/schema';
import {
  screeningInputSchema,
  screeningRecordSchema,
  screeningSetSchema,
} from '@shared/domain/screening/schema';
import {
  screeningCells,
  screeningCountsSchema,
  type ScreeningCounts as StatScreeningCounts,
} from '@shared/domain/statistics/screenings';
import type { ReferralState } from '@shared/domain/referrals/schema';
import { z } from 'zod';
import type { Result } from '@shared/domain/validation';
import { fieldErrors } from '@shared/domain/validation';
import shippedSet from '../../../resources/screening/default.json';
import type { PasserelleDb } from '../db';
import type { Actor } from '../journal';
import { auditView, journal } from '../journal';
import { NOT_ALLOWED, openReferral, referralTables, summaryOf } from './referralRows';
import { createReferralsRepository } from './referrals';
import type { StoredRow } from './referralsAtRest';
import { openRow, sealRow } from './referralsAtRest';
import { screeningTable } from './screeningOwner';

const CONFIG = 'screening';
/** Replaced forms, one settings row per version: `screening.form.v3`. Never replicated. */
const FORM_ARCHIVE = 'screening.form.v';

/** The office's screening settings: its form, and where "the office" is on the map. */
export const screeningConfigSchema = z.object({
  set: screeningSetSchema,
  /** ISO 3166-2 region the office sits in: the origin "from the office" ranks from. */
  officeArea: z
    .string()
    .regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/)
    .nullable()
    .default(null),
});
export type ScreeningConfig = z.infer<typeof screeningConfigSchema>;

/** A referral a screening led to, as the worker's history names it. */
export type ScreeningReferral = { id: string; caseCode: string; state: ReferralState };
/** One of the worker's screenings and the referrals it led to. */
export type ScreeningSummary = { record: ScreeningRecord; referrals: ScreeningReferral[] };

let shipped: ScreeningSet | undefined;
/**
 * The shipped form, parsed like any other (a broken resource fails loudly, at first use): on
 * first use, not with the window, which starts on the directory (issue 15, cold start).
 */
export const defaultSet = (): ScreeningSet => (shipped ??= screeningSetSchema.parse(shippedSet));

export const createScreeningRepository = (
  db: PasserelleDb,
  actor: () => Actor,
  subject: () => (Subject & { id: string }) | null,
  dataKey: () => CryptoKey | null,
) => {
  // The same checks as every referral: the screening only adds its own right to create one.
  const referrals = createReferralsRepository(db, actor, subject, dataKey);
  const table = screeningTable(db);
  const may = (action: 'screening.use' | 'screening.configure') => can(subject(), action);

  const getConfig = async (): Promise<ScreeningConfig> => {
    const parsed = screeningConfigSchema.safeParse((await db.settings.get(CONFIG))?.value);
    return parsed.success ? parsed.data : { set: defaultSet(), officeArea: null };
  };

  /**
   * An administrator's form, whole or refused whole (the editor, a JSON upload, the office's
   * region). A form whose questions, rules or needs changed is saved as a NEW version, above
   * every version used here, and the one it replaces is kept (formAt), so a past screening
   * still reads with the questions it was made with.
   */
  const saveConfig = async (input: unknown): Promise<Result<ScreeningConfig>> => {
    if (!may('screening.configure')) return { ok: false, errors: { _: NOT_ALLOWED } };
    const parsed = screeningConfigSchema.safeParse(input);
    if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
    const saved = await db.transaction('rw', [db.settings, db.audit], async () => {
      const config = await versioned(parsed.data);
      await db.settings.put({ key: CONFIG, value: config });
      await journal(
        db,
        actor(),
        [
          {
            table: 'settings',
            recordId: CONFIG,
            op: 'put',
            action: 'settings.screening',
            detail: `v${config.set.version}`,
          },
        ],
        { replicate: false },
      );
      return config;
    });
    return { ok: true, value: saved };
  };

  /** Back to the shipped form: a new version too when the office's form differed from it. */
  const resetConfig = async (): Promise<Result<ScreeningConfig>> =>
    saveConfig({ set: defaultSet(), officeArea: (await getConfig()).officeArea });

  // ---- Form versions (the editor's) --------------------------------------------------------

  /**
   * Inside saveConfig's transaction: the config to store. Unchanged questions, rules and needs
   * keep the current version; otherwise the current form is archived and the new one takes the
   * next version number.
   */
  const versioned = async (next: ScreeningConfig): Promise<ScreeningConfig> => {
    const current = await getConfig();
    if (sameForm(next.set, current.set))
      return { ...next, set: { ...next.set, version: current.set.version } };
    const archived = await archivedVersions();
    await db.settings.put({ key: `${FORM_ARCHIVE}${current.set.version}`, value: current.set });
    const version = nextVersion(current.set.version, archived);
    return { ...next, set: { ...next.set, version } };
  };

  const archivedVersions = async (): Promise<number[]> =>
    (await db.settings.where('key').startsWith(FORM_ARCHIVE).primaryKeys()).map((k) =>
      Number(String(k).slice(FORM_ARCHIVE.length)),
    );

  /**
   * The form as it was at `version` (the current one, a replaced one kept, or the shipped one
   * for version 1 before any change): what a past screening is read with. A form holds no case
   * data; anyone who screens or configures may read it.
   */
  const formAt = async (version: number): Promise<ScreeningSet | undefined> => {
    if (!may('screening.use') && !may('screening.configure')) return undefined;
    const { set } = await getConfig();
    if (set.version === version) return set;
    const kept = screeningSetSchema.safeParse(
      (await db.settings.get(`${FORM_ARCHIVE}${version}`))?.value,
    );
    if (kept.success) return kept.data;
    return version === defaultSet().version ? defaultSet() : undefined;
  };

  const open = async (row: StoredRow): Promise<ScreeningRecord> =>
    screeningRecordSchema.parse(await openRow(dataKey(), 'screenings', row));

  /** A screening of this worker's (no one reads another's), opened. */
  const get = async (id: string): Promise<ScreeningRecord | undefined> => {
    const who = subject();
    if (!who || !may('screening.use')) return undefined;
    const row = await table.get(id);
    if (!row || row.userId !== who.id) return undefined;
    return open(row);
  };

  const put = async (record: ScreeningRecord, action: string) => {
    const sealed = await sealRow(dataKey(), 'screenings', screeningRecordSchema.parse(record));
    await db.transaction('rw', [table, db.audit], async () => {
      await table.put(sealed);
      await journal(
        db,
        actor(),
        [{ table: 'screenings', recordId: record.id, op: 'put', action }],
        {
          replicate: false,
        },
      );
    });
  };

  /**
   * Records a screening, assessed with the office's form as it is now; with `id`, replaces one
   * of the worker's that led to no referral yet (the answers corrected before referring).
   */
  const save = async (
    draft: ScreeningInputDraft,
    id?: string,
  ): Promise<Result<ScreeningRecord>> => {
    const who = subject();
    if (!who || !may('screening.use')) return { ok: false, errors: { _: NOT_ALLOWED } };
    const parsed = screeningInputSchema.safeParse(draft);
    if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
    const { set } = await getConfig();
    const content: ScreeningContent = { input: parsed.data, assessment: assess(set, parsed.data) };
    const existing = id ? await get(id) : undefined;
    if (id && (!existing || existing.referralIds.length > 0))
      return { ok: false, errors: { _: NOT_ALLOWED } };
    const record: ScreeningRecord = existing
      ? { ...existing, content }
      : {
          id: crypto.randomUUID(),
          office: actor().office,
          userId: who.id,
          createdAt: new Date().toISOString(),
          referralIds: [],
          content,
        };
    await put(record, existing ? 'screening.update' : 'screening.create');
    return { ok: true, value: record };
  };

  /**
   * Refers the screened person to one service for some of the needs: the referral is created
   * with the HTCDS case fields and the assessment filled from the screening, and the screening
   * records it, in one transaction. Consent, sending and the letter follow as for any referral.
   */
  const refer = async (
    screeningId: string,
    serviceId: string,
    needIds: readonly string[],
    lang: keyof Localized,
  ): Promise<Result<{ referralId: string; caseCode: string }>> => {
    const screening = await get(screeningId);
    if (!screening) return { ok: false, errors: { _: NOT_ALLOWED } };
    const { set } = await getConfig();
    const { input, assessment } = screening.content;
    const needs = set.needs.filter((n) => needIds.includes(n.id));
    const draft = referralDraftFrom(assessment, input, needs, serviceId, lang);
    const created = await referrals.create(draft, (referralId) =>
      sealRow(dataKey(), 'screenings', {
        ...screening,
        referralIds: [...screening.referralIds, referralId],
      }),
    );
    if (!created.ok) return created;
    return { ok: true, value: { referralId: created.value.id, caseCode: created.value.caseCode } };
  };

  /** A referral this worker made from a screening, opened (their only way to it). */
  const referralOf = async (screeningId: string, referralId: string) => {
    const screening = await get(screeningId);
    if (!screening?.referralIds.includes(referralId)) return undefined;
    const t = referralTables(db);
    const row = await t.referrals.get(referralId);
    if (!row || row.deletedAt !== null) return undefined;
    const [referral, view] = await Promise.all([
      openReferral(dataKey(), row),
      referrals.serviceView(String(row.serviceId)),
    ]);
    const letters = await t.letters.where('referralId').equals(referralId).toArray();
    return {
      referral,
      view,
      letters: letters.map((l) => ({ id: l.id, reference: String(l.reference) })),
    };
  };

  // ---- A worker's own screenings (history) -------------------------------------------------

  /** What the history shows of a referral a screening led to (readable fields, no case data). */
  const referralsOf = async (ids: readonly string[]): Promise<ScreeningReferral[]> => {
    const rows = await referralTables(db).referrals.bulkGet([...ids]);
    return rows.flatMap((row) => {
      if (!row || row.deletedAt !== null) return [];
      const s = summaryOf(row);
      return [{ id: s.id, caseCode: s.caseCode, state: s.state }];
    });
  };

  /**
   * The worker's own screenings, newest first, opened: no one lists another's, and an
   * administrator (who reads no case data) has no screening right at all. Reading the list is
   * not a view of one; opening one is audited (`view`).
   */
  const mine = async (): Promise<ScreeningSummary[]> => {
    const who = subject();
    if (!who || !may('screening.use')) return [];
    const rows = await table.where('userId').equals(who.id).toArray();
    const records = await Promise.all(rows.map(open));
    records.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return Promise.all(
      records.map(async (record) => ({ record, referrals: await referralsOf(record.referralIds) })),
    );
  };

  /**
   * One of the worker's screenings, opened to be read, and the view audited like any case
   * view (who, when, which screening). Call when a screen opens it, not from a live query.
   */
  const view = async (id: string): Promise<ScreeningSummary | undefined> => {
    const record = await get(id);
    if (!record) return undefined;
    await auditView(db, actor(), { table: 'screenings', recordId: id, action: 'screening.view' });
    return { record, referrals: await referralsOf(record.referralIds) };
  };

  /**
   * For the statistics screen only (issue 14 × 16), apart from everything above: the office's
   * screenings as counts per day, outcome, groups found and suggestion (`screeningCells`). No
   * answer, worker, id or time of day leaves this function. Checked here, not on the screen:
   * whoever may view statistics (aggregates only, so not a view of case data, not audited).
   */
  const statisticsCounts = async (): Promise<StatScreeningCounts> => {
    if (!can(subject(), 'statistics.view')) throw new Error(NOT_ALLOWED);
    const office = actor().office;
    const rows = (await table.toArray()).filter((r) => r.office === office);
    const records = await Promise.all(rows.map(open));
    return screeningCountsSchema.parse({
      office,
      region: (await getConfig()).officeArea,
      cells: screeningCells(records),
    });
  };

  return {
    getConfig,
    saveConfig,
    resetConfig,
    formAt,
    get,
    save,
    refer,
    referralOf,
    mine,
    view,
    statisticsCounts,
  };
};

export type ScreeningRepository = ReturnType<typeof createScreeningRepository>;

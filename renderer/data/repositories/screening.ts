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
import { screeningCounts, type ScreeningCounts } from '@shared/domain/screening/statistics';
import {
  screeningCells,
  screeningCountsSchema,
  type ScreeningCounts as StatScreeningCounts,
} from '@shared/domain/statistics/screenings';
import { z } from 'zod';
import type { Result } from '@shared/domain/validation';
import { fieldErrors } from '@shared/domain/validation';
import defaultSet from '../../../resources/screening/default.json';
import type { PasserelleDb } from '../db';
import type { Actor } from '../journal';
import { journal } from '../journal';
import { NOT_ALLOWED, openReferral, referralTables } from './referralRows';
import { createReferralsRepository } from './referrals';
import type { StoredRow } from './referralsAtRest';
import { openRow, sealRow } from './referralsAtRest';
import { screeningTable } from './screeningOwner';

const CONFIG = 'screening';

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

/** The shipped form, parsed like any other (a broken resource fails loudly, at first use). */
export const DEFAULT_SET: ScreeningSet = screeningSetSchema.parse(defaultSet);

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
    return parsed.success ? parsed.data : { set: DEFAULT_SET, officeArea: null };
  };

  /** An administrator's form, whole or refused whole (a JSON upload or the settings screen). */
  const saveConfig = async (input: unknown): Promise<Result<ScreeningConfig>> => {
    if (!may('screening.configure')) return { ok: false, errors: { _: NOT_ALLOWED } };
    const parsed = screeningConfigSchema.safeParse(input);
    if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
    await db.transaction('rw', [db.settings, db.audit], async () => {
      await db.settings.put({ key: CONFIG, value: parsed.data });
      await journal(
        db,
        actor(),
        [
          {
            table: 'settings',
            recordId: CONFIG,
            op: 'put',
            action: 'settings.screening',
            detail: `v${parsed.data.set.version}`,
          },
        ],
        { replicate: false },
      );
    });
    return { ok: true, value: parsed.data };
  };

  const resetConfig = async (): Promise<Result<ScreeningConfig>> =>
    saveConfig({ set: DEFAULT_SET, officeArea: (await getConfig()).officeArea });

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

  /**
   * Counts for the statistics screen (screeningCounts): every screening of the office, opened
   * with the data key. Who may see statistics is the statistics screen's to decide.
   */
  const counts = async (period?: { from?: string; to?: string }): Promise<ScreeningCounts> =>
    screeningCounts(await Promise.all((await table.toArray()).map(open)), period);

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
    get,
    save,
    refer,
    referralOf,
    counts,
    statisticsCounts,
  };
};

export type ScreeningRepository = ReturnType<typeof createScreeningRepository>;

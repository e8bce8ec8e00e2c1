/**
 * Statistics (issue 14): the only reader of case fields that gives back no case. It opens this
 * office's referrals with the data key (they are sealed at rest), turns each into a fact that
 * holds dimension values and an opaque person number, and hands out facts and aggregates, never
 * a referral. So viewing statistics is not a view of case data (not audited, and open to the
 * administrator, who reads no case file); exporting them is audited.
 */
import { z } from 'zod';
import { can, type Action, type Subject } from '@shared/domain/accounts/permissions';
import { capacityEventSchema, type CapacityPopulation } from '@shared/domain/capacity/schema';
import { bedStatistics, type BedRegion } from '@shared/domain/statistics/beds';
import { referralFact, type StatFact } from '@shared/domain/statistics/facts';
import { anonymise, htcdsRow, type HtcdsExport } from '@shared/domain/statistics/htcds';
import {
  AGGREGATES_TABLE,
  aggregateDocSchema,
  aggregatesByPeriod,
  type AggregateDoc,
} from '@shared/domain/statistics/published';
import { DEFAULT_THRESHOLD, MIN_THRESHOLD } from '@shared/domain/statistics/suppress';
import type { PasserelleDb } from '../db';
import { auditView, journal, type Actor } from '../journal';
import { CAPACITY_TABLE } from './capacity';
import { NOT_ALLOWED, openReferral, referralTables } from './referralRows';
import { createSettingsRepository } from './settings';

const SETTINGS_KEY = 'statistics';

export const statisticsSettingsSchema = z.object({
  /** Cells under this are shown "< k"; an administrator may lower it, never under 5. */
  threshold: z.number().int().min(MIN_THRESHOLD).max(DEFAULT_THRESHOLD).default(DEFAULT_THRESHOLD),
  /** A regional office's region (ISO 3166-2): it then sees that region only. */
  region: z
    .string()
    .regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/)
    .nullable()
    .default(null),
});
export type StatisticsSettings = z.infer<typeof statisticsSettingsSchema>;

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf', 'htcds-csv', 'htcds-xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class StatisticsNotAllowed extends Error {
  constructor() {
    super(NOT_ALLOWED);
  }
}

export const createStatisticsRepository = (
  db: PasserelleDb,
  actor: () => Actor,
  subject: () => Subject | null,
  dataKey: () => CryptoKey | null,
) => {
  const check = (action: Action) => {
    if (!can(subject(), action)) throw new StatisticsNotAllowed();
  };

  const settings = async (): Promise<StatisticsSettings> => {
    const row = await db.settings.get(SETTINGS_KEY);
    const parsed = statisticsSettingsSchema.safeParse(row?.value ?? {});
    return parsed.success ? parsed.data : statisticsSettingsSchema.parse({});
  };

  /** Administrators only; audited like every settings change. */
  const saveSettings = async (input: unknown): Promise<StatisticsSettings> => {
    check('settings.manage');
    const value = statisticsSettingsSchema.parse(input);
    await db.transaction('rw', [db.settings, db.audit], async () => {
      await db.settings.put({ key: SETTINGS_KEY, value });
      await journal(
        db,
        actor(),
        [
          {
            table: 'settings',
            recordId: SETTINGS_KEY,
            op: 'put',
            action: 'settings.statistics',
            detail: `k=${value.threshold} region=${value.region ?? '-'}`,
          },
        ],
        { replicate: false },
      );
    });
    return value;
  };

  /**
   * This office's own referrals, opened (another office's referrals it received are that
   * office's to count), with the receiving service's category, organisation and region.
   */
  const ownReferrals = async () => {
    const office = actor().office;
    const { referrals } = referralTables(db);
    const rows = await referrals.where('office').equals(office).toArray();
    const services = new Map((await db.services.toArray()).map((s) => [s.id, s] as const));
    const locations = new Map((await db.locations.toArray()).map((l) => [l.id, l] as const));
    const key = dataKey();
    const out = [];
    for (const row of rows) {
      if (row.deletedAt !== null && row.deletedAt !== undefined) continue;
      const referral = await openReferral(key, row);
      const service = services.get(referral.serviceId);
      // The service's first located place: its region and, where recorded, its district.
      const place = service?.locationIds
        .map((id) => locations.get(id)?.address)
        .find((a) => a?.adminAreaCode.includes('-'));
      const side = service && {
        category: service.category,
        organizationId: service.organizationId,
        region: place?.adminAreaCode ?? '',
        district: place?.districtCode ?? '',
      };
      out.push({ referral, side });
    }
    return out;
  };

  /**
   * The facts of this office's referrals. Person keys are replaced by numbers that mean nothing
   * outside this call, so no name leaves this function.
   */
  const facts = async (): Promise<StatFact[]> => {
    check('statistics.view');
    const profile = await createSettingsRepository(db).getOffice();
    const persons = new Map<string, string>();
    const out: StatFact[] = [];
    for (const { referral, side } of await ownReferrals()) {
      const fact = referralFact(referral, side, profile?.country ?? '');
      if (!fact) continue;
      let n = persons.get(fact.personKey);
      if (n === undefined) persons.set(fact.personKey, (n = String(persons.size + 1)));
      out.push({ ...fact, personKey: n });
    }
    return out;
  };

  /** The de-identified HTCDS rows (k-anonymous); only for roles that may export. */
  const htcds = async (): Promise<HtcdsExport> => {
    check('statistics.export');
    const rows = (await ownReferrals())
      .filter(({ referral }) => referral.state !== 'draft')
      .map(({ referral, side }) => htcdsRow(referral, side));
    return anonymise(rows, (await settings()).threshold);
  };

  /** Beds by region over a period (capacity.view is part of statistics.view's roles). */
  const beds = async (
    range: { from: string; to: string },
    options: { population?: CapacityPopulation } = {},
  ): Promise<BedRegion[]> => {
    check('statistics.view');
    const events = (await db.table(CAPACITY_TABLE).toArray())
      .map((e) => capacityEventSchema.safeParse(e))
      .flatMap((p) => (p.success ? [p.data] : []));
    const services = (await db.services.toArray()).filter(
      (s) => s.category === 'shelter' && s.deletedAt === null,
    );
    const locations = new Map((await db.locations.toArray()).map((l) => [l.id, l] as const));
    const shelters = services.map((s) => ({
      serviceId: s.id,
      region:
        s.locationIds
          .map((id) => locations.get(id)?.address?.adminAreaCode ?? '')
          .find((c) => c.includes('-')) ?? 'unknown',
    }));
    const prefs = await createSettingsRepository(db).getPreferences();
    return bedStatistics(events, shelters, range, {
      staleAfterHours: prefs.staleAfterHours,
      population: options.population,
      now: new Date().toISOString(),
    });
  };

  /**
   * Publishes this office's aggregates (one document per year, quarter and month it has
   * referrals in), for the offices it syncs with: counts only. Each document replaces this
   * office's earlier one for the period (same id), in one journalled transaction.
   */
  const publish = async (): Promise<number> => {
    check('statistics.export');
    const office = actor().office;
    const byPeriod = aggregatesByPeriod(await facts());
    const table = db.table<AggregateDoc, string>(AGGREGATES_TABLE);
    const now = new Date().toISOString();
    await db.transaction('rw', [table, db.changes, db.audit], async () => {
      const existing = new Map(
        (await table.where('office').equals(office).toArray()).map((d) => [d.period, d] as const),
      );
      const docs = [...byPeriod].map(([period, cells]) => {
        const before = existing.get(period);
        return aggregateDocSchema.parse({
          id: before?.id ?? crypto.randomUUID(),
          office,
          createdAt: before?.createdAt ?? now,
          updatedAt: now,
          period,
          cells,
        });
      });
      await table.bulkPut(docs);
      await journal(
        db,
        actor(),
        docs.map((d) => ({
          table: AGGREGATES_TABLE,
          recordId: d.id,
          op: 'put' as const,
          action: 'statistics.publish',
          detail: d.period,
        })),
        {
          auditSummary: {
            action: 'statistics.publish',
            table: AGGREGATES_TABLE,
            recordId: office,
            detail: String(docs.length),
          },
        },
      );
    });
    return byPeriod.size;
  };

  /**
   * Other offices' published aggregates (this office's own figures come from its records). A
   * regional office reads only its region's cells.
   */
  const published = async (): Promise<AggregateDoc[]> => {
    check('statistics.view');
    const office = actor().office;
    const { region } = await settings();
    return (await db.table<AggregateDoc, string>(AGGREGATES_TABLE).toArray())
      .map((d) => aggregateDocSchema.safeParse(d))
      .flatMap((p) => (p.success && p.data.office !== office ? [p.data] : []))
      .map((d) => (region ? { ...d, cells: d.cells.filter((c) => c.region === region) } : d));
  };

  /** Every export of statistics is in the audit trail: who, when, what, in which format. */
  const recordExport = async (format: ExportFormat, detail: string): Promise<void> => {
    check('statistics.export');
    await auditView(db, actor(), {
      table: 'statistics',
      recordId: format,
      action: 'statistics.export',
      detail,
    });
  };

  return { settings, saveSettings, facts, htcds, beds, recordExport, publish, published };
};

export type StatisticsRepository = ReturnType<typeof createStatisticsRepository>;

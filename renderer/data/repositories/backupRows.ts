/**
 * What a restored row must be (issue 13, hole 4): the same schemas every other write goes
 * through, per table, in the form rows are stored (case fields sealed at rest). A backup whose
 * row fails is refused whole, naming the table, the row and the field, before anything changes.
 *
 * Tables are closed: a table with rows and no schema here is refused too, so a table added
 * later cannot become a way round validation by forgetting it (add its schema here).
 */
import { z } from 'zod';
import { userSchema } from '@shared/domain/accounts/schema';
import { sealedSchema } from '@shared/domain/accounts/sealed';
import { capacityEventSchema } from '@shared/domain/capacity/schema';
import { locationSchema, organizationSchema, serviceSchema } from '@shared/domain/directory/schema';
import { autoBackupSettingsSchema } from '@shared/domain/exchange/autoBackup';
import { ExchangeError } from '@shared/domain/exchange/limits';
import { letterheadSchema } from '@shared/domain/letters/letterhead';
import { letterRecordSchema } from '@shared/domain/letters/model';
import { seriesAnnouncementSchema } from '@shared/domain/letters/series';
import { referralEventSchema, referralSchema } from '@shared/domain/referrals/schema';
import { officeProfileSchema, preferencesSchema } from '@shared/domain/settings/schema';
import { peerSchema } from '@shared/domain/sync/identity';
import { auditHeadSchema } from '@shared/domain/audit/heads';
import { customAreaSchema } from '@shared/domain/directory/customAreas';
import { screeningRecordSchema } from '@shared/domain/screening/schema';
import { aggregateDocSchema } from '@shared/domain/statistics/published';
import { AT_REST_FIELDS } from './referralsAtRest';

const text = z.string().max(10_000);
const atRest = z.record(z.string(), sealedSchema).optional();

/**
 * A referral-side schema as stored: its case fields sealed in `atRest` (or, older, in clear).
 * Built on first use, as the schemas it extends are (issue 15: not before the first screen).
 */
const stored = <S extends z.ZodObject>(source: S | z.ZodLazy<S>, table: string) =>
  z.lazy(() => {
    const schema = source instanceof z.ZodLazy ? source.unwrap() : source;
    const fields = AT_REST_FIELDS[table] ?? [];
    const optional = Object.fromEntries(
      fields.map((f) => [f, (schema.shape[f] as z.ZodType).optional()]),
    );
    return schema.extend({ ...optional, atRest });
  });

const keyed = z.looseObject({ key: z.string().min(1).max(200) });

/** Settings whose value has a schema of its own; other keys are checked as key/value only. */
const SETTING_VALUES: Record<string, z.ZodType> = {
  office: officeProfileSchema,
  preferences: preferencesSchema,
  autoBackup: autoBackupSettingsSchema,
  letterhead: letterheadSchema,
  keyring: z.object({ v: z.literal(1), check: sealedSchema }),
};
const settingRow = keyed.superRefine((row, ctx) => {
  const schema = SETTING_VALUES[row.key];
  if (!schema) return;
  const r = schema.safeParse(row.value);
  if (!r.success)
    for (const i of r.error.issues)
      ctx.addIssue({ code: 'custom', path: ['value', ...i.path], message: i.message });
});

const auditRow = z.looseObject({
  seq: z.number().int().positive(),
  at: text,
  actor: text,
  action: text,
  table: text,
  recordId: text,
  prev: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});

export const ROW_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  organizations: organizationSchema,
  // Restricted locations keep their address sealed at rest (atRest, see locationsAtRest.ts).
  locations: locationSchema.extend({ atRest }),
  services: serviceSchema,
  settings: settingRow,
  changes: z.looseObject({
    seq: z.number().int().positive(),
    table: text,
    recordId: text,
    recordIds: z.array(text).max(10_000).optional(),
    op: z.enum(['put', 'delete']),
    at: text,
    office: text,
  }),
  audit: auditRow,
  capacityEvents: capacityEventSchema,
  referrals: stored(referralSchema, 'referrals'),
  referralEvents: stored(referralEventSchema, 'referralEvents'),
  letters: stored(letterRecordSchema, 'letters'),
  referralCounters: z.object({ key: z.string().min(1).max(200), next: z.number().int().min(1) }),
  exchangeRuns: z.looseObject({
    id: z.string().min(1),
    at: text,
    kind: z.enum(['import', 'export', 'backup', 'restore']),
  }),
  users: userSchema,
  syncMeta: keyed,
  syncRevs: z.looseObject({ docId: z.string().min(1), rev: z.string().min(1) }),
  syncPeers: peerSchema,
  syncLog: z.looseObject({ at: text, kind: text }),
  syncConflicts: z.looseObject({ docId: z.string().min(1), revs: z.array(z.string()) }),
  syncFiles: z.looseObject({ name: z.string().min(1), status: text }),
  seriesAnnouncements: seriesAnnouncementSchema,
  auditHeads: auditHeadSchema,
  areas: customAreaSchema,
  screenings: stored(screeningRecordSchema, 'screenings'),
  statAggregates: aggregateDocSchema,
  // A cache of the directory (directoryVersion.ts), never exported: a file carrying rows for it
  // is refused, so no backup can plant a first page or a search index.
  directoryCache: z.never(),
};

const rowName = (row: unknown, index: number): string => {
  if (row && typeof row === 'object') {
    const r = row as Record<string, unknown>;
    for (const k of ['id', 'key', 'username', 'docId', 'seq', 'name'])
      if (typeof r[k] === 'string' || typeof r[k] === 'number') return String(r[k]);
  }
  return `#${index + 1}`;
};

/** Throws `backupRow` for the first row that fails its table's schema. */
export const checkRows = (tables: readonly { name: string; rows: readonly unknown[] }[]) => {
  for (const t of tables) {
    if (t.rows.length === 0) continue;
    const schema = ROW_SCHEMAS[t.name];
    if (!schema) throw new ExchangeError('backupRow', { table: t.name, row: '*', field: '*' });
    t.rows.forEach((row, i) => {
      const r = schema.safeParse(row);
      if (!r.success) {
        const issue = r.error.issues[0];
        throw new ExchangeError('backupRow', {
          table: t.name,
          row: rowName(row, i),
          field: issue?.path.join('.') || '*',
        });
      }
    });
  }
};

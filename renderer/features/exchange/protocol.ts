/**
 * Messages between the Import section and its check worker, each side parsing what it gets with
 * these schemas (a crafted message is refused). Since issue 17 the checked plan stays in the
 * worker: the window gets the report's counts and kinds, asks for pages of problems and for the
 * likely duplicates, sends fixes, and on confirm asks that same worker to write the plan it
 * holds (exchangeWrite.ts), with progress, and may cancel; the records never come through here.
 */
import { z } from 'zod';
import { serviceCategorySchema } from '@shared/domain/directory/schema';
import { DELIMITERS } from '@shared/domain/exchange/csv';
import { FLAT_FIELDS } from '@shared/domain/exchange/flat';
import { issuesPageSchema, reportSummarySchema } from '@shared/domain/exchange/reportView';
import { ENCODINGS } from '@shared/domain/exchange/text';
import { IMPORT_FORMATS } from '@shared/domain/exchange/types';
import type { ExchangeErrorParams } from '@shared/domain/exchange/limits';
import type { DistinctValues } from '@shared/domain/exchange/valueMatch';
import { CLOSED_FIELDS, valueMapSchema } from '@shared/domain/exchange/valueMatch';
import {
  duplicateSchema,
  writeCountsSchema,
  writeRequestSchema,
} from '../../data/repositories/exchangeWrite';

const short = z.string().max(200);
const count = z.number().int().nonnegative();
export const inputFileSchema = z.object({
  name: z.string().max(1000),
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array),
});
export const optionsSchema = z.object({
  encoding: z.enum(ENCODINGS),
  delimiter: z.enum(DELIMITERS).optional(),
  sheet: z.string().max(500).optional(),
  headerRow: z.number().int().min(1).optional(),
});
const mappingSchema = z.partialRecord(z.enum(FLAT_FIELDS), z.number().int().nonnegative());
export const flatFormat = z.enum(['csv', 'xlsx']);

export const workerRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('preview'),
    file: inputFileSchema,
    format: flatFormat,
    options: optionsSchema,
  }),
  z.object({
    type: z.literal('values'),
    file: inputFileSchema,
    format: flatFormat,
    options: optionsSchema,
    mapping: mappingSchema,
    country: short,
  }),
  z.object({
    type: z.literal('plan'),
    files: z.array(inputFileSchema).min(1),
    format: z.enum(IMPORT_FORMATS),
    options: optionsSchema,
    mapping: mappingSchema,
    values: valueMapSchema,
    /** 3W/5W: one service per organisation × sector × area. */
    presence: z.boolean(),
    context: z.object({
      office: short,
      country: short,
      now: short,
      defaultCategory: serviceCategorySchema,
      source: short.optional(),
    }),
  }),
  /** A page of the report's problems, of one kind ('' for all), in report order. */
  z.object({
    type: z.literal('issues'),
    kind: z.string().max(400),
    offset: count,
    limit: z.number().int().min(1),
  }),
  /** Likely duplicates against the directory, read by the worker in its own connection. */
  z.object({
    type: z.literal('duplicates'),
    dbName: z.string().min(1).max(200),
    dataKey: z
      .custom<CryptoKey>((v) => typeof CryptoKey !== 'undefined' && v instanceof CryptoKey)
      .nullable(),
  }),
  /** A fix from the report: swap one row's point (or every flagged one), or a category for all. */
  z.object({
    type: z.literal('fix'),
    fix: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('swap'), row: count.optional() }),
      z.object({ kind: z.literal('category'), category: serviceCategorySchema }),
    ]),
  }),
  /** Confirmed: write the plan held (`write`), or stop that write (`cancel`). */
  ...writeRequestSchema.options,
]);
export type WorkerRequest = z.infer<typeof workerRequestSchema>;

export type Failure = { code: string; params: ExchangeErrorParams };
export const failureSchema = z.object({
  code: z.string().max(100),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

const distinctSchema = z.partialRecord(
  z.enum(CLOSED_FIELDS),
  z.array(z.object({ value: z.string(), rows: count, match: z.array(z.string()).nullable() })),
);
const previewSchema = z.object({
  header: z.array(z.string()),
  hxl: z.array(z.string()).optional(),
  headerRow: z.number().int(),
  preview: z.array(z.array(z.string())),
  rowCount: count,
  signature: z.string(),
  suggested: mappingSchema,
  encoding: z.string().optional(),
  delimiter: z.string().optional(),
  sheets: z.array(z.object({ name: z.string(), hidden: z.boolean(), rows: count })).optional(),
  sheet: z.string().optional(),
});

/** A likely duplicate, with the imported service's name (the report names both sides). */
export const namedDuplicateSchema = duplicateSchema.extend({
  name: z.string(),
  existingName: z.string(),
});
export type NamedDuplicate = z.infer<typeof namedDuplicateSchema>;

export const workerResponseSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), done: count, total: count }),
  z.object({ type: z.literal('preview'), preview: previewSchema }),
  z.object({ type: z.literal('values'), values: distinctSchema }),
  /** The plan is checked and held in the worker: what the report shows of it. */
  z.object({ type: z.literal('checked'), summary: reportSummarySchema }),
  z.object({ type: z.literal('issues'), page: issuesPageSchema }),
  z.object({ type: z.literal('duplicates'), duplicates: z.array(namedDuplicateSchema) }),
  /** The plan is written, in one transaction; the worker holds nothing of it any more. */
  z.object({ type: z.literal('written'), counts: writeCountsSchema }),
  z.object({ type: z.literal('error'), failure: failureSchema }),
]);
export type WorkerResponse = z.infer<typeof workerResponseSchema>;

// The types the screens use are the schemas' own.
export type { DistinctValues };

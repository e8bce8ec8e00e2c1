/**
 * The check itself (issue 17): read the file, check every row, and pack the plan's parts as
 * they come (heldPlan.ts). In the app it runs in a worker of its own, started by the check
 * worker for this one check and ended as soon as the packed plan is handed back: all the check
 * left behind (the file's text, its rows, each row's drafts, ~300 MB at 200k rows, reclaimed by
 * V8 only at its next full collection) goes with that worker at once, and the check worker,
 * which holds the plan until the write, never had it. Tests run it in-process.
 */
import { z } from 'zod';
import { organizationSchema } from '@shared/domain/directory/schema';
import type { ReadWorkbook } from '@shared/domain/exchange/importFile';
import { planFlat, planHsds, readFlat } from '@shared/domain/exchange/importFile';
import type { ExchangeErrorCode } from '@shared/domain/exchange/limits';
import { EXCHANGE_ERROR_CODES, ExchangeError, toFailure } from '@shared/domain/exchange/limits';
import { planParts } from '@shared/domain/exchange/planParts';
import { issueSchema } from '@shared/domain/exchange/reportView';
import type { ImportPlan } from '@shared/domain/exchange/types';
import { IMPORT_FORMATS } from '@shared/domain/exchange/types';
import { badMessage } from '../../data/repositories/exchangeWrite';
import type { PackedPlan } from './heldPlan';
import { PART_SIZE, planPacker } from './heldPlan';
import type { Failure, WorkerRequest } from './protocol';
import { failureSchema, workerRequestSchema } from './protocol';

export type PlanRequest = Extract<WorkerRequest, { type: 'plan' }>;
export type RunDeps = {
  readXlsx: ReadWorkbook;
  /** The files' SHA-256 for the audit entry. */
  fingerprint: (files: { bytes: Uint8Array }[]) => Promise<string>;
};

/** Checks the file(s) of `req` and gives the plan packed. */
export const runCheck = async (
  req: PlanRequest,
  deps: RunDeps,
  progress: (done: number, total: number) => void,
  /** The request is this check's own: a flat file's bytes are let go once read. */
  own = false,
): Promise<PackedPlan> => {
  const context = { ...req.context, newId: () => crypto.randomUUID() };
  const packer = planPacker();
  const sha256 = await deps.fingerprint(req.files);
  let p: ImportPlan;
  if (req.format === 'csv' || req.format === 'xlsx') {
    const file = req.files[0]!;
    const table = await readFlat(file, req.format, req.options, deps.readXlsx);
    // Detached (ES2024 transfer, where there is one): the 26 MB of a 200k-row file are freed now
    // rather than after the check, as the text and rows read from them are all that is needed.
    if (own)
      (file.bytes.buffer as ArrayBuffer & { transfer?: (n: number) => unknown }).transfer?.(0);
    progress(0, table.rows.length);
    // A flat file's parts come while it is checked; a whole plan (HSDS, 3W/5W) is cut after.
    p = planFlat(table, file.name, req.format, req.mapping, context, progress, {
      values: req.values,
      presence: req.presence,
      ...(req.presence ? {} : { parts: { size: PART_SIZE, take: packer.add } }),
    });
  } else p = planHsds(req.files, req.format, context, progress);
  for (const part of p.services.length ? planParts(p, PART_SIZE) : []) packer.add(part);
  p.source.sha256 = sha256;
  return packer.packed(p);
};

const count = z.number().int().nonnegative();
/** The packed plan as the check's worker hands it back: its parts' bytes are transferred. */
export const packedPlanSchema = z.object({
  parts: z.array(
    z.object({
      bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array),
      borrowed: z.array(z.tuple([z.string(), count])),
    }),
  ),
  serviceCount: count,
  meta: z.object({
    source: z.object({
      name: z.string(),
      format: z.enum(IMPORT_FORMATS),
      encoding: z.string().optional(),
      delimiter: z.string().optional(),
      grouped: z.boolean().optional(),
      sha256: z.string().optional(),
    }),
    rowsRead: count,
    organizations: z.array(organizationSchema),
    issues: z.array(issueSchema),
    rejectedRows: z.array(z.number().int()),
  }),
});

export const runResponseSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), done: count, total: count }),
  z.object({ type: z.literal('packed'), plan: packedPlanSchema }),
  z.object({ type: z.literal('error'), failure: failureSchema }),
]);
export type RunResponse =
  | { type: 'progress'; done: number; total: number }
  | { type: 'packed'; plan: PackedPlan }
  | { type: 'error'; failure: Failure };

/** The check's worker: one `plan` request, answered with progress, then the plan or an error. */
export const createRunHost =
  (post: (m: RunResponse, transfer: Transferable[]) => void, deps: RunDeps) =>
  async (raw: unknown): Promise<void> => {
    try {
      const parsed = workerRequestSchema.safeParse(raw);
      if (!parsed.success) throw badMessage(parsed.error);
      if (parsed.data.type !== 'plan') throw badMessage(new z.ZodError([]));
      const plan = await runCheck(
        parsed.data,
        deps,
        (done, total) => post({ type: 'progress', done, total }, []),
        true,
      );
      post(
        { type: 'packed', plan },
        plan.parts.map((p) => p.bytes.buffer as ArrayBuffer),
      );
    } catch (err) {
      post({ type: 'error', failure: toFailure(err) }, []);
    }
  };

/** A failure heard from the check's worker, thrown again as what it was. */
export const fromFailure = (f: Failure): Error =>
  (EXCHANGE_ERROR_CODES as readonly string[]).includes(f.code)
    ? new ExchangeError(f.code as ExchangeErrorCode, f.params)
    : new Error(String(f.params.message ?? f.code));

/**
 * The check worker's work, without `self` (import.worker.ts wires it, tests drive it): have a
 * file checked (checkRun.ts, in a worker of its own in the app), then HOLD the plan (issue 17:
 * held once, here, in compact parts, heldPlan.ts) and answer what the report asks — pages of
 * problems, likely duplicates, fixes — until the user confirms; then write that very plan
 * (exchangeWrite.ts), so it is never copied to another worker, and keep nothing. Until the
 * write, nothing here writes to the database.
 */
import type { ReadWorkbook } from '@shared/domain/exchange/importFile';
import { previewFlat, readFlat } from '@shared/domain/exchange/importFile';
import { findDuplicatesInParts } from '@shared/domain/exchange/duplicates';
import { ExchangeError, toFailure } from '@shared/domain/exchange/limits';
import { errorsFirst, issuesPage, summarise } from '@shared/domain/exchange/reportView';
import {
  NO_CATEGORY,
  SWAPPED,
  applyCategory,
  applySwap,
  rowsWith,
} from '@shared/domain/exchange/reportFixes';
import type { Issue } from '@shared/domain/exchange/types';
import { distinctValues } from '@shared/domain/exchange/valueMatch';
import type { ServiceView } from '@shared/domain/directory/schema';
import type { PasserelleDb } from '../../data/db';
import { badMessage, createPlanWriter } from '../../data/repositories/exchangeWrite';
import type { WorkerResponse } from './protocol';
import { workerRequestSchema } from './protocol';
import type { HeldPlan, PackedPlan } from './heldPlan';
import { holdPacked, holdPlan } from './heldPlan';
import type { PlanRequest } from './checkRun';
import { runCheck } from './checkRun';

export type CheckDeps = {
  readXlsx: ReadWorkbook;
  /** The files' SHA-256 for the audit entry. */
  fingerprint: (files: { bytes: Uint8Array }[]) => Promise<string>;
  /** Every live service of the directory, read in the worker's own connection. */
  existingViews: (dbName: string, dataKey: CryptoKey | null) => Promise<ServiceView[]>;
  /** The write's own connection to the database. */
  open: (dbName: string) => PasserelleDb;
  /** The check, in a worker of its own (check.worker.ts); in-process (runCheck) without. */
  check?: (
    req: PlanRequest,
    progress: (done: number, total: number) => void,
  ) => Promise<PackedPlan>;
};

export const createCheckHost = (post: (m: WorkerResponse) => void, deps: CheckDeps) => {
  let plan: HeldPlan | undefined;
  let ordered: Issue[] = [];
  let writer: ((raw: unknown) => Promise<void>) | undefined;
  const progress = (done: number, total: number) => post({ type: 'progress', done, total });
  const held = () => {
    if (!plan) throw new ExchangeError('cancelled');
    return plan;
  };
  /** Held in parts (heldPlan.ts): the records of a 200k-row plan are not kept live. */
  const hold = (held: HeldPlan) => {
    plan = held;
    ordered = errorsFirst(held.issues);
    post({ type: 'checked', summary: summarise(held, ordered) });
  };
  const inProcess = (req: PlanRequest, onProgress: typeof progress) =>
    runCheck(req, deps, onProgress);

  return async (raw: unknown): Promise<void> => {
    try {
      const parsed = workerRequestSchema.safeParse(raw);
      if (!parsed.success) throw badMessage(parsed.error);
      const req = parsed.data;
      if (req.type === 'preview') {
        const table = await readFlat(req.file, req.format, req.options, deps.readXlsx);
        post({ type: 'preview', preview: previewFlat(table) });
      } else if (req.type === 'values') {
        const table = await readFlat(req.file, req.format, req.options, deps.readXlsx);
        post({ type: 'values', values: distinctValues(table.rows, req.mapping, req.country) });
      } else if (req.type === 'plan') {
        // A plan checked before (a new file, another mapping) is let go first.
        plan = undefined;
        ordered = [];
        hold(holdPacked(await (deps.check ?? inProcess)(req, progress)));
      } else if (req.type === 'issues') {
        held();
        post({ type: 'issues', page: issuesPage(ordered, req.kind, req.offset, req.limit) });
      } else if (req.type === 'duplicates') {
        const views = await deps.existingViews(req.dbName, req.dataKey);
        const p = held();
        const existing = new Map(views.map((v) => [v.service.id, v.service.name]));
        const found = findDuplicatesInParts(p.parts(), views);
        // Names of the few services found, read back part by part rather than kept for all.
        const wanted = new Set(found.map((d) => d.serviceId));
        const names = new Map<string, string>();
        if (wanted.size)
          for (const part of p.parts())
            for (const s of part.services) if (wanted.has(s.id)) names.set(s.id, s.name);
        post({
          type: 'duplicates',
          duplicates: found.map((d) => ({
            ...d,
            name: names.get(d.serviceId) ?? '',
            existingName: existing.get(d.existingId) ?? '',
          })),
        });
      } else if (req.type === 'fix') {
        const p = held().whole();
        const f = req.fix;
        hold(
          holdPlan(
            f.kind === 'swap'
              ? applySwap(p, f.row !== undefined ? new Set([f.row]) : rowsWith(p, SWAPPED))
              : applyCategory(p, rowsWith(p, NO_CATEGORY), f.category),
          ),
        );
      } else if (writer) {
        await writer(req);
      } else if (req.type === 'cancel') {
        // Nothing was begun: nothing to undo.
        throw new ExchangeError('cancelled');
      } else {
        // Confirmed: from here the plan is the writer's, and the report's problems are let go
        // (the write needs the records, not what was said about rows).
        const p: HeldPlan = { ...held(), issues: [] };
        plan = undefined;
        ordered = [];
        writer = createPlanWriter(p, post, deps.open);
        await writer(req);
      }
    } catch (err) {
      post({ type: 'error', failure: toFailure(err) });
    }
  };
};

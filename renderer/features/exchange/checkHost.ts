/**
 * The check worker's work, without `self` (import.worker.ts wires it, tests drive it): parse and
 * check a file, then HOLD the plan (issue 17: held once, here) and answer what the report asks —
 * pages of problems, likely duplicates, fixes — until the user confirms; then give the plan away
 * part by part on the port the window handed over, to the write worker, with backpressure, and
 * keep nothing. Nothing here writes to the database.
 */
import type { ReadWorkbook } from '@shared/domain/exchange/importFile';
import { planFlat, planHsds, previewFlat, readFlat } from '@shared/domain/exchange/importFile';
import { findDuplicates } from '@shared/domain/exchange/duplicates';
import { ExchangeError, toFailure } from '@shared/domain/exchange/limits';
import { drainPlan, planAckSchema, planSender } from '@shared/domain/exchange/planStream';
import { errorsFirst, issuesPage, summarise } from '@shared/domain/exchange/reportView';
import {
  NO_CATEGORY,
  SWAPPED,
  applyCategory,
  applySwap,
  rowsWith,
} from '@shared/domain/exchange/reportFixes';
import type { ImportPlan, Issue } from '@shared/domain/exchange/types';
import { distinctValues } from '@shared/domain/exchange/valueMatch';
import type { ServiceView } from '@shared/domain/directory/schema';
import { badMessage } from '../../data/repositories/exchangeWrite';
import type { WorkerResponse } from './protocol';
import { workerRequestSchema } from './protocol';

export type CheckDeps = {
  readXlsx: ReadWorkbook;
  /** The files' SHA-256 for the audit entry. */
  fingerprint: (files: { bytes: Uint8Array }[]) => Promise<string>;
  /** Every live service of the directory, read in the worker's own connection. */
  existingViews: (dbName: string, dataKey: CryptoKey | null) => Promise<ServiceView[]>;
};

/** Plan's parts per message on the port: each cloned in one short task on both sides. */
export const STREAM_PART_SIZE = 250;

export const createCheckHost = (post: (m: WorkerResponse) => void, deps: CheckDeps) => {
  let plan: ImportPlan | undefined;
  let ordered: Issue[] = [];
  const progress = (done: number, total: number) => post({ type: 'progress', done, total });
  const held = () => {
    if (!plan) throw new ExchangeError('cancelled');
    return plan;
  };
  const hold = (p: ImportPlan) => {
    plan = p;
    ordered = errorsFirst(p.issues);
    post({ type: 'checked', summary: summarise(p, ordered) });
  };

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
        const context = { ...req.context, newId: () => crypto.randomUUID() };
        let p: ImportPlan;
        if (req.format === 'csv' || req.format === 'xlsx') {
          const file = req.files[0]!;
          const table = await readFlat(file, req.format, req.options, deps.readXlsx);
          progress(0, table.rows.length);
          p = planFlat(table, file.name, req.format, req.mapping, context, progress, {
            values: req.values,
            presence: req.presence,
          });
        } else p = planHsds(req.files, req.format, context, progress);
        p.source.sha256 = await deps.fingerprint(req.files);
        hold(p);
      } else if (req.type === 'issues') {
        held();
        post({ type: 'issues', page: issuesPage(ordered, req.kind, req.offset, req.limit) });
      } else if (req.type === 'duplicates') {
        const views = await deps.existingViews(req.dbName, req.dataKey);
        const p = held();
        const names = new Map(p.services.map((s) => [s.id, s.name]));
        const existing = new Map(views.map((v) => [v.service.id, v.service.name]));
        post({
          type: 'duplicates',
          duplicates: findDuplicates(p, views).map((d) => ({
            ...d,
            name: names.get(d.serviceId) ?? '',
            existingName: existing.get(d.existingId) ?? '',
          })),
        });
      } else if (req.type === 'fix') {
        const p = held();
        const f = req.fix;
        hold(
          f.kind === 'swap'
            ? applySwap(p, f.row !== undefined ? new Set([f.row]) : rowsWith(p, SWAPPED))
            : applyCategory(p, rowsWith(p, NO_CATEGORY), f.category),
        );
      } else {
        // Given away: from here this worker keeps nothing of the plan.
        const p = held();
        plan = undefined;
        ordered = [];
        const port = req.port;
        const sender = planSender(drainPlan(p, STREAM_PART_SIZE), (m) => port.postMessage(m));
        port.onmessage = (e: MessageEvent<unknown>) => {
          if (planAckSchema.safeParse(e.data).success) sender.ack();
          else sender.stop();
        };
        sender.start();
        await sender.done;
        port.onmessage = null;
        post({ type: 'streamed' });
      }
    } catch (err) {
      post({ type: 'error', failure: toFailure(err) });
    }
  };
};

/**
 * The check worker's work, without `self` (import.worker.ts wires it, tests drive it): parse and
 * check a file, then HOLD the plan (issue 17: held once, here) and answer what the report asks —
 * pages of problems, likely duplicates, fixes — until the user confirms; then write that very
 * plan (exchangeWrite.ts), so it is never copied to another worker, and keep nothing. Until the
 * write, nothing here writes to the database.
 */
import type { ReadWorkbook } from '@shared/domain/exchange/importFile';
import { planFlat, planHsds, previewFlat, readFlat } from '@shared/domain/exchange/importFile';
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
import type { ImportPlan, Issue } from '@shared/domain/exchange/types';
import { distinctValues } from '@shared/domain/exchange/valueMatch';
import type { ServiceView } from '@shared/domain/directory/schema';
import type { PasserelleDb } from '../../data/db';
import { badMessage, createPlanWriter } from '../../data/repositories/exchangeWrite';
import type { WorkerResponse } from './protocol';
import { workerRequestSchema } from './protocol';
import type { HeldPlan } from './heldPlan';
import { PART_SIZE, planPacker } from './heldPlan';
import { planParts } from '@shared/domain/exchange/planParts';

export type CheckDeps = {
  readXlsx: ReadWorkbook;
  /** The files' SHA-256 for the audit entry. */
  fingerprint: (files: { bytes: Uint8Array }[]) => Promise<string>;
  /** Every live service of the directory, read in the worker's own connection. */
  existingViews: (dbName: string, dataKey: CryptoKey | null) => Promise<ServiceView[]>;
  /** The write's own connection to the database. */
  open: (dbName: string) => PasserelleDb;
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
  /**
   * Held in parts (heldPlan.ts): the records of a 200k-row plan are not kept live. A flat file's
   * parts come while it is checked; a whole plan (HSDS, 3W/5W, a fix) is cut here.
   */
  const hold = (p: ImportPlan, packer = planPacker()) => {
    for (const part of p.services.length ? planParts(p, PART_SIZE) : []) packer.add(part);
    const held = packer.finish(p);
    plan = held;
    ordered = errorsFirst(held.issues);
    post({ type: 'checked', summary: summarise(held, ordered) });
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
        // A plan checked before (a new file, another mapping) is let go first.
        plan = undefined;
        ordered = [];
        const packer = planPacker();
        let p: ImportPlan;
        if (req.format === 'csv' || req.format === 'xlsx') {
          const file = req.files[0]!;
          const table = await readFlat(file, req.format, req.options, deps.readXlsx);
          progress(0, table.rows.length);
          p = planFlat(table, file.name, req.format, req.mapping, context, progress, {
            values: req.values,
            presence: req.presence,
            ...(req.presence ? {} : { parts: { size: PART_SIZE, take: packer.add } }),
          });
        } else p = planHsds(req.files, req.format, context, progress);
        p.source.sha256 = await deps.fingerprint(req.files);
        hold(p, packer);
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
          f.kind === 'swap'
            ? applySwap(p, f.row !== undefined ? new Set([f.row]) : rowsWith(p, SWAPPED))
            : applyCategory(p, rowsWith(p, NO_CATEGORY), f.category),
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

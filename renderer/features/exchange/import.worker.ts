/**
 * Parses and checks an import off the main thread, so a 50k-row file never freezes the window.
 * Cancel = the page terminates this worker: nothing here writes anything, so nothing is left
 * half done.
 */
import readXlsxFile from 'read-excel-file/web-worker';
import type { ReadWorkbook } from '@shared/domain/exchange/importFile';
import { planFlat, planHsds, previewFlat, readFlat } from '@shared/domain/exchange/importFile';
import { toFailure } from '@shared/domain/exchange/limits';
import { splitPlan } from '@shared/domain/exchange/planStream';
import type { ImportPlan } from '@shared/domain/exchange/types';
import { distinctValues } from '@shared/domain/exchange/valueMatch';
import type { WorkerRequest, WorkerResponse } from './protocol';

const post = (m: WorkerResponse) => self.postMessage(m);
const readXlsx: ReadWorkbook = async (bytes) =>
  (
    await readXlsxFile(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    )
  ).map((s) => ({ name: s.sheet, data: s.data }));
const progress = (done: number, total: number) => post({ type: 'progress', done, total });

const hex = (b: ArrayBuffer) =>
  [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
/** The files' fingerprint for the audit entry: SHA-256 of the one file, or of each file's hash. */
const fingerprint = async (files: { bytes: Uint8Array }[]): Promise<string> => {
  const one = await Promise.all(
    files.map((f) => crypto.subtle.digest('SHA-256', f.bytes as Uint8Array<ArrayBuffer>)),
  );
  if (one.length === 1) return hex(one[0]!);
  return hex(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(one.map(hex).join('\n'))),
  );
};

/** The plan in parts, then its head (planStream.ts): no single long decode in the window. */
const postPlan = async (plan: ImportPlan, files: { bytes: Uint8Array }[]) => {
  plan.source.sha256 = await fingerprint(files);
  const parts = splitPlan(plan);
  for (;;) {
    const next = parts.next();
    if (next.done) return post({ type: 'planHead', head: next.value });
    post({ type: 'planPart', part: next.value });
  }
};

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const req = e.data;
  try {
    if (req.type === 'preview') {
      const table = await readFlat(req.file, req.format, req.options, readXlsx);
      post({ type: 'preview', preview: previewFlat(table) });
      return;
    }
    if (req.type === 'values') {
      const table = await readFlat(req.file, req.format, req.options, readXlsx);
      post({ type: 'values', values: distinctValues(table.rows, req.mapping, req.country) });
      return;
    }
    const context = { ...req.context, newId: () => crypto.randomUUID() };
    if (req.format === 'csv' || req.format === 'xlsx') {
      const file = req.files[0]!;
      const table = await readFlat(file, req.format, req.options, readXlsx);
      progress(0, table.rows.length);
      const plan = planFlat(table, file.name, req.format, req.mapping, context, progress, {
        values: req.values,
        presence: req.presence,
      });
      await postPlan(plan, req.files);
    } else {
      await postPlan(planHsds(req.files, req.format, context, progress), req.files);
    }
  } catch (err) {
    post({ type: 'error', failure: toFailure(err) });
  }
};

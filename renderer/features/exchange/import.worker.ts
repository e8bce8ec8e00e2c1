/**
 * Parses and checks an import off the main thread, so a 50k-row file never freezes the window.
 * Cancel = the page terminates this worker: nothing here writes anything, so nothing is left
 * half done.
 */
import readXlsxFile from 'read-excel-file/web-worker';
import type { ReadWorkbook } from '@shared/domain/exchange/importFile';
import { planFlat, planHsds, previewFlat, readFlat } from '@shared/domain/exchange/importFile';
import { toFailure } from '@shared/domain/exchange/limits';
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
      post({
        type: 'plan',
        plan: planFlat(table, file.name, req.format, req.mapping, context, progress, {
          values: req.values,
          presence: req.presence,
        }),
      });
    } else {
      post({ type: 'plan', plan: planHsds(req.files, req.format, context, progress) });
    }
  } catch (err) {
    post({ type: 'error', failure: toFailure(err) });
  }
};

/**
 * Reads a survey export and plans its referral drafts off the main thread (surveyHost.ts).
 * Writes nothing: Cancel terminates it. Every message in is parsed by its schema there.
 */
import readXlsxFile from 'read-excel-file/web-worker';
import type { ReadWorkbook } from '@shared/domain/exchange/importFile';
import type { SurveyResponse } from './surveyProtocol';
import { createSurveyHost } from './surveyHost';

const readXlsx: ReadWorkbook = async (bytes) =>
  (
    await readXlsxFile(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    )
  ).map((s) => ({ name: s.sheet, data: s.data }));

const host = createSurveyHost((m: SurveyResponse) => self.postMessage(m), {
  readXlsx,
  newId: () => crypto.randomUUID(),
});
self.onmessage = (e: MessageEvent<unknown>) => void host(e.data);

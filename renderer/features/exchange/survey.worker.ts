/**
 * Reads a survey export and plans its referral drafts off the main thread. Writes nothing:
 * Cancel terminates it.
 */
import readXlsxFile from 'read-excel-file/web-worker';
import type { FlatOptions, InputFile, ReadWorkbook } from '@shared/domain/exchange/importFile';
import { readFlat } from '@shared/domain/exchange/importFile';
import { toFailure } from '@shared/domain/exchange/limits';
import type { SurveyPlan } from '@shared/domain/exchange/survey';
import { parseSurveyChoices, planSurvey } from '@shared/domain/exchange/survey';
import type { Failure } from './protocol';

export type SurveyRequest = {
  file: InputFile;
  format: 'csv' | 'xlsx';
  options: FlatOptions;
  office: string;
  now: string;
  /** The user's choices for answers nothing names: checked here, as they cross. */
  choices: unknown;
};
export type SurveyResponse =
  { type: 'survey'; plan: SurveyPlan } | { type: 'error'; failure: Failure };

const readXlsx: ReadWorkbook = async (bytes) =>
  (
    await readXlsxFile(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    )
  ).map((s) => ({ name: s.sheet, data: s.data }));

self.onmessage = async (e: MessageEvent<SurveyRequest>) => {
  const req = e.data;
  try {
    const choices = parseSurveyChoices(req.choices);
    const table = await readFlat(req.file, req.format, req.options, readXlsx);
    const plan = planSurvey(table.header, table.rows, {
      office: req.office,
      now: req.now,
      newId: () => crypto.randomUUID(),
      choices,
    });
    self.postMessage({ type: 'survey', plan } satisfies SurveyResponse);
  } catch (err) {
    self.postMessage({ type: 'error', failure: toFailure(err) } satisfies SurveyResponse);
  }
};

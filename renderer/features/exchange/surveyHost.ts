/**
 * The survey worker's work, without `self` (survey.worker.ts wires it, tests drive it): parse
 * the request by its schema, read the export and plan its referral drafts. Writes nothing, so
 * Cancel (terminating the worker) leaves nothing.
 */
import type { ReadWorkbook } from '@shared/domain/exchange/importFile';
import { readFlat } from '@shared/domain/exchange/importFile';
import { toFailure } from '@shared/domain/exchange/limits';
import { planSurvey } from '@shared/domain/exchange/survey';
import type { SurveyResponse } from './surveyProtocol';
import { parseSurveyRequest } from './surveyProtocol';

export const createSurveyHost =
  (post: (m: SurveyResponse) => void, deps: { readXlsx: ReadWorkbook; newId: () => string }) =>
  async (raw: unknown): Promise<void> => {
    try {
      const req = parseSurveyRequest(raw);
      const table = await readFlat(req.file, req.format, req.options, deps.readXlsx);
      const plan = planSurvey(table.header, table.rows, {
        office: req.office,
        now: req.now,
        newId: deps.newId,
        choices: req.choices,
      });
      post({ type: 'survey', plan });
    } catch (err) {
      post({ type: 'error', failure: toFailure(err) });
    }
  };

/**
 * What a survey export's check gives (survey.ts), as one schema: it crosses from the survey
 * worker to the window, where it is parsed before anything is shown or written, and its types
 * are the schema's own. Bounds are the import's limits (limits.ts), so a crafted answer cannot
 * make the window hold more than a real file could.
 */
import { z } from 'zod';
import { caseDetailsSchema } from '../referrals/schema';
import { issueSchema } from './reportView';
import { LIMITS } from './limits';
import { SURVEY_CLOSED } from './survey';

const count = z.number().int().nonnegative();
/** The sheet's row number (the header's is 1 or lower down, below a title). */
const row = z.number().int().min(1);
const cell = z.string().max(LIMITS.cellChars);
const header = z.array(cell).max(LIMITS.columns);

/** The case fields a survey row gives; needs, service and urgency are chosen for the file. */
export const surveyCaseSchema = z
  .object({
    row,
    /** Derived from the submission's `_uuid` (or instanceID): the same on every import. */
    id: z.uuid(),
    caseDetails: caseDetailsSchema
      .unwrap()
      .omit({ needs: true, needsOther: true, person: true, screening: true })
      .strict(),
  })
  .strict();
export type SurveyCase = z.infer<typeof surveyCaseSchema>;

/** A value the form's lists do not name, with the rows it is on (for the choice on screen). */
export const surveyUnmatchedSchema = z
  .object({ field: z.enum(SURVEY_CLOSED), value: cell.min(1), rows: count.max(LIMITS.rows) })
  .strict();
export type SurveyUnmatched = z.infer<typeof surveyUnmatchedSchema>;

/** A row has a handful of problems at most (one per question read, and its submission's id). */
const ISSUES_PER_ROW = 16;

export const surveyPlanSchema = z
  .object({
    rowsRead: count.max(LIMITS.rows),
    cases: z.array(surveyCaseSchema).max(LIMITS.rows),
    issues: z.array(issueSchema).max(LIMITS.rows * ISSUES_PER_ROW),
    rejectedRows: z.array(row).max(LIMITS.rows),
    /** Columns whose answers identify the person: read, never kept. */
    personal: header,
    /** Other columns of the form that have no case field here: not kept. */
    ignored: header,
    /**
     * Answers of a closed list that nothing names (chosen by the user or not), most rows first:
     * the user may choose what each becomes.
     */
    unmatched: z.array(surveyUnmatchedSchema).max(LIMITS.rows * SURVEY_CLOSED.length),
    /** The file's layout, under which the choices are remembered. */
    signature: z.string().min(1).max(100),
  })
  .strict();
export type SurveyPlan = z.infer<typeof surveyPlanSchema>;

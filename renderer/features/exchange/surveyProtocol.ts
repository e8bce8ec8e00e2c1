/**
 * Messages between the survey step and its worker (issue 17), one schema each way that both
 * validates and types them: the worker parses the request before reading anything, the window
 * parses the answer before showing or writing anything. A crafted message is refused with where
 * it is wrong, never trusted: a bad set of choices as "surveyChoices" (list / answer), anything
 * else as "badMessage" (its field).
 */
import { z } from 'zod';
import { ExchangeError } from '@shared/domain/exchange/limits';
import { surveyChoicesSchema } from '@shared/domain/exchange/survey';
import { surveyPlanSchema } from '@shared/domain/exchange/surveyPlan';
import { badMessage } from '../../data/repositories/exchangeWrite';
import { failureSchema, flatFormat, inputFileSchema, optionsSchema } from './protocol';

export const surveyRequestSchema = z
  .object({
    type: z.literal('survey'),
    file: inputFileSchema,
    format: flatFormat,
    options: optionsSchema,
    office: z.string().min(1).max(200),
    now: z.iso.datetime({ offset: true }),
    /** The user's choices for answers nothing names: known lists and allowed codes only. */
    choices: surveyChoicesSchema,
  })
  .strict();
export type SurveyRequest = z.infer<typeof surveyRequestSchema>;

export const surveyResponseSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('survey'), plan: surveyPlanSchema }).strict(),
  z.object({ type: z.literal('error'), failure: failureSchema }).strict(),
]);
export type SurveyResponse = z.infer<typeof surveyResponseSchema>;

/** The request as the worker takes it, or the refusal naming where it is wrong. */
export const parseSurveyRequest = (raw: unknown): SurveyRequest => {
  const parsed = surveyRequestSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const path = parsed.error.issues[0]?.path ?? [];
  if (path[0] === 'choices')
    throw new ExchangeError('surveyChoices', { at: path.slice(1).map(String).join(' / ') || '—' });
  throw badMessage(parsed.error);
};

/** The worker's answer as the window takes it, or the refusal naming its field. */
export const parseSurveyResponse = (raw: unknown): SurveyResponse => {
  const parsed = surveyResponseSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw badMessage(parsed.error);
};

import type { z } from 'zod';

/**
 * Field path → message id (from the i18n catalogues) for the first problem of each field, so a
 * form shows one translated message beside each field and a file import names row and column.
 * Zod's own message is kept when it is not one of ours (e.g. an unexpected type).
 *
 * A message that needs a value carries it after a "?" in query-string form
 * ("limits.tooLong?max=200"): the limit a length or size message names. `messageParts` splits
 * it again for the translator (renderer/app/i18n.tsx), so every screen that shows a field's
 * error says what the limit is without knowing about limits.
 */
export type FieldErrors = Record<string, string>;

export type MessageValues = Record<string, string | number>;

/** "limits.tooLong" + { max: 200 } → "limits.tooLong?max=200". */
export const withValues = (id: string, values: MessageValues): string => {
  const query = Object.entries(values)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return query ? `${id}?${query}` : id;
};

/** The message id and its values; numbers come back as numbers (formatted per language). */
export const messageParts = (message: string): { id: string; values: MessageValues } => {
  const at = message.indexOf('?');
  if (at < 0) return { id: message, values: {} };
  const values: MessageValues = {};
  for (const pair of message.slice(at + 1).split('&')) {
    const [k, v = ''] = pair.split('=').map(decodeURIComponent) as [string, string?];
    values[k] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  }
  return { id: message.slice(0, at), values };
};

/** Our own length / size messages, and zod's generic ones, that get the limit named. */
const LIMIT_OF_OURS: Record<string, string> = {
  'validation.tooLong': 'limits.tooLong',
  'validation.tooLarge': 'limits.tooLarge',
};

type LimitIssue = {
  code: string;
  message: string;
  origin?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
};

/**
 * A too-long text, too-large number or too-long list as a message that names the limit:
 * "at most 200 characters". Specific messages of ours (required, non-negative, latitude…) and
 * every other problem keep their own message.
 */
export const limitMessage = (issue: LimitIssue): string | undefined => {
  const ours = issue.message.startsWith('validation.') || issue.message.startsWith('limits.');
  if (issue.code === 'too_big' && issue.maximum !== undefined) {
    const max = Number(issue.maximum);
    const mapped = LIMIT_OF_OURS[issue.message];
    if (mapped) return withValues(mapped, { max });
    if (ours) return undefined;
    if (issue.origin === 'string') return withValues('limits.tooLong', { max });
    if (issue.origin === 'number') return withValues('limits.tooLarge', { max });
    if (issue.origin === 'array' || issue.origin === 'set')
      return withValues('limits.tooMany', { max });
  }
  if (issue.code === 'too_small' && issue.minimum !== undefined && !ours) {
    const min = Number(issue.minimum);
    if (issue.origin === 'string' && min > 1) return withValues('limits.tooShort', { min });
  }
  return undefined;
};

export const fieldErrors = (error: z.ZodError): FieldErrors => {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    if (!(path in out))
      out[path] =
        limitMessage(issue as LimitIssue) ??
        (issue.message.startsWith('validation.') ? issue.message : 'validation.invalid');
  }
  return out;
};

export type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

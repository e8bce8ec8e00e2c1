import type { z } from 'zod';

/**
 * Field path → message id (from the i18n catalogues) for the first problem of each field, so a
 * form shows one translated message beside each field and a file import names row and column.
 * Zod's own message is kept when it is not one of ours (e.g. an unexpected type).
 */
export type FieldErrors = Record<string, string>;

export const fieldErrors = (error: z.ZodError): FieldErrors => {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    if (!(path in out))
      out[path] = issue.message.startsWith('validation.') ? issue.message : 'validation.invalid';
  }
  return out;
};

export type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

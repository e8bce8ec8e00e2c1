import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { catalogues } from '../i18n/catalogues';
import { LOCALES } from '../i18n/define';
import { passwordErrors } from './accounts/password';
import { serviceSchema } from './directory/schema';
import { fieldErrors, limitMessage, messageParts, withValues } from './validation';

const errorsOf = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  if (r.success) throw new Error('expected a refusal');
  return fieldErrors(r.error);
};

describe('length and size messages name the limit (issue 19)', () => {
  it('carries the limit of our own messages and of zod’s generic ones', () => {
    const schema = z.object({
      name: z.string().max(200, { message: 'validation.tooLong' }),
      count: z.number().max(5000, { message: 'validation.tooLarge' }),
      list: z.array(z.string()).max(5),
      code: z.string().max(40),
      word: z.string().min(3),
      required: z.string().min(1, { message: 'validation.required' }),
    });
    const errors = errorsOf(schema, {
      name: 'x'.repeat(201),
      count: 5001,
      list: ['a', 'b', 'c', 'd', 'e', 'f'],
      code: 'y'.repeat(41),
      word: 'ab',
      required: '',
    });
    expect(errors).toEqual({
      name: 'limits.tooLong?max=200',
      count: 'limits.tooLarge?max=5000',
      list: 'limits.tooMany?max=5',
      code: 'limits.tooLong?max=40',
      word: 'limits.tooShort?min=3',
      // A specific message of ours stays as it is.
      required: 'validation.required',
    });
  });

  it('round-trips the values, numbers as numbers', () => {
    expect(messageParts(withValues('limits.tooLong', { max: 200 }))).toEqual({
      id: 'limits.tooLong',
      values: { max: 200 },
    });
    expect(messageParts('validation.required')).toEqual({ id: 'validation.required', values: {} });
    expect(
      limitMessage({ code: 'too_big', message: 'validation.latitude', maximum: 90 }),
    ).toBeUndefined();
  });

  it('a service name over its limit says "at most 200 characters" in every language', () => {
    const r = serviceSchema.safeParse({ name: 'n'.repeat(201) });
    expect(r.success).toBe(false);
    const message = fieldErrors(r.error!).name!;
    const { id, values } = messageParts(message);
    expect(values).toEqual({ max: 200 });
    const texts = LOCALES.map((l) =>
      catalogues[l][id as keyof (typeof catalogues)['fr']].replace('{max}', String(values.max)),
    );
    expect(texts[0]).toBe('Ce texte est trop long : 200 caractères au plus.');
    expect(texts[1]).toBe('This text is too long: at most 200 characters.');
    for (const text of texts) expect(text).toContain('200');
  });

  it('a password’s length problems name the limits', () => {
    expect(passwordErrors('court', 'court', {})).toEqual({
      password: 'limits.passwordTooShort?min=10',
    });
    const long = 'Zq7'.repeat(100);
    expect(passwordErrors(long, long, {})).toEqual({ password: 'limits.passwordTooLong?max=256' });
  });
});

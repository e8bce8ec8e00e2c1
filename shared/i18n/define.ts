/**
 * Catalogues are split by area so each feature owns its strings. French is the reference
 * (the default locale); the type makes every other language complete: a key missing in `en`,
 * `pt` or `ar` fails to compile.
 * ICU message syntax (react-intl): `{count, plural, one {# lit} other {# lits}}`.
 */
export const LOCALES = ['fr', 'en', 'pt', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

type Translation<F> = { [K in keyof F]: string };

/**
 * fr, en, pt, ar in that order: French; English; Portuguese as written in Mozambique; Modern
 * Standard Arabic as the Gulf ministries write it. Key terms: docs/glossary.md.
 */
export const defineMessages = <const F extends Record<string, string>>(
  fr: F,
  en: Translation<F>,
  pt: Translation<F>,
  ar: Translation<F>,
): { fr: F; en: Translation<F>; pt: Translation<F>; ar: Translation<F> } => ({ fr, en, pt, ar });

/** Right-to-left scripts, for `dir` on the root element. */
export const isRtl = (locale: string): boolean => /^(ar|fa|ur|he)\b/.test(locale);

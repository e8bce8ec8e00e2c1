/**
 * Catalogues are split by area so each feature owns its strings. French is the reference
 * (the default locale); the type makes English complete: a key missing in `en` fails to compile.
 * ICU message syntax (react-intl): `{count, plural, one {# lit} other {# lits}}`.
 */
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

type Translation<F> = { [K in keyof F]: string };

/**
 * fr, en, pt, ar in that order. Portuguese and Arabic are optional only until every existing
 * area has them (issue 18); a new area file gives all four from the start.
 */
export const defineMessages = <const F extends Record<string, string>>(
  fr: F,
  en: Translation<F>,
  pt?: Translation<F>,
  ar?: Translation<F>,
): { fr: F; en: Translation<F>; pt?: Translation<F>; ar?: Translation<F> } => ({ fr, en, pt, ar });

/** Right-to-left scripts, for `dir` on the root element (Arabic comes later). */
export const isRtl = (locale: string): boolean => /^(ar|fa|ur|he)\b/.test(locale);

/**
 * Building an Intl formatter costs far more than using one (about a millisecond each in
 * Chromium): one per locale and options for the whole app, not one per row that mounts (a list
 * mounts 50 new rows at each query, each with its dates and bed badges).
 */
const cache = new Map<string, unknown>();

export const cachedIntl = <T>(key: string, make: () => T): T => {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as T;
};

export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  cachedIntl(
    `dt|${locale}|${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(locale, options),
  );

export const relativeTimeFormat = (locale: string, options: Intl.RelativeTimeFormatOptions) =>
  cachedIntl(
    `rt|${locale}|${JSON.stringify(options)}`,
    () => new Intl.RelativeTimeFormat(locale, options),
  );

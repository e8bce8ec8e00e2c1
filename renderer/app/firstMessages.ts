/**
 * The strings of the language this computer last showed, fetched as soon as the window's code
 * starts running (main.tsx imports this module second), so the fetch overlaps the evaluation of
 * the rest; main.tsx renders once it is done. If that language cannot be loaded, the default
 * one is, and the provider says so (i18n.tsx).
 */
import { DEFAULT_LOCALE } from '@shared/i18n/define';
import { loadMessages, storedPrefs } from './messages';

const { locale } = storedPrefs();

export const firstMessages: Promise<unknown> = loadMessages(locale).catch((e: unknown) => {
  if (locale === DEFAULT_LOCALE) throw e;
  console.error(`The ${locale} messages could not be loaded`, e);
  return loadMessages(DEFAULT_LOCALE);
});

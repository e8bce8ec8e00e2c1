/**
 * The interface language's strings, loaded on their own (issue 15, cold start): a window reads
 * the language it shows, about a quarter of all the catalogues, and another only when someone
 * switches to it. Each language is a module of its own (scripts/viteCatalogues.ts), fetched once.
 * Started as this module is evaluated, before the rest of the window's code runs, so the fetch
 * overlaps it: main.tsx imports this file right after the zod settings.
 */
import type { MessageId } from '@shared/i18n/catalogues';
import type { Locale } from '@shared/i18n/define';
import { defaultLocalePrefs, localePrefsSchema } from '@shared/domain/settings/locale';
import type { LocalePrefs } from '@shared/domain/settings/locale';
import { PREFS_KEY, STORAGE_KEY } from './localeKeys';

export type Messages = Readonly<Record<MessageId, string>>;

const modules: Record<Locale, () => Promise<{ default: Messages }>> = {
  fr: () => import('virtual:passerelle-messages/fr'),
  en: () => import('virtual:passerelle-messages/en'),
  pt: () => import('virtual:passerelle-messages/pt'),
  ar: () => import('virtual:passerelle-messages/ar'),
};

const loaded = new Map<Locale, Messages>();
const loading = new Map<Locale, Promise<Messages>>();

/** The language's strings; a failed load is tried again by the next call. */
export const loadMessages = (locale: Locale): Promise<Messages> => {
  const done = loaded.get(locale);
  if (done) return Promise.resolve(done);
  let p = loading.get(locale);
  if (!p) {
    p = modules[locale]().then(
      (m) => {
        loaded.set(locale, m.default);
        loading.delete(locale);
        return m.default;
      },
      (e: unknown) => {
        loading.delete(locale);
        throw e;
      },
    );
    loading.set(locale, p);
  }
  return p;
};

/** The strings of a language already loaded, for a render that cannot wait. */
export const loadedMessages = (locale: Locale): Messages | undefined => loaded.get(locale);

/**
 * Whether `id` is a message id. Every language has the same ids (the types make them so), so
 * any loaded one answers; none is loaded only before the first render, where nothing asks.
 */
export const hasMessage = (id: string): boolean => {
  const any = loaded.values().next();
  return !any.done && id in any.value;
};

export { PREFS_KEY, STORAGE_KEY } from './localeKeys';

/** The preferences this computer last showed (the login screen's and a reload's language). */
export const storedPrefs = (): LocalePrefs => {
  const storage = globalThis.localStorage;
  try {
    const parsed = localePrefsSchema.safeParse(JSON.parse(storage?.getItem(PREFS_KEY) ?? 'null'));
    if (parsed.success) return parsed.data;
  } catch {
    // a damaged entry falls back to the plain language below
  }
  const locale = localePrefsSchema.shape.locale.safeParse(storage?.getItem(STORAGE_KEY));
  return { ...defaultLocalePrefs(), ...(locale.success ? { locale: locale.data } : {}) };
};

/**
 * The interface language and its number/date options. Shown at once when chosen; this computer
 * remembers the last one in localStorage (for the login screen and a reload), while each user's
 * own choice and the office default live in the database (features/locale/LocaleSync). Sets
 * `lang` and `dir` on the root so right-to-left scripts need no second layout (DESIGN §4.7).
 */
import '../ui/rtl.css';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import type { PrimitiveType } from 'react-intl';
import { catalogues } from '@shared/i18n/catalogues';
import type { MessageId } from '@shared/i18n/catalogues';
import type { Locale } from '@shared/i18n/define';
import { DEFAULT_LOCALE, isRtl } from '@shared/i18n/define';
import { defaultLocalePrefs, intlLocale, localePrefsSchema } from '@shared/domain/settings/locale';
import { messageParts } from '@shared/domain/validation';
import type { LocalePrefs } from '@shared/domain/settings/locale';

const STORAGE_KEY = 'passerelle.locale';
const PREFS_KEY = 'passerelle.localePrefs';

const initialPrefs = (): LocalePrefs => {
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

type LocaleValue = {
  locale: Locale;
  /** The tag Intl formats with ("ar-u-nu-arab" for Arabic-Indic digits). */
  intlLocale: string;
  prefs: LocalePrefs;
  setLocale: (l: Locale) => void;
  setPrefs: (p: LocalePrefs) => void;
};

/**
 * The interface language as last rendered, for code that names things outside a component
 * (region names in sort keys, labels built by helpers). Set by the provider as it renders, so
 * every consumer below it sees the new language in the same render: it is updated where the
 * preferences are (first read, then every change), before the render that shows them.
 */
let renderedLocale: Locale = DEFAULT_LOCALE;
export const currentLocale = (): Locale => renderedLocale;
const track = (p: LocalePrefs): LocalePrefs => {
  renderedLocale = p.locale;
  return p;
};

const LocaleContext = createContext<LocaleValue>({
  locale: DEFAULT_LOCALE,
  intlLocale: DEFAULT_LOCALE,
  prefs: defaultLocalePrefs(),
  setLocale: () => {},
  setPrefs: () => {},
});

export const I18nProvider = ({ children }: { children: ReactNode }) => {
  const [prefs, setPrefsState] = useState<LocalePrefs>(() => track(initialPrefs()));
  const setPrefs = useCallback((p: LocalePrefs) => {
    setPrefsState((old) =>
      old.locale === p.locale && old.digits === p.digits && old.hijri === p.hijri
        ? old
        : persist(p),
    );
  }, []);
  const setLocale = useCallback(
    (l: Locale) =>
      setPrefsState((old) => (old.locale === l ? old : persist({ ...old, locale: l }))),
    [],
  );
  const { locale } = prefs;
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = isRtl(locale) ? 'rtl' : 'ltr';
  }, [locale]);
  const tag = intlLocale(locale, prefs.digits);
  const value = useMemo(
    () => ({ locale, intlLocale: tag, prefs, setLocale, setPrefs }),
    [locale, tag, prefs, setLocale, setPrefs],
  );
  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider locale={tag} defaultLocale={DEFAULT_LOCALE} messages={catalogues[locale]}>
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
};

const persist = (p: LocalePrefs): LocalePrefs => {
  localStorage.setItem(PREFS_KEY, JSON.stringify(p));
  localStorage.setItem(STORAGE_KEY, p.locale);
  return track(p);
};

export const useLocale = () => useContext(LocaleContext);

export type Translate = (id: MessageId, values?: Record<string, PrimitiveType>) => string;

/**
 * Typed translation: an unknown message id does not compile. A message id from the shared
 * schemas may carry its values ("limits.tooLong?max=200", shared/domain/validation.ts): they are
 * read back here, so a field's error names its limit wherever it is shown.
 */
export const useT = (): Translate => {
  const intl = useIntl();
  return useCallback<Translate>(
    (id, values) => {
      if (!id.includes('?')) return intl.formatMessage({ id }, values);
      const parts = messageParts(id);
      return intl.formatMessage({ id: parts.id }, { ...parts.values, ...values });
    },
    [intl],
  );
};

/** Translates a validation message id coming from the shared schemas (values included). */
export const isMessageId = (id: string): id is MessageId =>
  id in catalogues.fr || (id.includes('?') && messageParts(id).id in catalogues.fr);

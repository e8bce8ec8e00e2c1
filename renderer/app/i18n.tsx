/**
 * The locale: French by default, chosen in the header, kept in localStorage (a preference of
 * this computer, not replicated data). Sets `lang` and `dir` on the root so right-to-left
 * scripts need no second layout (DESIGN §4.7).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import type { PrimitiveType } from 'react-intl';
import { catalogues } from '@shared/i18n/catalogues';
import type { MessageId } from '@shared/i18n/catalogues';
import type { Locale } from '@shared/i18n/define';
import { DEFAULT_LOCALE, LOCALES, isRtl } from '@shared/i18n/define';

const STORAGE_KEY = 'passerelle.locale';

const initialLocale = (): Locale => {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return (LOCALES as readonly string[]).includes(stored ?? '')
    ? (stored as Locale)
    : DEFAULT_LOCALE;
};

const LocaleContext = createContext<{ locale: Locale; setLocale: (l: Locale) => void }>({
  locale: DEFAULT_LOCALE,
  setLocale: () => {},
});

export const I18nProvider = ({ children }: { children: ReactNode }) => {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem(STORAGE_KEY, l);
    setLocaleState(l);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = isRtl(locale) ? 'rtl' : 'ltr';
  }, [locale]);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider locale={locale} defaultLocale={DEFAULT_LOCALE} messages={catalogues[locale]}>
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
};

export const useLocale = () => useContext(LocaleContext);

export type Translate = (id: MessageId, values?: Record<string, PrimitiveType>) => string;

/** Typed translation: an unknown message id does not compile. */
export const useT = (): Translate => {
  const intl = useIntl();
  return useCallback<Translate>((id, values) => intl.formatMessage({ id }, values), [intl]);
};

/** Translates a validation message id coming from the shared schemas. */
export const isMessageId = (id: string): id is MessageId => id in catalogues.fr;

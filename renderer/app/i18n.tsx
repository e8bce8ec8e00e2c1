/**
 * The interface language and its number/date options. Shown at once when chosen; this computer
 * remembers the last one in localStorage (for the login screen and a reload), while each user's
 * own choice and the office default live in the database (features/locale/LocaleSync). Sets
 * `lang` and `dir` on the root so right-to-left scripts need no second layout (DESIGN §4.7).
 */
import '../ui/rtl.css';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import type { PrimitiveType } from 'react-intl';
import type { MessageId } from '@shared/i18n/catalogues';
import type { Locale } from '@shared/i18n/define';
import { DEFAULT_LOCALE, isRtl } from '@shared/i18n/define';
import { defaultLocalePrefs, intlLocale } from '@shared/domain/settings/locale';
import { messageParts } from '@shared/domain/validation';
import type { LocalePrefs } from '@shared/domain/settings/locale';
import type { Messages } from './messages';
import {
  hasMessage,
  loadMessages,
  loadedMessages,
  PREFS_KEY,
  STORAGE_KEY,
  storedPrefs,
} from './messages';

type LocaleValue = {
  locale: Locale;
  /** The tag Intl formats with ("ar-u-nu-arab" for Arabic-Indic digits). */
  intlLocale: string;
  prefs: LocalePrefs;
  /** Shows `p` once its language is loaded: true then, false if it could not be (or was overtaken). */
  setPrefs: (p: LocalePrefs) => Promise<boolean>;
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
  setPrefs: async () => false,
});

type Shown = { prefs: LocalePrefs; messages: Messages };

/**
 * What to show first: this computer's preferences, once their language is loaded (main.tsx
 * waits for it); if that language could not be loaded, the default language, and the failure
 * is said.
 */
const firstShown = (): { shown: Shown; failed: Locale | null } => {
  const stored = storedPrefs();
  const messages = loadedMessages(stored.locale);
  if (messages) return { shown: { prefs: stored, messages }, failed: null };
  const fallback = loadedMessages(DEFAULT_LOCALE);
  if (!fallback) {
    throw new Error(`I18nProvider: the ${stored.locale} messages are not loaded (loadMessages)`);
  }
  return {
    shown: { prefs: { ...stored, locale: DEFAULT_LOCALE }, messages: fallback },
    failed: stored.locale,
  };
};

const samePrefs = (a: LocalePrefs, b: LocalePrefs) =>
  a.locale === b.locale && a.digits === b.digits && a.hijri === b.hijri;

/**
 * `load` fetches a language's strings (tests delay or refuse it). A language not loaded yet is
 * fetched before it is shown: the screen stays in the old language meanwhile, never shows
 * message ids, and stays in it, saying so, if the fetch fails.
 */
export const I18nProvider = ({
  children,
  load = loadMessages,
}: {
  children: ReactNode;
  load?: (locale: Locale) => Promise<Messages>;
}) => {
  const [first] = useState(firstShown);
  const [shown, setShown] = useState<Shown>(() => {
    track(first.shown.prefs);
    return first.shown;
  });
  const [failed, setFailed] = useState<Locale | null>(first.failed);
  // Only the latest choice is applied when languages load out of order.
  const latest = useRef(0);
  const setPrefs = useCallback(
    async (p: LocalePrefs): Promise<boolean> => {
      const request = ++latest.current;
      let messages = loadedMessages(p.locale);
      if (!messages) {
        try {
          messages = await load(p.locale);
        } catch (e) {
          if (request !== latest.current) return false;
          console.error(`The ${p.locale} messages could not be loaded`, e);
          setFailed(p.locale);
          return false;
        }
      }
      if (request !== latest.current) return false;
      const shownMessages = messages;
      setFailed(null);
      setShown((old) =>
        samePrefs(old.prefs, p) ? old : { prefs: persist(p), messages: shownMessages },
      );
      return true;
    },
    [load],
  );
  const { prefs, messages } = shown;
  const { locale } = prefs;
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = isRtl(locale) ? 'rtl' : 'ltr';
  }, [locale]);
  const tag = intlLocale(locale, prefs.digits);
  const value = useMemo(
    () => ({ locale, intlLocale: tag, prefs, setPrefs }),
    [locale, tag, prefs, setPrefs],
  );
  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider locale={tag} defaultLocale={DEFAULT_LOCALE} messages={messages}>
        {failed && <LoadFailed locale={failed} />}
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
};

const LoadFailed = ({ locale }: { locale: Locale }) => {
  const t = useT();
  return (
    <p role="alert" className="locale-failed">
      {t('locale.loadFailed', { language: t(`language.${locale}`) })}
    </p>
  );
};

const persist = (p: LocalePrefs): LocalePrefs => {
  localStorage.setItem(PREFS_KEY, JSON.stringify(p));
  localStorage.setItem(STORAGE_KEY, p.locale);
  return track(p);
};

export const useLocale = () => useContext(LocaleContext);

export type Translate = (id: MessageId, values?: Record<string, PrimitiveType>) => string;

/** ICU message syntax: a message with none of these characters is one literal, its own text. */
const ICU_SYNTAX = /[{}<>'#|]/;

/**
 * A message's text when it has no ICU syntax, else undefined (issue 15, cold start): the
 * formatter parses each message into a formatter object on its first use, tens of ms for the
 * first screen's hundreds of labels, to give back the text as written when there is nothing to
 * format. Placeholders, plurals, tags, quotes and missing messages still go through react-intl.
 */
export const plainText = (
  messages: Readonly<Record<string, unknown>>,
  id: string,
): string | undefined => {
  if (!Object.hasOwn(messages, id)) return undefined;
  const text = messages[id];
  return typeof text === 'string' && text !== '' && !ICU_SYNTAX.test(text) ? text : undefined;
};

/**
 * Typed translation: an unknown message id does not compile. A message id from the shared
 * schemas may carry its values ("limits.tooLong?max=200", shared/domain/validation.ts): they are
 * read back here, so a field's error names its limit wherever it is shown.
 */
export const useT = (): Translate => {
  const intl = useIntl();
  return useCallback<Translate>(
    (id, values) => {
      if (!id.includes('?'))
        return plainText(intl.messages, id) ?? intl.formatMessage({ id }, values);
      const parts = messageParts(id);
      return intl.formatMessage({ id: parts.id }, { ...parts.values, ...values });
    },
    [intl],
  );
};

/** Translates a validation message id coming from the shared schemas (values included). */
export const isMessageId = (id: string): id is MessageId =>
  hasMessage(id) || (id.includes('?') && hasMessage(messageParts(id).id));

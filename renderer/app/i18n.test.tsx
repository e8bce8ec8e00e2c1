// @vitest-environment happy-dom
/**
 * The interface language's strings load on their own (issue 15): a switch to a language not yet
 * loaded keeps the old one on screen until its strings are there, never shows message ids, and
 * a failed load says so and keeps the old language.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIntl } from 'react-intl';
import { catalogues } from '@shared/i18n/catalogues';
import type { Locale } from '@shared/i18n/define';
import { LOCALES } from '@shared/i18n/define';
import { I18nProvider, isMessageId, plainText, useLocale, useT } from './i18n';
import type { Messages } from './messages';
import { loadMessages } from './messages';

const Probe = () => {
  const t = useT();
  const { prefs, setPrefs } = useLocale();
  return (
    <>
      <h1>{t('language.label')}</h1>
      <button type="button" onClick={() => setPrefs({ ...prefs, locale: 'ar' })}>
        ar
      </button>
      <button type="button" onClick={() => setPrefs({ ...prefs, locale: 'pt' })}>
        pt
      </button>
      <button type="button" onClick={() => setPrefs({ ...prefs, locale: 'en' })}>
        en
      </button>
    </>
  );
};

/**
 * A loader that waits for the test to let each language through (with its real strings), or
 * refuse it. Loaded strings stay loaded for the module, so each test uses languages that the
 * tests before it have not loaded.
 */
const gate = () => {
  const waiting = new Map<Locale, { go: () => Promise<void>; fail: () => void }>();
  const load = vi.fn(
    (locale: Locale) =>
      new Promise<Messages>((resolve, reject) => {
        waiting.set(locale, {
          go: async () => resolve(await loadMessages(locale)),
          fail: () => reject(new Error('offline')),
        });
      }),
  );
  return { load, waiting };
};

beforeAll(() => loadMessages('fr'));
beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('I18nProvider', () => {
  it('keeps the old language until the new one is loaded, then shows it right to left', async () => {
    const { load, waiting } = gate();
    render(
      <I18nProvider load={load}>
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading').textContent).toBe('Langue');
    act(() => screen.getByRole('button', { name: 'ar' }).click());
    expect(load).toHaveBeenCalledWith('ar');
    // Not loaded yet: still French, no message id.
    expect(screen.getByRole('heading').textContent).toBe('Langue');
    expect(document.documentElement.dir).toBe('ltr');
    await act(async () => waiting.get('ar')!.go());
    expect(screen.getByRole('heading').textContent).toBe('اللغة');
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    expect(localStorage.getItem('passerelle.locale')).toBe('ar');
  });

  it('says when a language cannot be loaded, and stays in the one shown', async () => {
    const { load, waiting } = gate();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <I18nProvider load={load}>
        <Probe />
      </I18nProvider>,
    );
    act(() => screen.getByRole('button', { name: 'pt' }).click());
    await act(async () => waiting.get('pt')!.fail());
    expect(screen.getByRole('heading').textContent).toBe('Langue');
    expect(screen.getByRole('alert').textContent).toContain(
      '« Português » n’a pas pu être chargée',
    );
    expect(document.documentElement.lang).toBe('fr');
    expect(localStorage.getItem('passerelle.locale')).toBeNull();
  });

  it('applies only the last choice when languages load out of order', async () => {
    const { load, waiting } = gate();
    render(
      <I18nProvider load={load}>
        <Probe />
      </I18nProvider>,
    );
    act(() => screen.getByRole('button', { name: 'en' }).click());
    act(() => screen.getByRole('button', { name: 'pt' }).click());
    await act(async () => waiting.get('pt')!.go());
    await act(async () => waiting.get('en')!.go());
    expect(screen.getByRole('heading').textContent).toBe('Língua');
    expect(localStorage.getItem('passerelle.locale')).toBe('pt');
  });

  it('recognises message ids from the language loaded, whichever it is', () => {
    expect(isMessageId('language.label')).toBe(true);
    expect(isMessageId('limits.tooLong?max=200')).toBe(true);
    expect(isMessageId('not.a.message')).toBe(false);
  });
});

describe('plainText, the shortcut past the formatter (issue 15)', () => {
  it.each(LOCALES)('%s: gives exactly what react-intl formats, for every message', (locale) => {
    const messages = catalogues[locale];
    const intl = createIntl({ locale, defaultLocale: 'fr', messages, onError: () => {} });
    const ids = Object.keys(messages);
    const plain = ids.filter((id) => plainText(messages, id) !== undefined);
    for (const id of plain) {
      // Values a caller may pass change nothing in a message with no placeholder.
      expect(plainText(messages, id), id).toBe(intl.formatMessage({ id }, { n: 3, name: 'x' }));
    }
    // The shortcut is taken for most labels, so the check above is not vacuous.
    expect(plain.length / ids.length).toBeGreaterThan(0.5);
  });

  it('leaves placeholders, plurals, quotes, tags and missing or empty messages to react-intl', () => {
    const messages = {
      count: '{n, plural, one {# service} other {# services}}',
      name: 'Bonjour {name}',
      quoted: "l''office",
      tag: 'Lire <b>ceci</b>',
      empty: '',
      plain: 'Annuaire',
    };
    expect(Object.keys(messages).map((id) => plainText(messages, id))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      'Annuaire',
    ]);
    expect(plainText(messages, 'missing')).toBeUndefined();
    expect(plainText(messages, 'toString')).toBeUndefined();
  });
});

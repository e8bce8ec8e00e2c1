/**
 * The language menu: in the header (the choice is saved for the logged-in user), and on the
 * setup and login screens (shown at once; saved for this computer until someone logs in).
 * Each language is named in itself, so anyone finds theirs whatever is on screen.
 */
import { LOCALES } from '@shared/i18n/define';
import type { Locale } from '@shared/i18n/define';
import { useData } from '../../app/data';
import { useLocale, useT } from '../../app/i18n';
import { LabelledControl } from '../directory/Filters';

const isLocale = (v: string): v is Locale => (LOCALES as readonly string[]).includes(v);

export const LanguageSelect = ({ saveForUser = false }: { saveForUser?: boolean }) => {
  const t = useT();
  const { locale, prefs, setPrefs } = useLocale();
  const { repos } = useData();
  return (
    <LabelledControl label={t('language.label')} className="language">
      {(id) => (
        <select
          id={id}
          value={locale}
          onChange={(e) => {
            if (!isLocale(e.target.value)) return;
            const next = { ...prefs, locale: e.target.value };
            // Saved as the user's once shown: a language that could not be loaded is not kept.
            void setPrefs(next).then((shown) => shown && saveForUser && repos.locale.setOwn(next));
          }}
        >
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </select>
      )}
    </LabelledControl>
  );
};

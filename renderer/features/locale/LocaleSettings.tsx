/** Settings → Language and dates: the user's own choice, and the office default (admin). */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { DIGITS, offersArabicOptions } from '@shared/domain/settings/locale';
import type { LocalePrefs } from '@shared/domain/settings/locale';
import { LOCALES } from '@shared/i18n/define';
import type { Locale } from '@shared/i18n/define';
import type { MessageId } from '@shared/i18n/catalogues';
import { useData } from '../../app/data';
import { useLocale, useT } from '../../app/i18n';
import { Field } from '../../ui/Field';
import { useSession } from '../accounts/session';

const LocaleOptions = () => {
  const t = useT();
  return LOCALES.map((l) => (
    <option key={l} value={l} lang={l}>
      {t(`language.${l}`)}
    </option>
  ));
};

/** The user's own preferences; remounted (keyed) when the language changes elsewhere. */
const OwnPrefsForm = ({ onSaved }: { onSaved: (message: MessageId) => void }) => {
  const t = useT();
  const { repos } = useData();
  const { prefs, setPrefs } = useLocale();
  const [draft, setDraft] = useState<LocalePrefs>(prefs);
  const [failed, setFailed] = useState('');
  const saveOwn = async (e: FormEvent) => {
    e.preventDefault();
    setFailed('');
    // As the header's menu: shown first, once its strings are loaded, then saved as the user's.
    // A language that could not be loaded is not kept (the provider's banner says so too).
    if (!(await setPrefs(draft))) {
      setFailed(t('locale.loadFailed', { language: t(`language.${draft.locale}`) }));
      return;
    }
    // An id, not a text: the message is said in the language just shown.
    if (await repos.locale.setOwn(draft)) onSaved('locale.saved');
  };
  return (
    <form onSubmit={saveOwn} aria-label={t('locale.settings.title')}>
      <p className="hint">{t('locale.settings.intro')}</p>
      <Field label={t('locale.language')}>
        {(p) => (
          <select
            {...p}
            value={draft.locale}
            onChange={(e) => setDraft({ ...draft, locale: e.target.value as Locale })}
          >
            <LocaleOptions />
          </select>
        )}
      </Field>
      {offersArabicOptions(draft.locale) && (
        <>
          <fieldset>
            <legend>{t('locale.digits')}</legend>
            {DIGITS.map((d) => (
              <label key={d} className="checkbox">
                <input
                  type="radio"
                  name="digits"
                  checked={draft.digits === d}
                  onChange={() => setDraft({ ...draft, digits: d })}
                />
                <bdi>{t(`locale.digits.${d}`)}</bdi>
              </label>
            ))}
          </fieldset>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.hijri}
              onChange={(e) => setDraft({ ...draft, hijri: e.target.checked })}
            />
            {t('locale.hijri')}
          </label>
        </>
      )}
      {failed && <p className="error">{failed}</p>}
      <button type="submit" className="primary">
        {t('locale.saveOwn')}
      </button>
    </form>
  );
};

export const LocaleSettings = () => {
  const t = useT();
  const { repos } = useData();
  const { can } = useSession();
  const { prefs } = useLocale();
  const [message, setMessage] = useState<MessageId | null>(null);
  // `null`: no default saved yet (an installation set up before languages per user).
  const officeDefault = useLiveQuery(
    async () => (await repos.locale.getOfficeDefault()) ?? null,
    [repos],
  );
  const mayManage = can('settings.manage');

  const saveOffice = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const chosen = new FormData(e.currentTarget).get('officeLocale');
    const next = { ...(officeDefault ?? prefs), locale: chosen as Locale };
    if (await repos.locale.setOfficeDefault(next)) setMessage('locale.officeSaved');
  };

  return (
    <section className="panel" aria-labelledby="settings-locale">
      <h2 id="settings-locale">{t('locale.settings.title')}</h2>
      {message && <p role="status">{t(message)}</p>}
      <OwnPrefsForm key={`${prefs.locale}-${prefs.digits}-${prefs.hijri}`} onSaved={setMessage} />
      {mayManage && officeDefault !== undefined && (
        <form onSubmit={saveOffice} aria-label={t('locale.officeDefault')}>
          <Field label={t('locale.officeDefault')} hint={t('locale.officeDefaultHint')}>
            {(p) => (
              <select {...p} name="officeLocale" defaultValue={officeDefault?.locale ?? 'fr'}>
                <LocaleOptions />
              </select>
            )}
          </Field>
          <button type="submit">{t('locale.saveOffice')}</button>
        </form>
      )}
    </section>
  );
};

/** The stale threshold (preference `staleAfterHours`), in the Settings screen. */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useData } from '../../app/data';
import { useT } from '../../app/i18n';
import { Field } from '../../ui/Field';

export const CapacitySettings = () => {
  const t = useT();
  const { repos } = useData();
  const prefs = useLiveQuery(() => repos.settings.getPreferences(), [repos]);
  const [error, setError] = useState<string>();
  const [message, setMessage] = useState('');
  if (!prefs) return null;

  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const typed = String(new FormData(e.currentTarget).get('staleAfterHours') ?? '').trim();
    // Re-read: other sections save other preferences; only this one changes here.
    const current = await repos.settings.getPreferences();
    const result = await repos.settings.savePreferences({
      ...current,
      staleAfterHours: typed === '' ? null : Number(typed.replace(',', '.')),
    });
    setError(result.ok ? undefined : (result.errors.staleAfterHours ?? 'validation.invalid'));
    setMessage(
      result.ok ? t('capacity.settings.saved', { hours: result.value.staleAfterHours }) : '',
    );
  };

  return (
    <section className="panel" aria-labelledby="settings-capacity">
      <h2 id="settings-capacity">{t('capacity.settings.title')}</h2>
      <form onSubmit={save} noValidate aria-label={t('capacity.settings.title')}>
        <Field
          label={t('capacity.settings.staleAfter')}
          hint={t('capacity.settings.staleHint')}
          error={error}
        >
          {(props) => (
            <input
              {...props}
              name="staleAfterHours"
              type="text"
              inputMode="numeric"
              defaultValue={String(prefs.staleAfterHours)}
            />
          )}
        </Field>
        <button type="submit" className="primary">
          {t('action.save')}
        </button>
        <p role="status">{message}</p>
      </form>
    </section>
  );
};

/** Settings › Security: the inactivity lock delay, and how the data key is protected here. */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { KeyProtection } from '@shared/platform/contract';
import { useData } from '../../app/data';
import { useT } from '../../app/i18n';
import { Field } from '../../ui/Field';
import { useSession } from './session';

export const KeyProtectionNotice = () => {
  const t = useT();
  const { store } = useSession();
  const [status, setStatus] = useState<{ protection: KeyProtection; backend: string }>();
  useEffect(() => {
    void store.keys.protection().then(setStatus);
  }, [store]);
  if (!status) return null;
  if (status.protection === 'plaintext_fallback')
    return (
      <p className="warning" role="note">
        {t('security.plaintextFallback')}
      </p>
    );
  return (
    <p role="note">
      {status.protection === 'keychain'
        ? t('security.keychain', { backend: status.backend })
        : t('security.browser')}
    </p>
  );
};

export const SecuritySettings = () => {
  const t = useT();
  const { repos } = useData();
  const prefs = useLiveQuery(() => repos.settings.getPreferences(), [repos]);
  const [error, setError] = useState<string>();
  const [message, setMessage] = useState('');

  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!prefs) return;
    const raw = String(new FormData(e.currentTarget).get('lockAfterMinutes') ?? '');
    const result = await repos.settings.savePreferences({
      ...prefs,
      lockAfterMinutes: raw.trim() === '' ? Number.NaN : Number(raw),
    });
    setError(result.ok ? undefined : result.errors.lockAfterMinutes);
    setMessage(result.ok ? t('security.saved') : '');
  };

  return (
    <section className="panel" aria-labelledby="settings-security">
      <h2 id="settings-security">{t('security.title')}</h2>
      <KeyProtectionNotice />
      {message && <p role="status">{message}</p>}
      {prefs && (
        <form onSubmit={save} noValidate aria-label={t('security.title')} className="row">
          <Field label={t('security.lockAfter')} error={error}>
            {(p) => (
              <input
                {...p}
                name="lockAfterMinutes"
                type="number"
                inputMode="numeric"
                min={1}
                max={240}
                defaultValue={prefs.lockAfterMinutes}
              />
            )}
          </Field>
          <button type="submit">{t('action.save')}</button>
        </form>
      )}
    </section>
  );
};

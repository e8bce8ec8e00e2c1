/**
 * Wrap a screen that reads or writes sealed case data: in a browser tab reloaded since login the
 * data key is no longer in memory, and this asks for the password to open it again. In Electron
 * with a keychain the key is there and the children render at once.
 */
import type { ReactNode } from 'react';
import { useT } from '../../app/i18n';
import { PasswordPrompt } from './PasswordPrompt';
import { useSession } from './session';

export const RequireDataKey = ({ children }: { children: ReactNode }) => {
  const t = useT();
  const { dataKey, store } = useSession();
  if (dataKey) return children;
  return (
    <section className="panel key-prompt" aria-labelledby="key-prompt-title">
      <h2 id="key-prompt-title">{t('key.title')}</h2>
      <p>{t('key.intro')}</p>
      <PasswordPrompt label={t('key.title')} submit={t('key.submit')} onSubmit={store.unlockKey} />
    </section>
  );
};

/**
 * The lock screen replaces the whole app (nothing of the screen underneath stays in the DOM):
 * the same user's password, or a switch to another user, which ends this session.
 */
import { useT } from '../../app/i18n';
import { PasswordPrompt } from './PasswordPrompt';
import { useSession } from './session';

export const LockScreen = () => {
  const t = useT();
  const { store, state } = useSession();
  if (state.status !== 'locked') return null;
  return (
    <main className="setup login">
      <h1 tabIndex={-1}>{t('lock.title')}</h1>
      <p>{t('lock.intro', { name: state.user.displayName })}</p>
      <PasswordPrompt label={t('lock.title')} submit={t('lock.submit')} onSubmit={store.unlock} />
      <button type="button" className="link" onClick={() => void store.logout()}>
        {t('lock.switch')}
      </button>
    </main>
  );
};

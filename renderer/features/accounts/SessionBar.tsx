/** In the header: who is logged in (a link to their account), lock, log out. */
import { useT } from '../../app/i18n';
import { href } from '../../app/router';
import { useSession } from './session';

export const SessionBar = () => {
  const t = useT();
  const { user, store } = useSession();
  if (!user) return null;
  return (
    <div className="session-bar">
      <a
        href={href({ name: 'account' })}
        className="session-user"
        title={t('session.user', { name: user.displayName, role: t(`role.${user.role}`) })}
      >
        <bdi>{user.displayName}</bdi>
        <span className="muted">{t(`role.${user.role}`)}</span>
      </a>
      <button type="button" onClick={() => void store.lock()}>
        {t('session.lock')}
      </button>
      <button type="button" onClick={() => void store.logout()}>
        {t('session.logout')}
      </button>
    </div>
  );
};

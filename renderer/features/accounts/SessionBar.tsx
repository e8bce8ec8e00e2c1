/**
 * In the header: who is logged in, as a menu with their account, lock and log out, so the
 * header stays one row from 1024 px up.
 */
import { HeaderMenu } from '../../app/HeaderMenu';
import { useT } from '../../app/i18n';
import { href, useRoute } from '../../app/router';
import { useSession } from './session';

export const SessionBar = () => {
  const t = useT();
  const { user, store } = useSession();
  const route = useRoute();
  if (!user) return null;
  return (
    <HeaderMenu
      className="session-bar"
      routeKey={href(route)}
      current={route.name === 'account'}
      ariaLabel={t('ux.session.menu', { name: user.displayName, role: t(`role.${user.role}`) })}
      label={
        <>
          {/* A person, for narrow windows where the name and role give way (the name stays the
              button's accessible name). */}
          <svg
            className="session-icon"
            viewBox="0 0 24 24"
            width="20"
            height="20"
            aria-hidden="true"
          >
            <circle cx="12" cy="8" r="4" fill="currentColor" />
            <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7z" fill="currentColor" />
          </svg>
          <span className="session-user">
            <bdi>{user.displayName}</bdi> <span className="muted">{t(`role.${user.role}`)}</span>
          </span>
        </>
      }
    >
      <ul>
        <li>
          <a
            href={href({ name: 'account' })}
            aria-current={route.name === 'account' ? 'page' : undefined}
          >
            {t('ux.session.account')}
          </a>
        </li>
        <li>
          <button type="button" onClick={() => void store.lock()}>
            {t('session.lock')}
          </button>
        </li>
        <li>
          <button type="button" onClick={() => void store.logout()}>
            {t('session.logout')}
          </button>
        </li>
      </ul>
    </HeaderMenu>
  );
};

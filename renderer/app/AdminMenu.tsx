/** The header's "Administration" menu: running the installation, in one entry. */
import { useT } from './i18n';
import { href } from './router';
import type { Route } from './router';
import { HeaderMenu } from './HeaderMenu';

export type NavItem = {
  route: Route;
  label: Parameters<ReturnType<typeof useT>>[0];
  active: (r: Route) => boolean;
};

export const AdminMenu = ({ route, items }: { route: Route; items: NavItem[] }) => {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <li>
      <HeaderMenu
        label={
          <>
            {/* Sliders, for narrow windows where the word gives way (it stays the name). */}
            <svg
              className="narrow-icon"
              viewBox="0 0 24 24"
              width="20"
              height="20"
              aria-hidden="true"
            >
              <path
                d="M4 6h16M4 12h16M4 18h16"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
              />
              <circle cx="15" cy="6" r="2.5" fill="currentColor" />
              <circle cx="8" cy="12" r="2.5" fill="currentColor" />
              <circle cx="13" cy="18" r="2.5" fill="currentColor" />
            </svg>
            <span className="narrow-words">{t('ux.nav.admin')}</span>
          </>
        }
        routeKey={href(route)}
        current={items.some((item) => item.active(route))}
        className="admin-menu"
      >
        <ul>
          {items.map((item) => (
            <li key={item.label}>
              <a href={href(item.route)} aria-current={item.active(route) ? 'page' : undefined}>
                {t(item.label)}
              </a>
            </li>
          ))}
        </ul>
      </HeaderMenu>
    </li>
  );
};

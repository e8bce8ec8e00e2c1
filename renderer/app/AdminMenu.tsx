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
        label={t('ux.nav.admin')}
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

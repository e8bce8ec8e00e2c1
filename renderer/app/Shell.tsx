import type { MouseEvent, ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { mayOpen } from '../features/accounts/guard';
import { useSession } from '../features/accounts/session';
import { SessionBar } from '../features/accounts/SessionBar';
import { LanguageSelect } from '../features/locale/LanguageSelect';
import { useData, useOffice } from './data';
import { useT } from './i18n';
import { href } from './router';
import type { Route } from './router';
import { SyncStatus } from '../features/sync/SyncStatus';
import { AutoBackupScheduler } from '../features/exchange/AutoBackupScheduler';
import { AdminMenu } from './AdminMenu';
import type { NavItem } from './AdminMenu';
import './shell.css';

// The skip link's target is a hash, which is also the router's: move focus, don't navigate.
const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
  event.preventDefault();
  const main = document.getElementById('main');
  (main?.querySelector<HTMLElement>('h1[tabindex]') ?? main)?.focus();
};

const NAV: NavItem[] = [
  {
    route: { name: 'directory' },
    label: 'nav.directory',
    active: (r) => ['directory', 'service', 'serviceNew', 'serviceEdit'].includes(r.name),
  },
  { route: { name: 'map' }, label: 'nav.map', active: (r) => r.name === 'map' },
  { route: { name: 'capacity' }, label: 'nav.capacity', active: (r) => r.name === 'capacity' },
  { route: { name: 'dashboard' }, label: 'nav.dashboard', active: (r) => r.name === 'dashboard' },
  {
    route: { name: 'referrals' },
    label: 'nav.referrals',
    active: (r) =>
      ['referrals', 'referralNew', 'referral', 'referralEdit', 'letter'].includes(r.name),
  },
  {
    route: { name: 'screening' },
    label: 'nav.screening',
    active: (r) => ['screening', 'screeningHistory', 'screeningRecord'].includes(r.name),
  },
  {
    route: { name: 'statistics' },
    label: 'nav.statistics',
    active: (r) => r.name === 'statistics',
  },
];

/** Running the installation: one menu, so the header stays one row from 1024 px up. */
const ADMIN_NAV: NavItem[] = [
  { route: { name: 'exchange' }, label: 'nav.exchange', active: (r) => r.name === 'exchange' },
  {
    route: { name: 'sync' },
    label: 'nav.sync',
    active: (r) => ['sync', 'syncConflict'].includes(r.name),
  },
  { route: { name: 'users' }, label: 'nav.users', active: (r) => r.name === 'users' },
  { route: { name: 'audit' }, label: 'nav.audit', active: (r) => r.name === 'audit' },
  { route: { name: 'settings' }, label: 'nav.settings', active: (r) => r.name === 'settings' },
  {
    route: { name: 'screeningSettings' },
    label: 'nav.screeningSettings',
    active: (r) => r.name === 'screeningSettings',
  },
];

export const Shell = ({ route, children }: { route: Route; children: ReactNode }) => {
  const t = useT();
  const office = useOffice();
  const { repos } = useData();
  const hasDemo = useLiveQuery(() => repos.directory.hasDemo(), [repos]);
  // The menu offers only what the route guard lets this user open.
  const { user } = useSession();
  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('ux.skipToMain')}
      </a>
      <header className="shell-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-office">
            <bdi>{office.officeName}</bdi> · {t(`country.${office.country}`)}
          </span>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul>
            {NAV.filter((item) => mayOpen(user, href(item.route))).map((item) => (
              <li key={item.label}>
                <a href={href(item.route)} aria-current={item.active(route) ? 'page' : undefined}>
                  {t(item.label)}
                </a>
              </li>
            ))}
            <AdminMenu
              route={route}
              items={ADMIN_NAV.filter((item) => mayOpen(user, href(item.route)))}
            />
          </ul>
        </nav>
        <LanguageSelect saveForUser />
        <SyncStatus />
        <AutoBackupScheduler />
        <SessionBar />
      </header>
      {hasDemo && (
        <div className="demo-banner" role="note">
          {t('demo.banner')}
        </div>
      )}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
};

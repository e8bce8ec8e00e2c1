import type { ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { LOCALES } from '@shared/i18n/define';
import type { Locale } from '@shared/i18n/define';
import { mayOpen } from '../features/accounts/guard';
import { useSession } from '../features/accounts/session';
import { SessionBar } from '../features/accounts/SessionBar';
import { LabelledControl } from '../features/directory/Filters';
import { useData, useOffice } from './data';
import { useLocale, useT } from './i18n';
import { href } from './router';
import type { Route } from './router';
import { SyncStatus } from '../features/sync/SyncStatus';
import { AutoBackupScheduler } from '../features/exchange/AutoBackupScheduler';

type NavItem = {
  route: Route;
  label: Parameters<ReturnType<typeof useT>>[0];
  active: (r: Route) => boolean;
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
    route: { name: 'statistics' },
    label: 'nav.statistics',
    active: (r) => r.name === 'statistics',
  },
];

export const Shell = ({ route, children }: { route: Route; children: ReactNode }) => {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const office = useOffice();
  const { repos } = useData();
  const hasDemo = useLiveQuery(() => repos.directory.hasDemo(), [repos]);
  // The menu offers only what the route guard lets this user open.
  const { user } = useSession();
  return (
    <div className="shell">
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
          </ul>
        </nav>
        <LabelledControl label={t('language.label')} className="language">
          {(id) => (
            <select id={id} value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {t(`language.${l}`)}
                </option>
              ))}
            </select>
          )}
        </LabelledControl>
        <SyncStatus />
        <AutoBackupScheduler />
        <SessionBar />
      </header>
      {hasDemo && (
        <div className="demo-banner" role="note">
          {t('demo.banner')}
        </div>
      )}
      <main>{children}</main>
    </div>
  );
};

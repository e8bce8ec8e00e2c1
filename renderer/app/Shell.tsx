import type { ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { LOCALES } from '@shared/i18n/define';
import type { Locale } from '@shared/i18n/define';
import { LabelledControl } from '../features/directory/Filters';
import { useData, useOffice } from './data';
import { useLocale, useT } from './i18n';
import { href } from './router';
import type { Route } from './router';

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
  { route: { name: 'settings' }, label: 'nav.settings', active: (r) => r.name === 'settings' },
];

export const Shell = ({ route, children }: { route: Route; children: ReactNode }) => {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const office = useOffice();
  const { repos } = useData();
  const hasDemo = useLiveQuery(() => repos.directory.hasDemo(), [repos]);
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
            {NAV.map((item) => (
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

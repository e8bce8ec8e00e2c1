import { Suspense, useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../data/db';
import { RouteGuard } from '../features/accounts/guard';
import { LockScreen } from '../features/accounts/LockScreen';
import { LoginScreen } from '../features/accounts/LoginScreen';
import { useSession } from '../features/accounts/session';
import { DirectoryScreen } from '../features/directory/DirectoryScreen';
import { FiltersProvider } from '../features/directory/filterState';
import { LocaleSync } from '../features/locale/LocaleSync';
import { SyncProvider } from '../features/sync/SyncProvider';
import { DataProvider, useData } from './data';
import { I18nProvider, useT } from './i18n';
import { lazyScreen, ScreenLoading } from './lazyScreen';
import { useRoute } from './router';
import type { Route } from './router';
import { Shell } from './Shell';
import { focusWhenReady } from '../ui/focus';

// Only the directory (the start screen) and the login/lock screens are in the first load; every
// other screen and its libraries load when first opened (issue 15, cold start). A check in
// tests/unit/coldStartBundle.test.ts keeps the heavy libraries out of the first load.
const AccountScreen = lazyScreen(() =>
  import('../features/accounts/AccountScreen').then((m) => m.AccountScreen),
);
const ForcedPasswordChange = lazyScreen(() =>
  import('../features/accounts/AccountScreen').then((m) => m.ForcedPasswordChange),
);
const UsersScreen = lazyScreen(() =>
  import('../features/accounts/UsersScreen').then((m) => m.UsersScreen),
);
const AuditScreen = lazyScreen(() =>
  import('../features/audit/AuditScreen').then((m) => m.AuditScreen),
);
const CapacityScreen = lazyScreen(() =>
  import('../features/capacity/CapacityScreen').then((m) => m.CapacityScreen),
);
const DashboardScreen = lazyScreen(() =>
  import('../features/capacity/DashboardScreen').then((m) => m.DashboardScreen),
);
const ExchangeScreen = lazyScreen(() =>
  import('../features/exchange/ExchangeScreen').then((m) => m.ExchangeScreen),
);
const MapScreen = lazyScreen(() => import('../features/map/MapScreen').then((m) => m.MapScreen));
const LetterPreview = lazyScreen(() =>
  import('../features/letters/LetterPreview').then((m) => m.LetterPreview),
);
const ReferralDetail = lazyScreen(() =>
  import('../features/referrals/ReferralDetail').then((m) => m.ReferralDetail),
);
const ReferralEditor = lazyScreen(() =>
  import('../features/referrals/ReferralEditor').then((m) => m.ReferralEditor),
);
const ReferralsScreen = lazyScreen(() =>
  import('../features/referrals/ReferralsScreen').then((m) => m.ReferralsScreen),
);
const ServiceDetail = lazyScreen(() =>
  import('../features/directory/ServiceDetail').then((m) => m.ServiceDetail),
);
const ServiceEditor = lazyScreen(() =>
  import('../features/directory/ServiceEditor').then((m) => m.ServiceEditor),
);
const SettingsScreen = lazyScreen(() =>
  import('../features/settings/SettingsScreen').then((m) => m.SettingsScreen),
);
const SetupScreen = lazyScreen(() =>
  import('../features/setup/SetupScreen').then((m) => m.SetupScreen),
);
const ScreeningHistory = lazyScreen(() =>
  import('../features/screening/ScreeningHistory').then((m) => m.ScreeningHistory),
);
const ScreeningRecordView = lazyScreen(() =>
  import('../features/screening/ScreeningHistory').then((m) => m.ScreeningRecordView),
);
const ScreeningScreen = lazyScreen(() =>
  import('../features/screening/ScreeningScreen').then((m) => m.ScreeningScreen),
);
const ScreeningSettings = lazyScreen(() =>
  import('../features/screening/ScreeningSettings').then((m) => m.ScreeningSettings),
);
const StatisticsScreen = lazyScreen(() =>
  import('../features/statistics/StatisticsScreen').then((m) => m.StatisticsScreen),
);
const ConflictScreen = lazyScreen(() =>
  import('../features/sync/ConflictScreen').then((m) => m.ConflictScreen),
);
const SyncScreen = lazyScreen(() =>
  import('../features/sync/SyncScreen').then((m) => m.SyncScreen),
);

const Screen = ({ route }: { route: Route }) => {
  switch (route.name) {
    case 'service':
      return <ServiceDetail id={route.id} />;
    case 'serviceNew':
      return <ServiceEditor />;
    case 'serviceEdit':
      return <ServiceEditor id={route.id} />;
    case 'map':
      return <MapScreen serviceId={route.serviceId} />;
    case 'settings':
      return <SettingsScreen />;
    case 'exchange':
      return <ExchangeScreen />;
    case 'sync':
      return <SyncScreen />;
    case 'syncConflict':
      return <ConflictScreen docId={route.docId} />;
    case 'capacity':
      return <CapacityScreen serviceId={route.serviceId} />;
    case 'dashboard':
      return <DashboardScreen />;
    case 'referrals':
      return <ReferralsScreen />;
    case 'referralNew':
      return <ReferralEditor serviceId={route.serviceId} />;
    case 'referral':
      return <ReferralDetail id={route.id} />;
    case 'referralEdit':
      return <ReferralEditor id={route.id} />;
    case 'letter':
      return <LetterPreview referralId={route.referralId} letterId={route.letterId} />;
    case 'users':
      return <UsersScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'account':
      return <AccountScreen />;
    case 'screening':
      return <ScreeningScreen key={route.resume ?? ''} resume={route.resume} />;
    case 'screeningHistory':
      return <ScreeningHistory />;
    case 'screeningRecord':
      return <ScreeningRecordView id={route.id} />;
    case 'screeningSettings':
      return <ScreeningSettings />;
    case 'statistics':
      return <StatisticsScreen />;
    case 'directory':
    case 'other':
      return <DirectoryScreen />;
  }
};

const Gate = () => {
  const { office, loading, repos, accountsAtStart } = useData();
  const route = useRoute();
  const t = useT();
  const session = useSession();
  // An installation set up before accounts has an office and no user: it gets an administrator.
  const accounts = useLiveQuery(() => repos.accounts.count(), [repos], accountsAtStart);
  if (loading || accounts === undefined) return <p role="status">{t('status.loading')}</p>;
  if (!office || accounts === 0) {
    return (
      <Suspense fallback={<ScreenLoading />}>
        <SetupScreen />
      </Suspense>
    );
  }
  // Nothing of the app is rendered, hence nothing of the case data is in the DOM, until a user
  // is logged in and the screen is unlocked.
  if (session.state.status === 'loading') return <p role="status">{t('status.loading')}</p>;
  if (session.state.status === 'anonymous') return <LoginScreen />;
  if (session.state.status === 'locked') return <LockScreen />;
  if (session.user?.mustChangePassword) {
    return (
      <Suspense fallback={<ScreenLoading />}>
        <ForcedPasswordChange />
      </Suspense>
    );
  }
  return (
    <SyncProvider>
      <FiltersProvider>
        <Shell route={route}>
          <RouteGuard>
            <Suspense fallback={<ScreenLoading />}>
              <Screen route={route} />
            </Suspense>
          </RouteGuard>
        </Shell>
      </FiltersProvider>
    </SyncProvider>
  );
};

export const App = () => {
  const [db] = useState(getDb);
  // Moves focus to the main heading on navigation, so screen readers announce the new screen.
  useEffect(() => {
    // Screens that read their data first render their heading a few frames later.
    let cancel = () => {};
    const onHash = () => {
      cancel();
      cancel = focusWhenReady('main h1', { frames: 300 });
    };
    window.addEventListener('hashchange', onHash);
    return () => {
      cancel();
      window.removeEventListener('hashchange', onHash);
    };
  }, []);
  return (
    <I18nProvider>
      <DataProvider db={db}>
        <LocaleSync />
        <Gate />
      </DataProvider>
    </I18nProvider>
  );
};

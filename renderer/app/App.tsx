import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../data/db';
import { AccountScreen, ForcedPasswordChange } from '../features/accounts/AccountScreen';
import { RouteGuard } from '../features/accounts/guard';
import { LockScreen } from '../features/accounts/LockScreen';
import { LoginScreen } from '../features/accounts/LoginScreen';
import { useSession } from '../features/accounts/session';
import { UsersScreen } from '../features/accounts/UsersScreen';
import { AuditScreen } from '../features/audit/AuditScreen';
import { CapacityScreen } from '../features/capacity/CapacityScreen';
import { DashboardScreen } from '../features/capacity/DashboardScreen';
import { DirectoryScreen } from '../features/directory/DirectoryScreen';
import { FiltersProvider } from '../features/directory/filterState';
import { ExchangeScreen } from '../features/exchange/ExchangeScreen';
import { MapScreen } from '../features/map/MapScreen';
import { LetterPreview } from '../features/letters/LetterPreview';
import { ReferralDetail } from '../features/referrals/ReferralDetail';
import { ReferralEditor } from '../features/referrals/ReferralEditor';
import { ReferralsScreen } from '../features/referrals/ReferralsScreen';
import { ServiceDetail } from '../features/directory/ServiceDetail';
import { ServiceEditor } from '../features/directory/ServiceEditor';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { SetupScreen } from '../features/setup/SetupScreen';
import { LocaleSync } from '../features/locale/LocaleSync';
import { ScreeningHistory, ScreeningRecordView } from '../features/screening/ScreeningHistory';
import { ScreeningScreen } from '../features/screening/ScreeningScreen';
import { ScreeningSettings } from '../features/screening/ScreeningSettings';
import { StatisticsScreen } from '../features/statistics/StatisticsScreen';
import { ConflictScreen } from '../features/sync/ConflictScreen';
import { SyncProvider } from '../features/sync/SyncProvider';
import { SyncScreen } from '../features/sync/SyncScreen';
import { DataProvider, useData } from './data';
import { I18nProvider, useT } from './i18n';
import { useRoute } from './router';
import type { Route } from './router';
import { Shell } from './Shell';
import { focusWhenReady } from '../ui/focus';

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
  const { office, loading, repos } = useData();
  const route = useRoute();
  const t = useT();
  const session = useSession();
  // An installation set up before accounts has an office and no user: it gets an administrator.
  const accounts = useLiveQuery(() => repos.accounts.count(), [repos]);
  if (loading || accounts === undefined) return <p role="status">{t('status.loading')}</p>;
  if (!office || accounts === 0) return <SetupScreen />;
  // Nothing of the app is rendered, hence nothing of the case data is in the DOM, until a user
  // is logged in and the screen is unlocked.
  if (session.state.status === 'loading') return <p role="status">{t('status.loading')}</p>;
  if (session.state.status === 'anonymous') return <LoginScreen />;
  if (session.state.status === 'locked') return <LockScreen />;
  if (session.user?.mustChangePassword) return <ForcedPasswordChange />;
  return (
    <SyncProvider>
      <FiltersProvider>
        <Shell route={route}>
          <RouteGuard>
            <Screen route={route} />
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
      cancel = focusWhenReady('main h1');
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

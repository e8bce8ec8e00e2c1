import { useEffect, useState } from 'react';
import { getDb } from '../data/db';
import { DirectoryScreen } from '../features/directory/DirectoryScreen';
import { FiltersProvider } from '../features/directory/filterState';
import { ServiceDetail } from '../features/directory/ServiceDetail';
import { ServiceEditor } from '../features/directory/ServiceEditor';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { SetupScreen } from '../features/setup/SetupScreen';
import { DataProvider, useData } from './data';
import { I18nProvider, useT } from './i18n';
import { useRoute } from './router';
import type { Route } from './router';
import { Shell } from './Shell';

const Screen = ({ route }: { route: Route }) => {
  switch (route.name) {
    case 'service':
      return <ServiceDetail id={route.id} />;
    case 'serviceNew':
      return <ServiceEditor />;
    case 'serviceEdit':
      return <ServiceEditor id={route.id} />;
    case 'settings':
      return <SettingsScreen />;
    case 'directory':
    case 'other':
      return <DirectoryScreen />;
  }
};

const Gate = () => {
  const { office, loading } = useData();
  const route = useRoute();
  const t = useT();
  if (loading) return <p role="status">{t('status.loading')}</p>;
  if (!office) return <SetupScreen />;
  return (
    <FiltersProvider>
      <Shell route={route}>
        <Screen route={route} />
      </Shell>
    </FiltersProvider>
  );
};

export const App = () => {
  const [db] = useState(getDb);
  // Moves focus to the main heading on navigation, so screen readers announce the new screen.
  useEffect(() => {
    const onHash = () =>
      requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return (
    <I18nProvider>
      <DataProvider db={db}>
        <Gate />
      </DataProvider>
    </I18nProvider>
  );
};

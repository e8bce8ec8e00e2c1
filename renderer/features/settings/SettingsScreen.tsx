/** Settings: this office (country, code, name, user), demo data, version. */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { PlatformResult } from '@shared/platform/contract';
import { useData, useOffice } from '../../app/data';
import { useT } from '../../app/i18n';
import { platform } from '../../platform';
import { ErrorSummary } from '../../ui/Field';
import { CapacitySettings } from '../capacity/CapacitySettings';
import { MapSettings } from '../map/MapSettings';
import { LetterheadSettings } from '../letters/LetterheadSettings';
import { SeriesSettings } from '../letters/SeriesSettings';
import { OfficeFields, readOfficeForm } from '../setup/SetupScreen';
import { SecuritySettings } from '../accounts/SecuritySettings';
import { SyncSettings } from '../sync/SyncSettings';
import { AutoBackupSection } from '../exchange/AutoBackupSection';
import { AreaSettings } from './AreaSettings';
import { LocaleSettings } from '../locale/LocaleSettings';

export const SettingsScreen = () => {
  const t = useT();
  const office = useOffice();
  const { repos } = useData();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [info, setInfo] = useState<PlatformResult<'appInfo'>>();
  const [confirmRemove, setConfirmRemove] = useState(false);
  const hasDemo = useLiveQuery(() => repos.directory.hasDemo(), [repos]);
  useEffect(() => {
    void platform().appInfo(undefined).then(setInfo);
  }, []);

  const saveOffice = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const result = await repos.settings.saveOffice({
      ...office,
      ...readOfficeForm(e.currentTarget),
    });
    setErrors(result.ok ? {} : result.errors);
    setMessage(result.ok ? t('settings.officeSaved') : '');
  };

  return (
    <div className="settings">
      <h1 tabIndex={-1}>{t('settings.title')}</h1>
      {message && <p role="status">{message}</p>}
      <section className="panel" aria-labelledby="settings-office">
        <h2 id="settings-office">{t('settings.office')}</h2>
        <form onSubmit={saveOffice} noValidate aria-label={t('settings.office')}>
          <ErrorSummary errors={errors} />
          <OfficeFields errors={errors} defaults={office} withUserName={false} />
          <button type="submit" className="primary">
            {t('action.save')}
          </button>
        </form>
      </section>
      <LocaleSettings />
      <SecuritySettings />
      <section className="panel" aria-labelledby="settings-demo">
        <h2 id="settings-demo">{t('settings.demo')}</h2>
        {hasDemo && !confirmRemove && (
          <button type="button" onClick={() => setConfirmRemove(true)}>
            {t('demo.remove')}
          </button>
        )}
        {hasDemo && confirmRemove && (
          // Asked in the page, not in a browser dialog: the question stays next to the button.
          <div className="confirm" role="group" aria-labelledby="settings-demo-confirm">
            <p id="settings-demo-confirm">{t('ux.demo.confirmRemove')}</p>
            <button
              type="button"
              className="danger"
              onClick={async () => {
                setConfirmRemove(false);
                await repos.capacity.removeDemo();
                setMessage(
                  t('settings.demoRemoved', { count: await repos.directory.removeDemo() }),
                );
              }}
            >
              {t('ux.demo.confirmRemoveYes')}
            </button>
            <button type="button" onClick={() => setConfirmRemove(false)}>
              {t('action.cancel')}
            </button>
          </div>
        )}
        {!hasDemo && (
          <>
            <p>{t('settings.demoNone')}</p>
            <button
              type="button"
              onClick={async () => {
                const count = await repos.directory.loadDemo(office.country);
                await repos.capacity.loadDemo(); // the demo shelters' two weeks of beds
                setMessage(t('settings.demoLoaded', { count }));
              }}
            >
              {t('settings.demoLoad')}
            </button>
          </>
        )}
      </section>
      <CapacitySettings />
      <MapSettings />
      <LetterheadSettings />
      <AreaSettings />
      <SeriesSettings />
      <SyncSettings />
      <AutoBackupSection />
      <section className="panel" aria-labelledby="settings-about">
        <h2 id="settings-about">{t('settings.about')}</h2>
        {info && <p>{t('settings.version', { version: info.version, kind: info.kind })}</p>}
      </section>
    </div>
  );
};

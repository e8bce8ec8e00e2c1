/** Settings → Sync folder and → Server: the two ways this office connects to the others. */
import { useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useT } from '../../app/i18n';
import { platform } from '../../platform';
import { Field } from '../../ui/Field';
import { useSync } from './SyncProvider';
import { useSyncGuard } from './useSyncGuard';
import { useSessionStore } from '../accounts/session';
import { createServerCredentials } from '../../data/repositories/serverCredentials';

const validUrl = (url: string) => /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i.test(url);

export const SyncConnections = () => {
  const t = useT();
  const { service } = useSync();
  const guard = useSyncGuard();
  const [folderInfo, setFolderInfo] = useState<{ supported: boolean; path: string | null }>();
  const [urlError, setUrlError] = useState<string>();
  const [saved, setSaved] = useState('');
  const settings = useLiveQuery(() => service.repo.settings(), [service]);
  const session = useSessionStore();
  const credentials = useMemo(
    () => createServerCredentials(service.repo.tables, platform(), session),
    [service, session],
  );
  const server = useLiveQuery(async () => (await credentials.summary()) ?? null, [credentials]);
  useEffect(() => {
    void platform().syncFolderInfo(undefined).then(setFolderInfo);
  }, []);

  const saveServer = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const url = String(form.get('url') ?? '')
      .trim()
      .replace(/\/+$/, '');
    const enabled = form.get('enabled') === 'on';
    if (url !== '' && !validUrl(url)) return setUrlError(t('sync.serverUrlInvalid'));
    setUrlError(undefined);
    const typed = String(form.get('password') ?? '');
    const { reload } = await credentials.save(
      url === ''
        ? null
        : {
            url,
            username: String(form.get('username') ?? '').trim(),
            // Left empty: the password stored before is kept (it is never shown again).
            ...(typed !== '' ? { password: typed } : {}),
            enabled,
          },
    );
    setSaved(t('status.saved'));
    // Desktop app: the window's CSP names the server, so a new server needs a new load.
    if (reload) window.location.reload();
  };

  return (
    <>
      <h3>{t('sync.folder')}</h3>
      <p className="hint">{t('sync.folderHint')}</p>
      {folderInfo && !folderInfo.supported && (
        <p className="warning">{t('sync.folderUnsupported')}</p>
      )}
      {folderInfo?.supported && settings && (
        <>
          <p>
            {t('sync.folderLabel')} :{' '}
            {folderInfo.path ? <bdi>{folderInfo.path}</bdi> : t('sync.folderNone')}
          </p>
          <button
            type="button"
            onClick={async () => setFolderInfo(await platform().syncFolderChoose(undefined))}
          >
            {t('sync.folderChoose')}
          </button>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={settings.folderEnabled}
              disabled={!folderInfo.path}
              onChange={(e) => void guard.saveSettings({ folderEnabled: e.target.checked })}
            />
            {t('sync.folderEnabled', { minutes: settings.intervalMinutes })}
          </label>
        </>
      )}
      <h3>{t('sync.server')}</h3>
      <p className="hint">{t('sync.serverHint')}</p>
      {server !== undefined && (
        <form onSubmit={saveServer} aria-label={t('sync.server')} className="sync-form" noValidate>
          <Field label={t('sync.serverUrl')} error={urlError}>
            {(p) => (
              <input
                {...p}
                name="url"
                type="url"
                defaultValue={server?.url ?? ''}
                placeholder="https://"
              />
            )}
          </Field>
          <div className="row">
            <Field label={t('sync.serverUser')}>
              {(p) => (
                <input
                  {...p}
                  name="username"
                  autoComplete="username"
                  defaultValue={server?.username ?? ''}
                />
              )}
            </Field>
            <Field label={t('sync.serverPassword')}>
              {(p) => (
                <input
                  {...p}
                  name="password"
                  type="password"
                  autoComplete="current-password"
                  placeholder={server?.hasPassword ? t('trust.server.passwordKept') : ''}
                />
              )}
            </Field>
          </div>
          <label className="checkbox">
            <input type="checkbox" name="enabled" defaultChecked={server?.enabled ?? true} />
            {t('sync.serverEnabled')}
          </label>
          <div>
            <button type="submit">{t('action.save')}</button> <span role="status">{saved}</span>
          </div>
        </form>
      )}
    </>
  );
};

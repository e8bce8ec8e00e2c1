/**
 * Settings → Synchronisation: this office's identity and fingerprint (to send to partners),
 * the trusted offices (import an identity file, compare its fingerprint, trust; revoke), and the
 * two ways to connect (SyncConnections).
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { OfficeIdentity } from '@shared/domain/sync/identity';
import { OFFICE_LEVELS, formatFingerprint } from '@shared/domain/sync/identity';
import { useOffice } from '../../app/data';
import { useT } from '../../app/i18n';
import { platform } from '../../platform';
import { Field } from '../../ui/Field';
import { useSync } from './SyncProvider';
import { SyncConnections } from './SyncConnections';
import { useSyncGuard } from './useSyncGuard';

export const SyncSettings = () => {
  const t = useT();
  const office = useOffice();
  const { service } = useSync();
  const guard = useSyncGuard();
  const [message, setMessage] = useState('');
  const [candidate, setCandidate] = useState<{ identity: OfficeIdentity; keyId: string } | null>(
    null,
  );
  const identity = useLiveQuery(() => service.repo.identity(office), [service, office]);
  const settings = useLiveQuery(() => service.repo.settings(), [service]);
  const peers = useLiveQuery(() => service.repo.peers(), [service]);

  const exportIdentity = async () => {
    if (!identity) return;
    const { keyId: _keyId, ...file } = identity;
    await platform().saveFile({
      suggestedName: `passerelle-bureau-${identity.office}.json`,
      mimeType: 'application/json',
      data: JSON.stringify(file, null, 2),
    });
  };

  const importIdentity = async () => {
    setCandidate(null);
    const file = await platform().openFile({ extensions: ['json'] });
    if (!file) return;
    let raw: unknown;
    try {
      raw = JSON.parse(new TextDecoder().decode(file.data));
    } catch {
      return setMessage(t('sync.importIdentityBad'));
    }
    const read = await service.repo.readIdentity(raw);
    if (!read.ok) return setMessage(t('sync.importIdentityBad'));
    if (read.keyId === identity?.keyId) return setMessage(t('sync.importIdentityOwn'));
    setMessage('');
    setCandidate(read);
  };

  const saveSettings = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const level = String(form.get('level'));
    await guard.saveSettings({
      level: OFFICE_LEVELS.find((l) => l === level) ?? 'regional',
      ministry: String(form.get('ministry') ?? '')
        .trim()
        .toUpperCase()
        .slice(0, 10),
      relay: form.get('relay') === 'on',
    });
    setMessage(t('sync.settingsSaved'));
  };

  return (
    <section aria-labelledby="settings-sync" className="panel sync-settings">
      <h2 id="settings-sync">{t('sync.settings')}</h2>
      <p role="status">{message}</p>
      <h3>{t('sync.identity')}</h3>
      <p className="hint">{t('sync.identityHint')}</p>
      {identity && (
        <p>
          {identity.office} · {t('sync.fingerprint')} :{' '}
          <strong className="fingerprint" data-testid="own-fingerprint">
            {formatFingerprint(identity.keyId)}
          </strong>
        </p>
      )}
      <button type="button" onClick={() => void exportIdentity()}>
        {t('sync.exportIdentity')}
      </button>
      {settings && (
        <form onSubmit={saveSettings} aria-label={t('sync.settings')} className="sync-form">
          <Field label={t('sync.level')}>
            {(p) => (
              <select {...p} name="level" defaultValue={settings.level}>
                {OFFICE_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {t(`sync.level.${l}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('sync.ministry')}>
            {(p) => (
              <input {...p} name="ministry" defaultValue={settings.ministry} maxLength={10} />
            )}
          </Field>
          <label className="checkbox">
            <input type="checkbox" name="relay" defaultChecked={settings.relay} />
            {t('sync.relay')}
          </label>
          <div>
            <button type="submit">{t('sync.saveSettings')}</button>
          </div>
        </form>
      )}
      <h3>{t('sync.trustTitle')}</h3>
      <button type="button" onClick={() => void importIdentity()}>
        {t('sync.importIdentity')}
      </button>
      {candidate && (
        <div className="sync-candidate" role="group" aria-label={t('sync.trust')}>
          <p>
            {t('sync.confirmTrust', {
              office: candidate.identity.office,
              name: candidate.identity.name,
              fingerprint: formatFingerprint(candidate.keyId),
            })}
          </p>
          <button
            type="button"
            className="primary"
            onClick={async () => {
              await guard.trust(candidate.identity, candidate.keyId);
              setMessage(t('sync.trusted', { office: candidate.identity.office }));
              setCandidate(null);
            }}
          >
            {t('sync.trust')}
          </button>{' '}
          <button type="button" onClick={() => setCandidate(null)}>
            {t('action.cancel')}
          </button>
        </div>
      )}
      {peers && peers.length > 0 && (
        <ul className="sync-peers">
          {peers.map((p) => (
            <li key={p.keyId}>
              <span>
                {p.office} · <bdi>{p.name}</bdi> ·{' '}
                <span className="fingerprint">{formatFingerprint(p.keyId)}</span>
                {p.revokedAt && <span className="sync-stale"> · {t('sync.partner.revoked')}</span>}
              </span>
              <button
                type="button"
                aria-label={`${t(p.revokedAt ? 'sync.restore' : 'sync.revoke')} ${p.office} ${formatFingerprint(p.keyId)}`}
                onClick={() => void (p.revokedAt ? guard.restore(p.keyId) : guard.revoke(p.keyId))}
              >
                {t(p.revokedAt ? 'sync.restore' : 'sync.revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <SyncConnections />
    </section>
  );
};

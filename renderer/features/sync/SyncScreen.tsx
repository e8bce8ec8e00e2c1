/**
 * #/sync: where this office stands (in step or not, what waits to be sent, conflicts), "Sync
 * now", the exchange by hand (save a bundle for e-mail, open one received), partner offices and
 * the log of what was sent, applied or refused and why.
 */
import './sync.css';
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useOffice } from '../../app/data';
import { useT } from '../../app/i18n';
import { platform } from '../../platform';
import { BUNDLE_EXTENSION } from '@shared/domain/sync/bundle';
import { useDateTime, useOutcomeMessage } from './format';
import { useInStep } from './SyncStatus';
import { useSync } from './SyncProvider';
import { ConflictList, PartnerList, SyncLog } from './SyncLists';

export const SyncScreen = () => {
  const t = useT();
  const office = useOffice();
  const { service, running, report, error, server, syncNow } = useSync();
  const inStep = useInStep();
  const dateTime = useDateTime();
  const outcomeMessage = useOutcomeMessage();
  const [message, setMessage] = useState('');
  const [all, setAll] = useState(false);
  const [busy, setBusy] = useState(false);
  const pending = useLiveQuery(() => service.repo.pendingCount(), [service]);
  const last = useLiveQuery(() => service.repo.lastSync(), [service]);
  const conflicts = useLiveQuery(() => service.repo.conflicts(), [service]);
  const folder = useLiveQuery(async () => {
    const s = await service.repo.settings();
    const info = await platform().syncFolderInfo(undefined);
    return s.folderEnabled && info.path ? info.path : null;
  }, [service]);

  const exportByHand = async () => {
    setBusy(true);
    try {
      const file = await service.exportFile({ all });
      if (!file) return setMessage(t('sync.exportNone'));
      const { saved } = await platform().saveFile({
        suggestedName: `passerelle-${office.officeCode}-${file.header.from}-${file.header.to}.${BUNDLE_EXTENSION}`,
        mimeType: 'application/octet-stream',
        data: file.bytes,
      });
      // The cursor moves only once the file is saved: cancelling loses nothing.
      if (saved) {
        await file.commit();
        setMessage(t('sync.exported', { count: file.header.count }));
      }
    } catch (e) {
      setMessage(t('sync.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  const importByHand = async () => {
    const file = await platform().openFile({ extensions: [BUNDLE_EXTENSION] });
    if (!file) return;
    setBusy(true);
    try {
      setMessage(outcomeMessage(await service.importFile(file.data, file.name)));
    } catch (e) {
      setMessage(t('sync.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sync-screen">
      <h1 tabIndex={-1}>{t('sync.title')}</h1>
      <p className="hint">{t('sync.intro')}</p>
      <section className="panel" aria-labelledby="sync-status">
        <h2 id="sync-status">{t('sync.status')}</h2>
        {inStep && (
          <p className={`sync-state ${inStep.stale ? 'sync-stale' : ''}`}>{inStep.text}</p>
        )}
        <dl className="sync-facts">
          <dt>{t('sync.lastSync')}</dt>
          <dd>{last ? dateTime(last) : t('sync.never')}</dd>
          <dt>{t('sync.pending')}</dt>
          <dd>{pending ?? '…'}</dd>
          <dt>{t('sync.conflictsCount')}</dt>
          <dd>{conflicts?.length ?? '…'}</dd>
          <dt>{t('sync.folderLabel')}</dt>
          <dd>{folder ? <bdi>{folder}</bdi> : t('sync.folderNone')}</dd>
          <dt>{t('sync.serverLabel')}</dt>
          <dd>{server ? t(`sync.server.${server.state}`) : t('sync.serverNone')}</dd>
        </dl>
        <button type="button" className="primary" onClick={() => void syncNow()} disabled={running}>
          {running ? t('sync.running') : t('sync.now')}
        </button>
        <div role="status" className="sync-message">
          {error
            ? t('sync.failed', { message: error })
            : report &&
              !running &&
              t('sync.done', {
                drained: report.drained,
                sent: report.folder?.sent ?? 0,
                applied: report.applied,
                rejected: report.rejected,
              })}
        </div>
        {report?.locked && !running && (
          <p className="warning" role="note">
            {t('referrals.sync.locked')}
          </p>
        )}
      </section>
      <section className="panel" aria-labelledby="sync-hand">
        <h2 id="sync-hand">{t('sync.byHand')}</h2>
        <p className="hint">{t('sync.byHandHint')}</p>
        <label className="checkbox">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
          {t('sync.exportAll')}
        </label>
        <div className="row">
          <button type="button" onClick={() => void exportByHand()} disabled={busy}>
            {t('sync.export')}
          </button>
          <button type="button" onClick={() => void importByHand()} disabled={busy}>
            {t('sync.import')}
          </button>
        </div>
        <p role="status" className="sync-message">
          {message}
        </p>
      </section>
      <ConflictList />
      <PartnerList />
      <SyncLog />
    </div>
  );
};

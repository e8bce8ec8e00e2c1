/** The sync screen's lists: conflicts, partner offices, and the exchange log. */
import { useLiveQuery } from 'dexie-react-hooks';
import { formatFingerprint } from '@shared/domain/sync/identity';
import { parseDocId } from '@shared/domain/sync/registry';
import { useData } from '../../app/data';
import { isMessageId, useT } from '../../app/i18n';
import { href } from '../../app/router';
import type { LogRow } from '../../data/repositories/sync';
import { useDateTime } from './format';
import { useSync } from './SyncProvider';

export const useTableName = () => {
  const t = useT();
  return (table: string) => {
    const id = `sync.table.${table}`;
    return isMessageId(id) ? t(id) : t('sync.table.other', { table });
  };
};

export const ConflictList = () => {
  const t = useT();
  const { service } = useSync();
  const { repos } = useData();
  const tableName = useTableName();
  const conflicts = useLiveQuery(async () => {
    const rows = await service.repo.conflicts();
    return Promise.all(
      rows.map(async (c) => {
        const record = (await repos.db.table(c.table).get(c.recordId)) as
          { name?: unknown } | undefined;
        return { ...c, label: typeof record?.name === 'string' ? record.name : c.recordId };
      }),
    );
  }, [service, repos]);
  return (
    <section className="panel" aria-labelledby="sync-conflicts">
      <h2 id="sync-conflicts">{t('sync.conflicts')}</h2>
      <p className="hint">{t('sync.conflictsHint')}</p>
      {conflicts?.length === 0 && <p>{t('sync.conflictsNone')}</p>}
      {conflicts && conflicts.length > 0 && (
        <table className="sync-table">
          <thead>
            <tr>
              <th scope="col">{t('sync.conflict.record')}</th>
              <th scope="col">{t('sync.conflict.table')}</th>
              <th scope="col">{t('sync.conflict.versions')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('sync.conflict.compare')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {conflicts.map((c) => (
              <tr key={c.docId}>
                <td>
                  <bdi>{c.label}</bdi>
                </td>
                <td>{tableName(parseDocId(c.docId)?.table ?? c.table)}</td>
                <td>{c.revs.length}</td>
                <td>
                  <a href={href({ name: 'syncConflict', docId: c.docId })}>
                    {t('sync.conflict.compare')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};

export const PartnerList = () => {
  const t = useT();
  const { service } = useSync();
  const dateTime = useDateTime();
  const partners = useLiveQuery(async () => {
    const [peers, log] = await Promise.all([
      service.repo.peers(),
      service.repo.tables.log.toArray(),
    ]);
    return peers.map((p) => ({
      ...p,
      lastReceived: log
        .filter((l) => l.kind === 'applied' && l.key === p.keyId)
        .reduce<string | null>((m, l) => (m && m > l.at ? m : l.at), null),
    }));
  }, [service]);
  return (
    <section className="panel" aria-labelledby="sync-partners">
      <h2 id="sync-partners">{t('sync.partners')}</h2>
      {partners?.length === 0 && <p>{t('sync.partnersNone')}</p>}
      {partners && partners.length > 0 && (
        <table className="sync-table">
          <thead>
            <tr>
              <th scope="col">{t('sync.partner.office')}</th>
              <th scope="col">{t('sync.partner.fingerprint')}</th>
              <th scope="col">{t('sync.partner.lastReceived')}</th>
              <th scope="col">{t('sync.partner.state')}</th>
            </tr>
          </thead>
          <tbody>
            {partners.map((p) => (
              <tr key={p.keyId}>
                <td>
                  {p.office} · <bdi>{p.name}</bdi>
                </td>
                <td className="fingerprint">{formatFingerprint(p.keyId)}</td>
                <td>{p.lastReceived ? dateTime(p.lastReceived) : '—'}</td>
                <td className={p.revokedAt ? 'sync-stale' : ''}>
                  {t(p.revokedAt ? 'sync.partner.revoked' : 'sync.partner.trusted')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};

const useLogText = () => {
  const t = useT();
  return (l: LogRow): string => {
    const office = l.office ?? '?';
    const future = l.future ? ` ${t('sync.log.future', { count: l.future })}` : '';
    switch (l.kind) {
      case 'sent':
        return t('sync.log.sent', { count: l.count });
      case 'applied':
        return l.count || !l.future
          ? t('sync.log.applied', { office, count: l.count }) + future
          : future.trim();
      case 'replayed':
        return t('sync.log.replayed', { office });
      case 'rejected':
        return t('sync.log.rejected', {
          office,
          reasons: [...new Set((l.reasons ?? []).map((r) => t(`sync.reason.${r.reason}`)))].join(
            ', ',
          ),
        });
      default:
        return l.kind;
    }
  };
};

export const SyncLog = () => {
  const t = useT();
  const { service } = useSync();
  const dateTime = useDateTime();
  const text = useLogText();
  const log = useLiveQuery(() => service.repo.log(30), [service]);
  return (
    <section className="panel" aria-labelledby="sync-log">
      <h2 id="sync-log">{t('sync.log')}</h2>
      {log?.length === 0 && <p>{t('sync.logNone')}</p>}
      {log && log.length > 0 && (
        <table className="sync-table">
          <thead>
            <tr>
              <th scope="col">{t('sync.log.at')}</th>
              <th scope="col">{t('sync.log.what')}</th>
            </tr>
          </thead>
          <tbody>
            {log.map((l) => (
              <tr key={l.id} className={l.kind === 'rejected' ? 'sync-rejected' : ''}>
                <td>
                  {dateTime(l.at)} · {t(`sync.channel.${l.channel}`)}
                </td>
                <td>{text(l)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};

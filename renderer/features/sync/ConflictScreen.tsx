/**
 * #/sync/conflicts/<doc>: every kept version of a conflicted record side by side, the fields
 * that differ highlighted. The owner office picks one; the choice replicates to every office.
 */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { differingFields, displayValue } from '@shared/domain/sync/diff';
import { parseDocId } from '@shared/domain/sync/registry';
import { useT } from '../../app/i18n';
import { href } from '../../app/router';
import type { ResolveOutcome } from '../../data/sync/conflicts';
import { conflictVersions } from '../../data/sync/conflicts';
import { useSyncGuard } from './useSyncGuard';
import { useDateTime } from './format';
import { useTableName } from './SyncLists';
import { useSync } from './SyncProvider';

/** Bookkeeping fields every record has; shown last, since people decide on the content. */
const META = ['id', 'office', 'createdAt', 'updatedAt', 'deletedAt', 'demo'];

export const ConflictScreen = ({ docId }: { docId: string }) => {
  const t = useT();
  const { service } = useSync();
  const guard = useSyncGuard();
  const dateTime = useDateTime();
  const tableName = useTableName();
  const [outcome, setOutcome] = useState<ResolveOutcome | null>(null);
  // Re-read when the conflict list changes (a resolution arrived from another desk).
  const row = useLiveQuery(() => service.repo.tables.conflicts.get(docId), [service, docId]);
  const versions = useLiveQuery(
    () => (row ? conflictVersions(service, docId) : Promise.resolve([])),
    [service, docId, row?.revs.join()],
  );
  const table = parseDocId(docId)?.table ?? '';
  const records = versions?.map((v) => v.record) ?? [];
  const differing = new Set(differingFields(records));
  // What differs first (that is what a person decides on), then the rest, bookkeeping last.
  const all = [...new Set(records.flatMap((r) => (r ? Object.keys(r) : [])))].sort();
  const fields = [
    ...all.filter((f) => differing.has(f) && !META.includes(f)),
    ...all.filter((f) => !differing.has(f) && !META.includes(f)),
    ...META.filter((f) => all.includes(f)),
  ];

  const message =
    outcome?.ok === true
      ? t('sync.conflict.resolved')
      : outcome?.reason === 'notOwner'
        ? t('sync.conflict.notOwner', { office: outcome.owner ?? '?' })
        : outcome?.reason === 'gone'
          ? t('sync.conflict.gone')
          : '';

  return (
    <div className="sync-conflict">
      <p>
        <a href={href({ name: 'sync' })}>{t('action.back')}</a>
      </p>
      <h1 tabIndex={-1}>
        {t('sync.conflict.title')} · {tableName(table)}
      </h1>
      <p role="status">{message}</p>
      {row === undefined && !outcome && <p>{t('sync.conflict.gone')}</p>}
      {versions && versions.length > 1 && (
        <table className="panel sync-table sync-compare">
          <thead>
            <tr>
              <th scope="col">{t('sync.conflict.field')}</th>
              {versions.map((v, i) => (
                <th scope="col" key={v.rev}>
                  {t('sync.conflict.version', { n: i + 1 })}
                  {i === 0 && ` (${t('sync.conflict.current')})`}
                  <br />
                  <span className="hint">
                    {t('sync.conflict.author', {
                      office: v.author?.office ?? '?',
                      at: v.at ? dateTime(v.at) : '?',
                    })}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr key={f} className={differing.has(f) ? 'sync-differs' : ''}>
                <th scope="row">
                  {f}
                  {differing.has(f) && (
                    <span className="sync-differs-tag"> · {t('sync.conflict.differs')}</span>
                  )}
                </th>
                {versions.map((v) => (
                  <td key={v.rev}>
                    <bdi>{displayValue(v.record?.[f])}</bdi>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td />
              {versions.map((v, i) => (
                <td key={v.rev}>
                  <button
                    type="button"
                    onClick={async () => setOutcome(await guard.resolveConflict(docId, v.rev))}
                  >
                    {t('sync.conflict.keep', { n: i + 1 })}
                  </button>
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      )}
    </div>
  );
};

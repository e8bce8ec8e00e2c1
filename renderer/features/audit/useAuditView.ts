/**
 * For screens that show case data: writes one audit entry ("who saw which record, when") when
 * the record is opened, and again if another record is opened in the same screen. A liveQuery
 * may only read, so the entry is written from an effect, never from the query.
 */
import { useEffect } from 'react';
import { useData } from '../../app/data';
import type { AuditViewItem } from '../../data/journal';

export const useAuditView = (item: AuditViewItem | null): void => {
  const { repos } = useData();
  const key = item ? JSON.stringify(item) : '';
  useEffect(() => {
    if (!key) return;
    void repos.audit.view(JSON.parse(key) as AuditViewItem);
    // `repos` changes when the user changes: a new user seeing the record is a new view.
  }, [repos, key]);
};

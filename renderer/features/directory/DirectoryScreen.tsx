/** The directory list: search, filters, sortable columns, pages of 50. */
import './directory.css';
import { memo, useMemo, useState } from 'react';
import type { ServiceView } from '@shared/domain/directory/schema';
import { useT } from '../../app/i18n';
import { href } from '../../app/router';
import { useFormatDate } from '../../ui/format';
import { useSession } from '../accounts/session';
import type { CapacityBadges } from '../capacity/CapacityBadge';
import { ShelterCapacity, useCapacityBadges } from '../capacity/CapacityBadge';
import { Filters, LabelledControl } from './Filters';
import { useFilters } from './filterState';
import { regionName, useDirectorySearch, useRegionName } from './useDirectory';

const PAGE_SIZE = 50;
type Sort = 'relevance' | 'name' | 'region' | 'verified';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const sorters: Record<Exclude<Sort, 'relevance'>, (a: ServiceView, b: ServiceView) => number> = {
  name: (a, b) => collator.compare(a.service.name, b.service.name),
  region: (a, b) =>
    collator.compare(
      regionName(a.locations[0]?.address.adminAreaCode),
      regionName(b.locations[0]?.address.adminAreaCode),
    ) || collator.compare(a.service.name, b.service.name),
  // Most recently verified first; never verified last.
  verified: (a, b) =>
    (b.service.lastVerified?.date ?? '').localeCompare(a.service.lastVerified?.date ?? ''),
};

export const DirectoryScreen = () => {
  const t = useT();
  const { filters } = useFilters();
  const [sort, setSort] = useState<Sort>('relevance');
  // The page resets when filters or sort change: it is remembered per (filters, sort) key.
  const key = JSON.stringify([filters, sort]);
  const [paging, setPaging] = useState({ key, page: 1 });
  const page = paging.key === key ? paging.page : 1;
  const setPage = (p: number) => setPaging({ key, page: p });
  const { views, size, hits, total, query, indexing } = useDirectorySearch(
    sort === 'relevance' ? page * PAGE_SIZE : Infinity,
  );
  // A query typed before the index is ready: "loading", not the list of another query.
  const waiting = indexing && filters.text.trim() !== '';
  const sorted = useMemo(
    () => (sort === 'relevance' ? hits : [...hits].sort(sorters[sort])),
    [hits, sort],
  );
  const pages = waiting ? 1 : Math.max(1, Math.ceil(total / PAGE_SIZE));
  // Never the list of another query: while the query waits for the index, no rows.
  const rows = waiting ? [] : sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  const { can } = useSession();
  // Bed figures are read once the records are (not at start), and kept here, above the rows:
  // a query with no hits empties the table, and the next one must not read every shelter again.
  const all = useCapacityBadges(views !== undefined);
  const population = filters.freeBedFor;
  // The bed figure follows the "free bed for …" filter here as on the map.
  const badges = useMemo(() => ({ ...all, population }), [all, population]);

  return (
    <div className="directory">
      <div className="screen-head">
        <h1 tabIndex={-1}>{t('directory.title')}</h1>
        {can('directory.edit') && (
          <a className="button primary" href={href({ name: 'serviceNew' })}>
            {t('directory.add')}
          </a>
        )}
      </div>
      <Filters>
        <LabelledControl label={t('directory.sortBy')}>
          {(id) => (
            <select id={id} value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
              {(['relevance', 'name', 'region', 'verified'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`directory.sort.${s}`)}
                </option>
              ))}
            </select>
          )}
        </LabelledControl>
      </Filters>
      <p role="status" className="result-count" data-query={query}>
        {size !== undefined && !waiting
          ? t('directory.results', { count: total })
          : t('status.loading')}
      </p>
      {size === 0 && <p>{t('directory.emptyDirectory')}</p>}
      {size !== undefined && size > 0 && total === 0 && !waiting && <p>{t('directory.empty')}</p>}
      {rows.length > 0 && (
        <table className="service-table" aria-label={t('directory.title')}>
          <thead>
            <tr>
              {(['name', 'category', 'region', 'phone', 'verified'] as const).map((c) => (
                <th key={c} scope="col">
                  {t(`directory.col.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((v) => (
              <ServiceRow
                key={v.service.id}
                view={v}
                // The first page kept from the last session: capacity comes with the records.
                badges={views ? badges : NO_BADGES}
              />
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <nav className="pager" aria-label={t('directory.page', { page, pages })}>
          <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('directory.previous')}
          </button>
          <span>{t('directory.page', { page, pages })}</span>
          <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t('directory.next')}
          </button>
        </nav>
      )}
    </div>
  );
};

const NO_BADGES: CapacityBadges = { summaries: undefined, now: 0, staleAfterHours: 0 };

/** Memoised: typing re-renders the screen, not the 50 rows it already shows. */
const ServiceRow = memo(function ServiceRow({
  view,
  badges,
}: {
  view: ServiceView;
  badges: CapacityBadges;
}) {
  const t = useT();
  const formatDate = useFormatDate();
  const regionLabel = useRegionName();
  const { service: s, organization, locations } = view;
  return (
    <tr>
      <td>
        <a href={href({ name: 'service', id: s.id })}>
          <bdi>{s.name}</bdi>
        </a>
        {organization && (
          <div className="muted">
            <bdi>{organization.name}</bdi>
          </div>
        )}
      </td>
      <td>
        <span className={`category category-${s.category}`}>{t(`category.${s.category}`)}</span>
        <ShelterCapacity serviceId={s.id} badges={badges} />
      </td>
      <td>
        <bdi>{regionLabel(locations[0]?.address.adminAreaCode)}</bdi>
        {locations[0]?.address.city && <div className="muted">{locations[0].address.city}</div>}
      </td>
      <td dir="ltr" className="phone">
        {s.phones[0]?.number ?? t('service.none')}
      </td>
      <td>{s.lastVerified ? formatDate(s.lastVerified.date) : t('service.neverVerified')}</td>
    </tr>
  );
});

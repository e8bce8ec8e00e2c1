/**
 * The referral register: every referral by case code (never a name), filtered by state,
 * urgency, service, region and date, and a "needs action" view where overdue referrals come
 * first, highlighted. Filters live in the session so returning from a referral keeps them.
 */
import './referrals.css';
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { profileFor } from '@shared/domain/directory/areas';
import type { ReferralFilters } from '@shared/domain/referrals/filter';
import {
  EMPTY_REFERRAL_FILTERS,
  filterReferrals,
  hasActiveReferralFilters,
} from '@shared/domain/referrals/filter';
import { REFERRAL_STATES, URGENCIES } from '@shared/domain/referrals/schema';
import { useData, useOffice } from '../../app/data';
import { useT } from '../../app/i18n';
import { href } from '../../app/router';
import { LabelledControl } from '../directory/Filters';
import { regionName, useDirectoryViews } from '../directory/useDirectory';
import { FollowUp, StateBadge } from './badges';
import { useFormatDate, useNowIso } from './format';
import { DateField } from '../../ui/DateField';

const KEY = 'passerelle.referralFilters';
const loadFilters = (): ReferralFilters => {
  try {
    return { ...EMPTY_REFERRAL_FILTERS, ...JSON.parse(sessionStorage.getItem(KEY) ?? '{}') };
  } catch {
    return EMPTY_REFERRAL_FILTERS;
  }
};

export const ReferralsScreen = () => {
  const t = useT();
  const { repos } = useData();
  const office = useOffice();
  const referrals = useLiveQuery(() => repos.referrals.list(), [repos]);
  const views = useDirectoryViews();
  const now = useNowIso();
  const formatDate = useFormatDate();
  const [filters, setFiltersState] = useState<ReferralFilters>(loadFilters);
  const setFilters = (patch: Partial<ReferralFilters>) =>
    setFiltersState((f) => {
      const next = { ...f, ...patch };
      sessionStorage.setItem(KEY, JSON.stringify(next));
      return next;
    });

  const services = useMemo(() => new Map((views ?? []).map((v) => [v.service.id, v])), [views]);
  const regionOf = (id: string) => services.get(id)?.locations[0]?.address.adminAreaCode;
  const rows = useMemo(
    () =>
      referrals &&
      filterReferrals(referrals, filters, {
        now,
        regionOf,
        tzOffset: new Date().getTimezoneOffset(),
      }),
    // regionOf reads `services`, listed instead.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [referrals, filters, now, services],
  );
  const actionCount = useMemo(
    () =>
      referrals
        ? filterReferrals(
            referrals,
            { ...EMPTY_REFERRAL_FILTERS, view: 'action' },
            { now, regionOf: () => undefined },
          ).length
        : 0,
    [referrals, now],
  );
  const usedServices = useMemo(
    () =>
      [...new Set((referrals ?? []).map((r) => r.serviceId))]
        .map((id) => [id, services.get(id)?.service.name ?? t('referrals.unknownService')] as const)
        .sort((a, b) => a[1].localeCompare(b[1])),
    [referrals, services, t],
  );

  const select = (
    key: 'state' | 'urgency' | 'serviceId' | 'region',
    label: string,
    options: readonly (readonly [string, string])[],
  ) => (
    <LabelledControl label={label}>
      {(id) => (
        <select
          id={id}
          value={filters[key]}
          onChange={(e) => setFilters({ [key]: e.target.value })}
        >
          <option value="">{t('referrals.filter.any')}</option>
          {options.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      )}
    </LabelledControl>
  );
  const date = (key: 'from' | 'to', label: string) => (
    <LabelledControl label={label}>
      {(id) => (
        <DateField id={id} value={filters[key]} onChange={(iso) => setFilters({ [key]: iso })} />
      )}
    </LabelledControl>
  );

  return (
    <div className="referrals">
      <div className="screen-head">
        <h1 tabIndex={-1}>{t('referrals.title')}</h1>
        <div className="segmented" role="group" aria-label={t('referrals.viewLabel')}>
          <button
            type="button"
            aria-pressed={filters.view === 'all'}
            onClick={() => setFilters({ view: 'all' })}
          >
            {t('referrals.viewAll')}
          </button>
          <button
            type="button"
            aria-pressed={filters.view === 'action'}
            className={actionCount ? 'has-action' : ''}
            onClick={() => setFilters({ view: 'action' })}
          >
            {t('referrals.viewAction', { count: actionCount })}
          </button>
        </div>
      </div>
      <section className="filters" aria-label={t('referrals.filters')}>
        {select(
          'state',
          t('referrals.filter.state'),
          REFERRAL_STATES.map((s) => [s, t(`referrals.state.${s}`)]),
        )}
        {select(
          'urgency',
          t('referrals.filter.urgency'),
          URGENCIES.map((u) => [u, t(`referrals.urgency.${u}`)]),
        )}
        {select('serviceId', t('referrals.filter.service'), usedServices)}
        {select(
          'region',
          t('referrals.filter.region'),
          (profileFor(office.country)?.areas ?? []).map((a) => [a.code, a.name]),
        )}
        {date('from', t('referrals.filter.from'))}
        {date('to', t('referrals.filter.to'))}
        {hasActiveReferralFilters(filters) && (
          <button
            type="button"
            onClick={() => setFilters({ ...EMPTY_REFERRAL_FILTERS, view: filters.view })}
          >
            {t('referrals.filter.clear')}
          </button>
        )}
      </section>
      {rows === undefined ? (
        <p role="status">{t('status.loading')}</p>
      ) : (
        <>
          <p role="status" className="result-count">
            {t('referrals.count', { count: rows.length })}
          </p>
          {rows.length === 0 ? (
            <p className="empty">
              {referrals?.length === 0
                ? t('referrals.empty')
                : filters.view === 'action' && !hasActiveReferralFilters(filters)
                  ? t('referrals.emptyAction')
                  : t('referrals.emptyFiltered')}{' '}
              {referrals?.length === 0 && (
                <a href={href({ name: 'directory' })}>{t('nav.directory')}</a>
              )}
            </p>
          ) : (
            <table className="service-table referral-table" aria-label={t('referrals.register')}>
              <thead>
                <tr>
                  <th scope="col">{t('referrals.col.case')}</th>
                  <th scope="col">{t('referrals.col.state')}</th>
                  <th scope="col">{t('referrals.col.urgency')}</th>
                  <th scope="col">{t('referrals.col.service')}</th>
                  <th scope="col">{t('referrals.col.region')}</th>
                  <th scope="col">{t('referrals.col.created')}</th>
                  <th scope="col">{t('referrals.col.followUp')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ referral: r, status }) => (
                  <tr key={r.id} className={status ? `follow-${status}` : undefined}>
                    <td>
                      <a href={href({ name: 'referral', id: r.id })}>
                        <bdi dir="ltr">{r.caseCode}</bdi>
                      </a>
                    </td>
                    <td>
                      <StateBadge state={r.state} />
                    </td>
                    <td>{t(`referrals.urgency.${r.urgency}`)}</td>
                    <td>
                      <bdi>
                        {services.get(r.serviceId)?.service.name ?? t('referrals.unknownService')}
                      </bdi>
                    </td>
                    <td>{regionName(regionOf(r.serviceId))}</td>
                    <td>{formatDate(r.createdAt)}</td>
                    <td>
                      <FollowUp referral={r} status={status} now={now} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
};

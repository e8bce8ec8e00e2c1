/**
 * One referral: its state and what can be done next, the case summary (by case code: the name
 * only when a user asks, and that request is audited), consent, letters and history.
 */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { actionStatus, dueAt } from '@shared/domain/referrals/rules';
import type { Referral } from '@shared/domain/referrals/schema';
import { useData, useOffice } from '../../app/data';
import { useT } from '../../app/i18n';
import { href } from '../../app/router';
import { RequireDataKey } from '../accounts/RequireDataKey';
import { useSession } from '../accounts/session';
import { useAuditView } from '../audit/useAuditView';
import { LettersPanel } from '../letters/LettersPanel';
import { useLanguageName } from '../directory/Filters';
import { regionName } from '../directory/useDirectory';
import { ScreeningPanel } from '../screening/AssessmentView';
import { ConsentPanel } from './ConsentPanel';
import { History } from './History';
import { StateActions } from './StateActions';
import { FollowUp, StateBadge } from './badges';
import { useCountryName, useFormatDateTime, useNowIso } from './format';
import { BackArrow } from '../../ui/BackArrow';

/** Case data: asks for the password first in a tab reloaded since login (no key in memory). */
export const ReferralDetail = ({ id }: { id: string }) => (
  <RequireDataKey>
    <Detail id={id} />
  </RequireDataKey>
);

const Detail = ({ id }: { id: string }) => {
  const t = useT();
  const { repos } = useData();
  const office = useOffice().officeCode;
  const detail = useLiveQuery(async () => (await repos.referrals.get(id)) ?? null, [repos, id]);
  // Who opened which case, when: one audit entry per opening (not per re-render).
  useAuditView(detail ? { table: 'referrals', recordId: id, action: 'referral.view' } : null);
  const view = useLiveQuery(
    async () =>
      detail ? ((await repos.referrals.serviceView(detail.referral.serviceId)) ?? null) : undefined,
    [repos, detail?.referral.serviceId],
  );
  const now = useNowIso();
  const { can } = useSession();
  if (detail === undefined) return <p role="status">{t('status.loading')}</p>;
  if (detail === null)
    return (
      <div>
        <h1 tabIndex={-1}>{t('referrals.detail.notFound')}</h1>
        <a href={href({ name: 'referrals' })}>{t('action.back')}</a>
      </div>
    );
  const { referral: r, events, letters, sides, withoutEffect } = detail;
  const status = actionStatus(r, now);
  // The referring office works the record; the receiving office only answers it.
  const mine = sides.referring === office;
  return (
    <article className="referral-detail">
      <a href={href({ name: 'referrals' })}>
        <BackArrow /> {t('referrals.register')}
      </a>
      <div className="screen-head">
        <h1 tabIndex={-1}>
          {t('referrals.detail.title', { caseCode: r.caseCode })} <StateBadge state={r.state} />
          {r.demo && <span className="badge">{t('service.demoBadge')}</span>}
        </h1>
        {r.state === 'draft' && mine && can('referral.create') && (
          <a className="button" href={href({ name: 'referralEdit', id: r.id })}>
            {t('action.edit')}
          </a>
        )}
      </div>
      {(status || r.state === 'sent') && (
        <p className={`follow-up follow-${status ?? 'waiting'}`} role="status">
          <FollowUp referral={r} status={status} now={now} />
        </p>
      )}
      {sides.referring !== sides.receiving && (
        <p className="muted" role="note">
          {mine
            ? t('referrals.detail.toOffice', { office: sides.receiving })
            : t('referrals.detail.fromOffice', { office: sides.referring })}
        </p>
      )}
      <StateActions referral={r} view={view ?? undefined} sides={sides} />
      <div className="referral-columns">
        <div>
          <Summary
            referral={r}
            serviceName={view?.service.name}
            region={view?.locations[0]?.address.adminAreaCode}
            mine={mine}
          />
          <ConsentPanel referral={r} view={view ?? undefined} mine={mine} />
          <ScreeningPanel assessment={r.caseDetails.screening} />
        </div>
        <div>
          <LettersPanel referral={r} view={view ?? undefined} letters={letters} mine={mine} />
          <History events={events} withoutEffect={withoutEffect} referring={sides.referring} />
        </div>
      </div>
    </article>
  );
};

const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

const Summary = ({
  referral: r,
  serviceName,
  region,
  mine,
}: {
  referral: Referral;
  serviceName?: string;
  region?: string;
  mine: boolean;
}) => {
  const t = useT();
  const { repos } = useData();
  const { can } = useSession();
  const formatDateTime = useFormatDateTime();
  const langName = useLanguageName();
  const countryName = useCountryName();
  const [name, setName] = useState<string | null>(null);
  const d = r.caseDetails;
  const due = dueAt(r);
  const none = t('service.none');
  const rows: [string, React.ReactNode][] = [
    [
      t('referrals.detail.service'),
      serviceName ? (
        <>
          <a href={href({ name: 'service', id: r.serviceId })}>
            <bdi>{serviceName}</bdi>
          </a>
          {region && <div className="muted">{regionName(region)}</div>}
        </>
      ) : (
        t('referrals.unknownService')
      ),
    ],
    [t('referrals.detail.urgency'), t(`referrals.urgency.${r.urgency}`)],
    ...(due && r.state === 'sent'
      ? [[t('referrals.detail.due'), formatDateTime(due)] as [string, string]]
      : []),
    [
      t('referrals.detail.needs'),
      capitalize(
        [...d.needs.filter((n) => n !== 'other').map((n) => t(`referrals.need.${n}`)), d.needsOther]
          .filter(Boolean)
          .join(', '),
      ),
    ],
    [
      t('referrals.detail.person'),
      d.person ? (
        name !== null ? (
          <>
            <bdi className="person-name">{name}</bdi>{' '}
            <button type="button" onClick={() => setName(null)}>
              {t('referrals.detail.hideName')}
            </button>
          </>
        ) : (
          <>
            {t('referrals.detail.nameHidden')}{' '}
            <button
              type="button"
              onClick={async () => setName(await repos.referrals.revealName(r.id))}
            >
              {t('referrals.detail.showName')}
            </button>
          </>
        )
      ) : (
        t('referrals.detail.noName')
      ),
    ],
    [t('referrals.form.traffickingStatus'), t(`referrals.status.${d.traffickingStatus}`)],
    [
      t('referrals.form.exploitation'),
      d.exploitationTypes.map((x) => t(`referrals.exploitation.${x}`)).join(', ') || none,
    ],
    [t('referrals.form.gender'), t(`referrals.gender.${d.gender}`)],
    [t('referrals.form.ageBand'), t(`referrals.age.${d.ageBand}`)],
    [t('referrals.form.citizenship'), d.citizenship.map(countryName).join(', ') || none],
    [t('referrals.form.languages'), d.languages.map(langName).join(', ') || none],
    [t('referrals.form.reason'), t(`referrals.reason.${d.reason}`)],
    [t('referrals.form.reasonDetails'), d.reasonDetails || none],
    // Internal notes are the referrers': neither the receiving office nor a shelter manager.
    ...(mine && can('referral.create')
      ? [[t('referrals.form.notes'), d.notes || none] as [string, string]]
      : []),
    [t('referrals.detail.referring'), `${r.referringOffice.name} · ${r.referringOfficer}`],
    ...(r.receivingOffice && r.receivingOffice !== r.office
      ? [[t('referrals.detail.receiving'), r.receivingOffice] as [string, string]]
      : []),
  ];
  return (
    <section className="panel tight" aria-labelledby="summary-title">
      <h2 id="summary-title">{t('referrals.detail.summary')}</h2>
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
};

/**
 * A worker's own screenings (issue 16): when, what the assessment said (groups found, the
 * suggestion, the urgency, a possible minor), whether it led to a referral, and one opened to
 * be read. The repository lists only the worker's own, opened with the data key; opening one
 * is audited like any case view. A screening that led to no referral yet can be resumed.
 */
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { foundByGroup } from '@shared/domain/screening/assess';
import type { Assessment } from '@shared/domain/screening/core';
import type { ScreeningSet } from '@shared/domain/screening/schema';
import { useData } from '../../app/data';
import { useLocale, useT } from '../../app/i18n';
import { href } from '../../app/router';
import type { ScreeningReferral, ScreeningSummary } from '../../data/repositories/screening';
import { BackArrow } from '../../ui/BackArrow';
import { useSession } from '../accounts/session';
import { RequireDataKey } from '../accounts/RequireDataKey';
import { StateBadge } from '../referrals/badges';
import { ChildFlag, FoundList, NeedsAndUrgency } from './AssessmentView';
import { useLocalized } from './hooks';
import { ReferStep } from './ReferStep';
import './screening.css';
import './formEditor.css';

/** Date and time of a screening, in the user's language and time zone. */
const useFormatWhen = () => {
  const { intlLocale } = useLocale();
  return useMemo(() => {
    const f = new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeStyle: 'short' });
    return (iso: string) => f.format(new Date(iso));
  }, [intlLocale]);
};

/** "Recruitment, Exploitation" — the groups in which indicators were found. */
const useGroupsFound = () => {
  const t = useT();
  return (a: Assessment) =>
    foundByGroup(a.found)
      .map(([g]) => t(`screening.group.${g}`))
      .join(t('screeningHistory.listSeparator'));
};

export const ScreeningHistory = () => (
  <RequireDataKey>
    <HistoryList />
  </RequireDataKey>
);

const HistoryList = () => {
  const t = useT();
  const { repos } = useData();
  const when = useFormatWhen();
  const groups = useGroupsFound();
  const mine = useLiveQuery(() => repos.screening.mine(), [repos]);
  return (
    <div className="screening screening-history">
      <div className="screen-head">
        <h1 tabIndex={-1}>{t('screeningHistory.title')}</h1>
        <a className="button primary" href={href({ name: 'screening' })}>
          {t('screening.new')}
        </a>
      </div>
      <p>{t('screeningHistory.intro')}</p>
      {mine === undefined ? (
        <p role="status">{t('status.loading')}</p>
      ) : mine.length === 0 ? (
        <p>{t('screeningHistory.empty')}</p>
      ) : (
        <table className="service-table screening-history-table">
          <caption className="visually-hidden">{t('screeningHistory.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('screeningHistory.when')}</th>
              <th scope="col">{t('screeningHistory.assessment')}</th>
              <th scope="col">{t('screening.urgency')}</th>
              <th scope="col">{t('screeningHistory.referral')}</th>
            </tr>
          </thead>
          <tbody>
            {mine.map(({ record, referrals }) => {
              const a = record.content.assessment;
              const date = when(record.createdAt);
              return (
                <tr key={record.id}>
                  <th scope="row">
                    <a href={href({ name: 'screeningRecord', id: record.id })}>
                      <span className="visually-hidden">{t('screeningHistory.open')} </span>
                      {date}
                    </a>
                  </th>
                  <td>
                    {a.childProtection && (
                      <span className="badge screening-minor">{t('screeningHistory.minor')}</span>
                    )}{' '}
                    <strong>{t(`screening.suggestion.${a.suggestion}`)}</strong>
                    {a.found.length > 0 && (
                      <div className="muted">
                        {t('screeningHistory.groups', { groups: groups(a) })}
                      </div>
                    )}
                  </td>
                  <td>{t(`referrals.urgency.${a.urgency}`)}</td>
                  <td>
                    <ReferralCell
                      referrals={referrals}
                      resume={record.referralIds.length === 0 ? record.id : null}
                      date={date}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
};

/** The referrals a screening led to (a link where the user may open the register), or none. */
const ReferralCell = ({
  referrals,
  resume,
  date,
}: {
  referrals: ScreeningReferral[];
  resume: string | null;
  date: string;
}) => {
  const t = useT();
  const { can } = useSession();
  if (referrals.length === 0)
    return (
      <>
        <span>{t('screeningHistory.noReferral')}</span>{' '}
        {resume && (
          <a
            href={href({ name: 'screening', resume })}
            aria-label={t('screeningHistory.resumeOf', { date })}
          >
            {t('screeningHistory.resume')}
          </a>
        )}
      </>
    );
  return (
    <ul className="plain">
      {referrals.map((r) => (
        <li key={r.id}>
          {can('referral.view') ? (
            <a href={href({ name: 'referral', id: r.id })}>
              <bdi dir="ltr">{r.caseCode}</bdi>
            </a>
          ) : (
            <bdi dir="ltr">{r.caseCode}</bdi>
          )}{' '}
          <StateBadge state={r.state} />
        </li>
      ))}
    </ul>
  );
};

/** One screening, read: opened through the repository, which audits the view. */
export const ScreeningRecordView = ({ id }: { id: string }) => (
  <RequireDataKey>
    <RecordView id={id} />
  </RequireDataKey>
);

const RecordView = ({ id }: { id: string }) => {
  const t = useT();
  const { repos } = useData();
  const when = useFormatWhen();
  const [opened, setOpened] = useState<
    { summary: ScreeningSummary; form: ScreeningSet | undefined } | null | undefined
  >(undefined);
  useEffect(() => {
    let live = true;
    void (async () => {
      const summary = await repos.screening.view(id);
      const form = summary
        ? await repos.screening.formAt(summary.record.content.assessment.setVersion)
        : undefined;
      if (live) setOpened(summary ? { summary, form } : null);
    })();
    return () => {
      live = false;
    };
  }, [repos, id]);
  // Referrals change state while the page is open (consent, sending): follow them.
  const referrals = useLiveQuery(
    async () => (await repos.screening.mine()).find((s) => s.record.id === id)?.referrals,
    [repos, id],
  );
  if (opened === undefined) return <p role="status">{t('status.loading')}</p>;
  const back = (
    <p>
      <a href={href({ name: 'screeningHistory' })}>
        <BackArrow /> {t('screeningHistory.title')}
      </a>
    </p>
  );
  if (opened === null)
    return (
      <div className="screening">
        {back}
        <p role="alert">{t('status.notFound')}</p>
      </div>
    );
  const { record } = opened.summary;
  const { form } = opened;
  return (
    <div className="screening screening-record">
      {back}
      <h1 tabIndex={-1}>{t('screeningHistory.recordTitle', { date: when(record.createdAt) })}</h1>
      <RecordBody
        summary={{ record, referrals: referrals ?? opened.summary.referrals }}
        form={form}
      />
    </div>
  );
};

const RecordBody = ({
  summary: { record, referrals },
  form,
}: {
  summary: ScreeningSummary;
  form: ScreeningSet | undefined;
}) => {
  const t = useT();
  const text = useLocalized();
  const { can } = useSession();
  const { input, assessment: a } = record.content;
  const answered = (form?.indicators ?? []).filter((i) => input.answers[i.id]);
  return (
    <>
      <p className="muted">
        {form
          ? t('screeningHistory.formVersion', { name: text(form.name), version: a.setVersion })
          : t('screeningHistory.formVersionOnly', { version: a.setVersion })}
      </p>
      {a.childProtection && <ChildFlag />}
      <section className="panel tight" aria-labelledby="record-assessment">
        <h2 id="record-assessment">{t('screening.assessment.title')}</h2>
        <p className={`screening-suggestion suggestion-${a.suggestion}`}>
          <strong>{t(`screening.suggestion.${a.suggestion}`)}</strong>
        </p>
        <p className="muted">{t('screening.suggestion.note')}</p>
        <h3>{t('screening.found')}</h3>
        <FoundList found={a.found} />
        <NeedsAndUrgency assessment={a} needs={form?.needs} />
      </section>
      <section className="panel tight" aria-labelledby="record-person">
        <h2 id="record-person">{t('screening.section.person')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('screening.minor')}</dt>
            <dd>
              {input.minor === 'unknown'
                ? t('screening.minor.unknown')
                : t(`screening.answer.${input.minor}`)}
            </dd>
          </div>
          <div>
            <dt>{t('screening.ageBand')}</dt>
            <dd>{t(`referrals.age.${input.ageBand}`)}</dd>
          </div>
          <div>
            <dt>{t('screening.gender')}</dt>
            <dd>{t(`referrals.gender.${input.gender}`)}</dd>
          </div>
        </dl>
      </section>
      <section className="panel tight" aria-labelledby="record-answers">
        <h2 id="record-answers">{t('screeningHistory.answers')}</h2>
        {answered.length === 0 ? (
          <p>{t('screeningHistory.noAnswers')}</p>
        ) : (
          <ul className="screening-answers">
            {answered.map((i) => (
              <li key={i.id}>
                {text(i.question)} <strong>{t(`screening.answer.${input.answers[i.id]!}`)}</strong>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel tight" aria-labelledby="record-referrals">
        <h2 id="record-referrals">{t('screeningHistory.referral')}</h2>
        {referrals.length === 0 ? (
          <p>
            {t('screeningHistory.noReferral')}{' '}
            <a href={href({ name: 'screening', resume: record.id })}>
              {t('screeningHistory.resume')}
            </a>
          </p>
        ) : can('referral.view') ? (
          <ul className="plain">
            {referrals.map((r) => (
              <li key={r.id}>
                <a href={href({ name: 'referral', id: r.id })}>
                  <bdi dir="ltr">{r.caseCode}</bdi>
                </a>{' '}
                <StateBadge state={r.state} />
              </li>
            ))}
          </ul>
        ) : (
          // No register for a frontline worker: the referrals they made are worked from here.
          referrals.map((r) => <ReferStep key={r.id} screeningId={record.id} referralId={r.id} />)
        )}
      </section>
    </>
  );
};

/**
 * The referral a screening became, worked from here to its letter: the existing consent form,
 * sending, and the existing letter form. A frontline worker has no other way to the referral
 * (no register): the screening repository opens it only for the worker who screened.
 */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { redactView } from '@shared/domain/accounts/visibility';
import { consentGate } from '@shared/domain/referrals/rules';
import { useData } from '../../app/data';
import { isMessageId, useT } from '../../app/i18n';
import { href } from '../../app/router';
import { useSession } from '../accounts/session';
import { IssueForm } from '../letters/LettersPanel';
import { ConsentForm } from '../referrals/ConsentPanel';
import { StateBadge } from '../referrals/badges';

export const ReferStep = ({
  screeningId,
  referralId,
}: {
  screeningId: string;
  referralId: string;
}) => {
  const t = useT();
  const { repos } = useData();
  const { user } = useSession();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const opened = useLiveQuery(
    async () => (await repos.screening.referralOf(screeningId, referralId)) ?? null,
    [repos, screeningId, referralId],
  );
  const letterhead = useLiveQuery(() => repos.letters.getLetterhead(), [repos]);
  if (opened === undefined) return <p role="status">{t('status.loading')}</p>;
  if (opened === null) return <p role="alert">{t('status.notFound')}</p>;
  const { referral: r, letters } = opened;
  // What this user may see of the receiving service: no restricted address.
  const view = opened.view && redactView(user, opened.view);
  const gate = consentGate(r, view?.service);
  const send = async () => {
    setBusy(true);
    const result = await repos.referrals.act(r.id, 'send');
    setBusy(false);
    setError(result.ok ? '' : result.error);
  };
  return (
    <section className="panel tight screening-refer" aria-labelledby="refer-title">
      <h2 id="refer-title">
        {t('screening.refer.title', { caseCode: r.caseCode })} <StateBadge state={r.state} />
      </h2>
      <p role="status">
        {t('screening.refer.created', {
          caseCode: r.caseCode,
          state: t(`referrals.state.${r.state}`),
        })}
      </p>
      {view && <p>{t('screening.refer.service', { name: view.service.name })}</p>}
      {error && (
        <p className="error" role="alert">
          {isMessageId(error) ? t(error) : error}
        </p>
      )}
      <h3>{t('referrals.consent.title')}</h3>
      {r.consent.given ? (
        <p>{t('screening.refer.consentDone')}</p>
      ) : (
        view && (
          <>
            <p className="warning">{t('screening.refer.consentFirst')}</p>
            <ConsentForm referral={r} view={view} onDone={() => undefined} />
          </>
        )
      )}
      {r.state === 'draft' && (
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={!gate.ok || busy}
            onClick={() => void send()}
          >
            {t('referrals.action.send')}
          </button>
          {!gate.ok && <span className="warning">{t(gate.error)}</span>}
        </div>
      )}
      <h3>{t('screening.refer.letter')}</h3>
      {letters.length > 0 ? (
        <ul className="plain">
          {letters.map((l) => (
            <li key={l.id}>
              <a href={href({ name: 'letter', referralId: r.id, letterId: l.id })}>
                {t('screening.refer.viewLetter', { reference: l.reference })}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        gate.ok &&
        view &&
        letterhead && (
          <IssueForm referral={r} view={view} letterhead={letterhead} onDone={() => undefined} />
        )
      )}
    </section>
  );
};

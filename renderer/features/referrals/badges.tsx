/** A referral's state and follow-up, in words (colour is never the only signal). */
import type { ActionStatus } from '@shared/domain/referrals/rules';
import { dueAt } from '@shared/domain/referrals/rules';
import type { ReferralSummary } from '@shared/domain/referrals/caseData';
import type { ReferralState } from '@shared/domain/referrals/schema';
import { useT } from '../../app/i18n';
import { useDuration, useFormatDate } from './format';

export const StateBadge = ({ state }: { state: ReferralState }) => {
  const t = useT();
  return <span className={`state-badge state-${state}`}>{t(`referrals.state.${state}`)}</span>;
};

export const FollowUp = ({
  referral: r,
  status,
  now,
}: {
  referral: ReferralSummary;
  status: ActionStatus;
  now: string;
}) => {
  const t = useT();
  const duration = useDuration();
  const formatDate = useFormatDate();
  const due = dueAt(r);
  if (status === 'overdue' && due)
    return <>{t('referrals.overdue', { duration: duration(Date.parse(now) - Date.parse(due)) })}</>;
  if (status === 'dueSoon' && due)
    return <>{t('referrals.dueIn', { duration: duration(Date.parse(due) - Date.parse(now)) })}</>;
  if (status === 'draftWaiting')
    return (
      <>
        {t('referrals.draftWaiting', {
          duration: duration(Date.parse(now) - Date.parse(r.createdAt)),
        })}
      </>
    );
  if (r.state === 'sent' && due)
    return <>{t('referrals.dueIn', { duration: duration(Date.parse(due) - Date.parse(now)) })}</>;
  if (r.answeredAt) return <>{t('referrals.answered', { date: formatDate(r.answeredAt) })}</>;
  return null;
};

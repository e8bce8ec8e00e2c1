/**
 * The transitions a referral's state allows, as buttons, for this office's side and this
 * user's role. Sending is disabled, with the reason written beside it, until consent (or an
 * override) covers the receiving service; declining and withdrawing ask for their reason first.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ServiceView } from '@shared/domain/directory/schema';
import type { ReferralAction } from '@shared/domain/referrals/machine';
import { TRANSITIONS, allowedActions } from '@shared/domain/referrals/machine';
import { consentGate } from '@shared/domain/referrals/rules';
import type { Referral } from '@shared/domain/referrals/schema';
import type { ReferralSides } from '@shared/domain/referrals/fold';
import { mayAct, permissionFor } from '@shared/domain/referrals/fold';
import { useData, useOffice } from '../../app/data';
import { isMessageId, useT } from '../../app/i18n';
import { Field } from '../../ui/Field';
import { useSession } from '../accounts/session';

export const StateActions = ({
  referral,
  view,
  sides,
}: {
  referral: Referral;
  view?: ServiceView;
  sides: ReferralSides;
}) => {
  const t = useT();
  const { repos } = useData();
  const { can } = useSession();
  const office = useOffice().officeCode;
  const [asking, setAsking] = useState<ReferralAction | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  // What the state allows, that this office's side takes and this user's role may do: a
  // shelter manager answers for their shelter; sending and withdrawing are the referrer's.
  const actions = allowedActions(referral.state).filter(
    (a) => mayAct(office, a, sides) && can(permissionFor(a), { serviceIds: [referral.serviceId] }),
  );
  if (actions.length === 0) return null;
  const gate = consentGate(referral, view?.service);

  const run = async (action: ReferralAction, why = '') => {
    const result = await repos.referrals.act(referral.id, action, why);
    if (!result.ok) return setError(result.error);
    setAsking(null);
    setReason('');
    setError('');
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (asking) void run(asking, reason);
  };

  return (
    <div className="state-actions">
      <div className="actions">
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            className={
              a === 'withdraw' || a === 'decline' ? 'danger' : a === 'send' ? 'primary' : ''
            }
            disabled={a === 'send' && !gate.ok}
            aria-describedby={a === 'send' && !gate.ok ? 'send-blocked' : undefined}
            onClick={() => (TRANSITIONS[a].reasonRequired ? setAsking(a) : void run(a))}
          >
            {t(`referrals.action.${a}`)}
          </button>
        ))}
      </div>
      {!gate.ok && actions.includes('send') && (
        <p id="send-blocked" className="warning">
          {t(gate.error)}
        </p>
      )}
      {asking && (
        <form
          autoComplete="off"
          onSubmit={submit}
          noValidate
          className="confirm"
          aria-label={t(`referrals.action.${asking}`)}
        >
          <Field
            label={t(
              asking === 'decline'
                ? 'referrals.action.declineReason'
                : 'referrals.action.withdrawReason',
            )}
            error={error || undefined}
          >
            {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <button type="submit" className="danger">
            {t('referrals.action.confirm')}
          </button>
          <button type="button" onClick={() => setAsking(null)}>
            {t('action.cancel')}
          </button>
        </form>
      )}
      {error && !asking && (
        <p className="error" role="alert">
          {isMessageId(error) ? t(error) : error}
        </p>
      )}
    </div>
  );
};

/**
 * The referral's state machine, as case-management systems in the field use it:
 *
 *   draft → sent → accepted → completed
 *                ↘ declined (with a reason)
 *   withdrawn from any open state (draft, sent, accepted)
 *
 * Declined, completed and withdrawn are closed: a declined person is referred again with a new
 * referral, so that each receiving service's answer stays on its own record. Pure: no clock, no
 * storage; workflow.ts turns an allowed transition into a record and an event.
 */
import type { ReferralState } from './schema';

export const ACTIONS = ['send', 'accept', 'decline', 'complete', 'withdraw'] as const;
export type ReferralAction = (typeof ACTIONS)[number];

export const OPEN_STATES: readonly ReferralState[] = ['draft', 'sent', 'accepted'];
export const isOpen = (state: ReferralState): boolean => OPEN_STATES.includes(state);

type Rule = { from: readonly ReferralState[]; to: ReferralState; reasonRequired: boolean };

export const TRANSITIONS: Record<ReferralAction, Rule> = {
  send: { from: ['draft'], to: 'sent', reasonRequired: false },
  accept: { from: ['sent'], to: 'accepted', reasonRequired: false },
  decline: { from: ['sent'], to: 'declined', reasonRequired: true },
  complete: { from: ['accepted'], to: 'completed', reasonRequired: false },
  withdraw: { from: OPEN_STATES, to: 'withdrawn', reasonRequired: true },
};

export type TransitionResult =
  | { ok: true; to: ReferralState }
  | { ok: false; error: 'referrals.error.illegalTransition' | 'referrals.error.reasonRequired' };

export const transition = (
  state: ReferralState,
  action: ReferralAction,
  reason = '',
): TransitionResult => {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(state)) return { ok: false, error: 'referrals.error.illegalTransition' };
  if (rule.reasonRequired && reason.trim().length < 3)
    return { ok: false, error: 'referrals.error.reasonRequired' };
  return { ok: true, to: rule.to };
};

/** The actions a screen offers in this state, in the order it shows them. */
export const allowedActions = (state: ReferralState): ReferralAction[] =>
  ACTIONS.filter((a) => TRANSITIONS[a].from.includes(state));

import { describe, expect, it } from 'vitest';
import { ACTIONS, OPEN_STATES, allowedActions, isOpen, transition } from './machine';
import type { ReferralAction } from './machine';
import type { ReferralState } from './schema';
import { REFERRAL_STATES } from './schema';

/** The whole machine written out by hand: every pair not listed here must be refused. */
const LEGAL: Record<string, ReferralState> = {
  'draft/send': 'sent',
  'draft/withdraw': 'withdrawn',
  'sent/accept': 'accepted',
  'sent/decline': 'declined',
  'sent/withdraw': 'withdrawn',
  'accepted/complete': 'completed',
  'accepted/withdraw': 'withdrawn',
};

describe('referral state machine', () => {
  it('allows exactly the listed transitions and refuses every other (state, action) pair', () => {
    let refused = 0;
    for (const state of REFERRAL_STATES) {
      for (const action of ACTIONS) {
        const result = transition(state, action, 'a reason given');
        const expected = LEGAL[`${state}/${action}`];
        if (expected) expect(result, `${state}/${action}`).toEqual({ ok: true, to: expected });
        else {
          expect(result, `${state}/${action}`).toEqual({
            ok: false,
            error: 'referrals.error.illegalTransition',
          });
          refused++;
        }
      }
    }
    expect(refused).toBe(REFERRAL_STATES.length * ACTIONS.length - Object.keys(LEGAL).length);
  });

  it('closed states (declined, completed, withdrawn) accept no action at all', () => {
    for (const state of ['declined', 'completed', 'withdrawn'] as const) {
      expect(isOpen(state)).toBe(false);
      expect(allowedActions(state)).toEqual([]);
    }
    expect(OPEN_STATES).toEqual(['draft', 'sent', 'accepted']);
  });

  it('requires a reason to decline or withdraw, not to send, accept or complete', () => {
    expect(transition('sent', 'decline', '')).toEqual({
      ok: false,
      error: 'referrals.error.reasonRequired',
    });
    expect(transition('sent', 'decline', '  ')).toMatchObject({ ok: false });
    expect(transition('draft', 'withdraw')).toMatchObject({ ok: false });
    expect(transition('sent', 'decline', 'Plus de place')).toEqual({ ok: true, to: 'declined' });
    const noReason: [ReferralState, ReferralAction][] = [
      ['draft', 'send'],
      ['sent', 'accept'],
      ['accepted', 'complete'],
    ];
    for (const [s, a] of noReason) expect(transition(s, a).ok).toBe(true);
  });

  it('an illegal transition is refused even with a reason', () => {
    expect(transition('draft', 'accept', 'reason')).toMatchObject({ ok: false });
    expect(transition('completed', 'withdraw', 'reason')).toMatchObject({ ok: false });
    expect(transition('declined', 'send', 'reason')).toMatchObject({ ok: false });
  });

  it('offers actions in order per state', () => {
    expect(allowedActions('draft')).toEqual(['send', 'withdraw']);
    expect(allowedActions('sent')).toEqual(['accept', 'decline', 'withdraw']);
    expect(allowedActions('accepted')).toEqual(['complete', 'withdraw']);
  });
});

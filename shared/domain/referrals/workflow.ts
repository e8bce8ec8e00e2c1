/**
 * Turning a user's decision into the next record and its immutable event. Pure: the
 * repository runs these inside one transaction with the change-log and audit entries.
 */
import type { ServiceView } from '../directory/schema';
import type { GateResult } from './rules';
import { consentGate } from './rules';
import type { ReferralAction } from './machine';
import { transition } from './machine';
import type { Referral, ReferralEvent, ReferralEventType } from './schema';
import { consentOverrideSchema, referralEventSchema } from './schema';

/** `office`: the office writing the event (the receiving office answering); default the owner. */
export type EventContext = { now: string; by: string; newId: () => string; office?: string };

export const makeEvent = (
  referral: Pick<Referral, 'id' | 'office' | 'demo'>,
  type: ReferralEventType,
  ctx: EventContext,
  extra: Partial<
    Pick<ReferralEvent, 'from' | 'to' | 'reason' | 'letterId' | 'reference' | 'format' | 'fileName'>
  > = {},
): ReferralEvent =>
  referralEventSchema.parse({
    id: ctx.newId(),
    referralId: referral.id,
    office: ctx.office ?? referral.office,
    at: ctx.now,
    by: ctx.by,
    type,
    demo: referral.demo,
    ...extra,
  });

export type ActionError =
  | 'referrals.error.illegalTransition'
  | 'referrals.error.reasonRequired'
  | Extract<GateResult, { ok: false }>['error'];

export type ActionResult =
  { ok: true; referral: Referral; event: ReferralEvent } | { ok: false; error: ActionError };

/**
 * Applies `action` if the state machine allows it; sending also passes the consent gate. The
 * answer and closing times are kept on the record for the register; the event is the truth.
 */
export const applyAction = (
  referral: Referral,
  action: ReferralAction,
  service: Pick<ServiceView['service'], 'id' | 'organizationId'> | undefined,
  ctx: EventContext & { reason?: string },
): ActionResult => {
  const reason = (ctx.reason ?? '').trim();
  const next = transition(referral.state, action, reason);
  if (!next.ok) return next;
  if (action === 'send') {
    const gate = consentGate(referral, service);
    if (!gate.ok) return gate;
  }
  const updated: Referral = { ...referral, state: next.to, updatedAt: ctx.now };
  if (action === 'send') updated.sentAt = ctx.now;
  if (action === 'accept' || action === 'decline') updated.answeredAt = ctx.now;
  if (next.to === 'declined' || next.to === 'completed' || next.to === 'withdrawn')
    updated.closedAt = ctx.now;
  const event = makeEvent(referral, next.to as ReferralEventType, ctx, {
    from: referral.state,
    to: next.to,
    reason,
  });
  return { ok: true, referral: updated, event };
};

export type OverrideResult =
  | { ok: true; referral: Referral; event: ReferralEvent }
  | { ok: false; error: 'referrals.validation.overrideReason' | 'referrals.gate.closed' };

/**
 * Proceeding without a consent naming the recipient (a child whose guardian cannot be reached,
 * a person who cannot be asked in time): a decision with a written reason, kept in the history
 * and shown on the referral and in the letter. It covers the current service only.
 */
export const overrideConsent = (
  referral: Referral,
  ctx: EventContext & { reason: string },
): OverrideResult => {
  if (referral.state !== 'draft' && referral.state !== 'sent' && referral.state !== 'accepted')
    return { ok: false, error: 'referrals.gate.closed' };
  const parsed = consentOverrideSchema.safeParse({
    reason: ctx.reason,
    by: ctx.by,
    at: ctx.now,
    serviceId: referral.serviceId,
  });
  if (!parsed.success) return { ok: false, error: 'referrals.validation.overrideReason' };
  return {
    ok: true,
    referral: { ...referral, consentOverride: parsed.data, updatedAt: ctx.now },
    event: makeEvent(referral, 'consentOverride', ctx, { reason: parsed.data.reason }),
  };
};

import { describe, expect, it } from 'vitest';
import { filterReferrals, EMPTY_REFERRAL_FILTERS } from './filter';
import { fixtureReferral, fixtureView } from './fixtures';
import {
  actionStatus,
  applyConsentForm,
  consentGate,
  dueAt,
  formatCaseCode,
  mayShareName,
  validateConsentForm,
  validateReferralDraft,
} from './rules';
import { NO_CONSENT } from './schema';
import { applyAction, overrideConsent } from './workflow';

const ctx = { now: '2026-03-02T10:00:00.000Z', by: 'Awa', newId: () => crypto.randomUUID() };
const view = fixtureView();
const otherId = '11111111-2222-4333-8444-555555555555';

describe('consent gate', () => {
  it('passes with a consent naming the service, or its organisation', () => {
    expect(consentGate(fixtureReferral(), view.service)).toEqual({ ok: true, basis: 'consent' });
    const byOrg = fixtureReferral({
      consent: {
        ...fixtureReferral().consent,
        recipient: { kind: 'organization', id: view.service.organizationId, name: 'Jigiya' },
      },
    });
    expect(consentGate(byOrg, view.service).ok).toBe(true);
  });

  it('refuses without consent, and with a consent naming someone else', () => {
    expect(consentGate(fixtureReferral({ consent: NO_CONSENT }), view.service)).toEqual({
      ok: false,
      error: 'referrals.gate.noConsent',
    });
    const other = fixtureReferral({
      consent: {
        ...fixtureReferral().consent,
        recipient: { kind: 'service', id: otherId, name: 'Autre' },
      },
    });
    expect(consentGate(other, view.service)).toEqual({
      ok: false,
      error: 'referrals.gate.otherRecipient',
    });
  });

  it('an override passes for its own service only, and only in an open state', () => {
    const r = fixtureReferral({ consent: NO_CONSENT });
    const o = overrideConsent(r, {
      ...ctx,
      reason: 'Enfant seule, tuteur injoignable cette nuit.',
    });
    expect(o.ok).toBe(true);
    if (!o.ok) return;
    expect(o.event.type).toBe('consentOverride');
    expect(o.event.reason).toContain('tuteur');
    expect(consentGate(o.referral, view.service)).toEqual({ ok: true, basis: 'override' });
    const moved = { ...o.referral, serviceId: otherId };
    expect(consentGate(moved, { id: otherId, organizationId: otherId }).ok).toBe(false);
    expect(overrideConsent(r, { ...ctx, reason: 'trop court' })).toEqual({
      ok: false,
      error: 'referrals.validation.overrideReason',
    });
    expect(
      overrideConsent(fixtureReferral({ state: 'completed' }), { ...ctx, reason: 'x'.repeat(30) })
        .ok,
    ).toBe(false);
  });
});

describe('sending and answering', () => {
  it('no "sent" without consent: the action is refused and nothing changes', () => {
    const r = fixtureReferral({ consent: NO_CONSENT });
    expect(applyAction(r, 'send', view.service, ctx)).toEqual({
      ok: false,
      error: 'referrals.gate.noConsent',
    });
  });

  it('sending stamps sentAt and writes an event with who, when, from and to', () => {
    const sent = applyAction(fixtureReferral(), 'send', view.service, ctx);
    expect(sent.ok).toBe(true);
    if (!sent.ok) return;
    expect(sent.referral).toMatchObject({ state: 'sent', sentAt: ctx.now });
    expect(sent.event).toMatchObject({
      type: 'sent',
      from: 'draft',
      to: 'sent',
      by: 'Awa',
      at: ctx.now,
    });
    const declined = applyAction(sent.referral, 'decline', view.service, {
      ...ctx,
      reason: 'Complet',
    });
    expect(declined.ok && declined.referral).toMatchObject({
      state: 'declined',
      closedAt: ctx.now,
    });
    expect(declined.ok && declined.event.reason).toBe('Complet');
  });
});

describe('overdue', () => {
  const sent = fixtureReferral({
    state: 'sent',
    sentAt: '2026-03-02T08:00:00.000Z',
    urgency: '24h',
  });
  it('is overdue once the urgency’s delay has passed without an answer', () => {
    expect(dueAt(sent)).toBe('2026-03-03T08:00:00.000Z');
    expect(actionStatus(sent, '2026-03-03T07:59:00.000Z')).toBe('dueSoon');
    expect(actionStatus(sent, '2026-03-02T09:00:00.000Z')).toBe(null);
    expect(actionStatus(sent, '2026-03-03T08:01:00.000Z')).toBe('overdue');
    expect(actionStatus({ ...sent, state: 'accepted' }, '2026-04-01T00:00:00.000Z')).toBe(null);
  });
  it('the "needs action" view keeps overdue and waiting drafts, most pressing first', () => {
    const late2w = fixtureReferral({
      id: otherId,
      state: 'sent',
      sentAt: '2026-01-01T00:00:00.000Z',
      urgency: '2w',
    });
    const fresh = fixtureReferral({ id: crypto.randomUUID(), state: 'draft', createdAt: ctx.now });
    const rows = filterReferrals(
      [fresh, late2w, sent],
      { ...EMPTY_REFERRAL_FILTERS, view: 'action' },
      {
        now: '2026-03-05T00:00:00.000Z',
        regionOf: () => 'ML-4',
      },
    );
    expect(rows.map((r) => r.referral.id)).toEqual([sent.id, late2w.id]);
    expect(rows.every((r) => r.status === 'overdue')).toBe(true);
    const bySegou = filterReferrals(
      [sent],
      { ...EMPTY_REFERRAL_FILTERS, region: 'ML-1' },
      {
        now: ctx.now,
        regionOf: () => 'ML-4',
      },
    );
    expect(bySegou).toEqual([]);
  });
});

describe('forms', () => {
  it('a name is refused unless consent covers recording it, and dropped when consent goes', () => {
    const input = {
      consent: { ...fixtureReferral().consent, scope: ['referral' as const] },
      personName: 'X',
    };
    expect(validateConsentForm(input, '2026-03-02')).toEqual({
      ok: false,
      errors: { personName: 'referrals.validation.nameWithoutConsent' },
    });
    const withdrawn = applyConsentForm(
      fixtureReferral(),
      { consent: NO_CONSENT, personName: 'X' },
      {
        now: ctx.now,
        officer: 'Awa',
      },
    );
    expect(withdrawn.caseDetails.person).toBeNull();
  });
  it('a consent date in the future is refused', () => {
    const r = validateConsentForm(
      { consent: fixtureReferral().consent, personName: '' },
      '2026-03-01',
    );
    expect(r.ok || r.errors['consent.date']).toBe('referrals.validation.future');
  });
  it('needs at least one need, and "other" needs its text', () => {
    const base = { serviceId: view.service.id, urgency: '24h' as const };
    expect(validateReferralDraft({ ...base, caseDetails: { needs: [] } })).toMatchObject({
      ok: false,
      errors: { 'caseDetails.needs': 'referrals.validation.needs' },
    });
    expect(validateReferralDraft({ ...base, caseDetails: { needs: ['other'] } })).toMatchObject({
      ok: false,
      errors: { 'caseDetails.needsOther': 'validation.required' },
    });
  });
  it('the name may be shared only with consent to share it, for this recipient', () => {
    expect(mayShareName(fixtureReferral(), view.service)).toBe(false);
    const c = {
      ...fixtureReferral().consent,
      scope: ['referral', 'recordName', 'shareName'] as const,
    };
    expect(
      mayShareName(fixtureReferral({ consent: { ...c, scope: [...c.scope] } }), view.service),
    ).toBe(true);
  });
  it('case codes are per office and year, zero-padded, without any name', () => {
    expect(formatCaseCode('BKO', 2026, 7)).toBe('BKO-2026-0007');
    expect(formatCaseCode('SEG', 2027, 12345)).toBe('SEG-2027-12345');
  });
});

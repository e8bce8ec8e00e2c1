import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FoldEvent, ReferralSides } from './fold';
import { foldReferral, mayAct, permissionFor, sidesOf } from './fold';
import type { ReferralEventType } from './schema';

const SIDES: ReferralSides = { referring: 'BKO', receiving: 'SEG' };
let n = 0;
const ev = (type: ReferralEventType, office: string, at: string): FoldEvent => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  type,
  office,
  at: `2026-11-23T${at}:00.000Z`,
});

describe('a referral’s state as the fold of its events', () => {
  it('sent by the referring office, accepted then completed by the receiving office', () => {
    const events = [
      ev('created', 'BKO', '08:00'),
      ev('consent', 'BKO', '08:05'),
      ev('sent', 'BKO', '08:10'),
      ev('accepted', 'SEG', '09:00'),
      ev('completed', 'SEG', '12:00'),
    ];
    expect(foldReferral(events, SIDES)).toEqual({
      state: 'completed',
      sentAt: '2026-11-23T08:10:00.000Z',
      answeredAt: '2026-11-23T09:00:00.000Z',
      closedAt: '2026-11-23T12:00:00.000Z',
      withoutEffect: new Set(),
    });
  });

  it('ignores answers from any office but the receiving one, and sending by anyone but the owner', () => {
    const forged = ev('accepted', 'KYS', '09:00');
    const notOwner = ev('withdrawn', 'SEG', '09:30');
    const history = ev('consent', 'SEG', '09:40');
    const folded = foldReferral([ev('sent', 'BKO', '08:00'), forged, notOwner, history], SIDES);
    expect(folded.state).toBe('sent');
    expect(folded.withoutEffect).toEqual(new Set([forged.id, notOwner.id, history.id]));
  });

  it('counts an answer stamped before the sending by a PC whose clock is behind', () => {
    const early = ev('accepted', 'SEG', '07:55');
    const folded = foldReferral([early, ev('sent', 'BKO', '08:00')], SIDES);
    expect(folded.state).toBe('accepted');
    expect(folded.withoutEffect.size).toBe(0);
  });

  it('a withdrawal and an acceptance at once: the first in time wins everywhere, the other is kept without effect', () => {
    const withdraw = ev('withdrawn', 'BKO', '09:00');
    const accept = ev('accepted', 'SEG', '09:01');
    const folded = foldReferral([accept, ev('sent', 'BKO', '08:00'), withdraw], SIDES);
    expect(folded.state).toBe('withdrawn');
    expect(folded.withoutEffect).toEqual(new Set([accept.id]));
  });

  it('gives the same state whatever order the events arrive in', () => {
    const pool = [
      ev('sent', 'BKO', '08:00'),
      ev('accepted', 'SEG', '08:30'),
      ev('declined', 'SEG', '08:30'),
      ev('withdrawn', 'BKO', '09:00'),
      ev('completed', 'SEG', '09:00'),
      ev('accepted', 'KYS', '08:20'),
      ev('sent', 'BKO', '07:00'),
    ];
    fc.assert(
      fc.property(fc.subarray(pool), fc.infiniteStream(fc.nat()), (chosen, seeds) => {
        const shuffled = [...chosen]
          .map((e) => ({ e, k: seeds.next().value }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.e);
        expect(foldReferral(shuffled, SIDES)).toEqual(foldReferral(chosen, SIDES));
      }),
    );
  });

  it('one office on both sides answers its own referrals; sides default to the service’s office', () => {
    const same = sidesOf({ office: 'BKO', receivingOffice: null });
    expect(same).toEqual({ referring: 'BKO', receiving: 'BKO' });
    expect(mayAct('BKO', 'accept', same)).toBe(true);
    expect(sidesOf({ office: 'BKO', receivingOffice: null }, 'SEG').receiving).toBe('SEG');
    expect(sidesOf({ office: 'BKO', receivingOffice: 'MOP' }, 'SEG').receiving).toBe('MOP');
    expect(permissionFor('accept')).toBe('referral.answer');
    expect(permissionFor('withdraw')).toBe('referral.transition');
  });
});

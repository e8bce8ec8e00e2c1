/**
 * A referral's state as the fold of its events (issue 10). Offices replicate immutable events,
 * never a shared state: the referring office sends and withdraws, the receiving office accepts,
 * declines and completes, each in events it alone writes. Every replica folds the same set of
 * events into the same state, whatever order they arrived in:
 *
 * - events are taken in (at, id) order, the author's clock and then the id to break ties;
 * - an event whose author may not take that action (an office that is neither side) never
 *   counts, nor does a line of history (an edit, a consent, a letter) written by any office but
 *   the referring one;
 * - an event the machine refuses where it stands waits, and is tried again after each
 *   transition: an answer stamped before the sending by a PC whose clock is behind still
 *   counts once the sending is folded in;
 * - what is still refused at the end (an acceptance after a withdrawal) is kept in the history
 *   and marked as without effect.
 */
import type { ReferralAction } from './machine';
import { transition } from './machine';
import type { Referral, ReferralEvent, ReferralEventType, ReferralState } from './schema';

/** Which side of a referral takes each action. */
export const SIDE: Record<ReferralAction, 'referring' | 'receiving'> = {
  send: 'referring',
  withdraw: 'referring',
  accept: 'receiving',
  decline: 'receiving',
  complete: 'receiving',
};

/** The permission each action needs (shared/domain/accounts/permissions.ts). */
export const permissionFor = (action: ReferralAction) =>
  SIDE[action] === 'receiving' ? ('referral.answer' as const) : ('referral.transition' as const);

const ACTION_OF: Partial<Record<ReferralEventType, ReferralAction>> = {
  sent: 'send',
  accepted: 'accept',
  declined: 'decline',
  completed: 'complete',
  withdrawn: 'withdraw',
};
export const actionOfEvent = (type: ReferralEventType): ReferralAction | undefined =>
  ACTION_OF[type];

/** The two offices of a referral: who wrote it, and who answers for the receiving service. */
export type ReferralSides = { referring: string; receiving: string };

export const sidesOf = (
  referral: Pick<Referral, 'office' | 'receivingOffice'>,
  serviceOffice?: string,
): ReferralSides => ({
  referring: referral.office,
  receiving: referral.receivingOffice ?? serviceOffice ?? referral.office,
});

/** May this office take this action on a referral with these sides? */
export const mayAct = (office: string, action: ReferralAction, sides: ReferralSides): boolean =>
  office === sides[SIDE[action]];

export type FoldEvent = Pick<ReferralEvent, 'id' | 'at' | 'type' | 'office'>;

export type Folded = {
  state: ReferralState;
  sentAt: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  /** State events that did not count: their author may not, or the state did not allow it. */
  withoutEffect: ReadonlySet<string>;
};

const inOrder = (a: FoldEvent, b: FoldEvent) =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export const foldReferral = (events: readonly FoldEvent[], sides: ReferralSides): Folded => {
  const out: Omit<Folded, 'withoutEffect'> = {
    state: 'draft',
    sentAt: null,
    answeredAt: null,
    closedAt: null,
  };
  const withoutEffect = new Set<string>();
  const waiting: { e: FoldEvent; action: ReferralAction }[] = [];
  const apply = (e: FoldEvent, action: ReferralAction): boolean => {
    // Reasons were checked where the event was written; the fold only orders decisions.
    const next = transition(out.state, action, 'fold');
    if (!next.ok) return false;
    out.state = next.to;
    if (action === 'send') out.sentAt = e.at;
    if (action === 'accept' || action === 'decline') out.answeredAt = e.at;
    if (next.to === 'declined' || next.to === 'completed' || next.to === 'withdrawn')
      out.closedAt = e.at;
    return true;
  };
  for (const e of [...events].sort(inOrder)) {
    const action = actionOfEvent(e.type);
    if (!action) {
      // The rest of the history (case edits, consent, letters) is the referring office's.
      if (e.office !== sides.referring) withoutEffect.add(e.id);
      continue;
    }
    if (!mayAct(e.office, action, sides)) {
      withoutEffect.add(e.id);
      continue;
    }
    waiting.push({ e, action });
    // Try the waiting events, oldest first, until none moves the state any more.
    for (let moved = true; moved;) {
      moved = false;
      const i = waiting.findIndex((w) => apply(w.e, w.action));
      if (i >= 0) {
        waiting.splice(i, 1);
        moved = true;
      }
    }
  }
  for (const w of waiting) withoutEffect.add(w.e.id);
  return { ...out, withoutEffect };
};

/** The record's state fields as the fold says; the record is unchanged when they agree. */
export const withFoldedState = <
  R extends Pick<Referral, 'state' | 'sentAt' | 'answeredAt' | 'closedAt'>,
>(
  record: R,
  folded: Folded,
): R =>
  record.state === folded.state &&
  record.sentAt === folded.sentAt &&
  record.answeredAt === folded.answeredAt &&
  record.closedAt === folded.closedAt
    ? record
    : {
        ...record,
        state: folded.state,
        sentAt: folded.sentAt,
        answeredAt: folded.answeredAt,
        closedAt: folded.closedAt,
      };

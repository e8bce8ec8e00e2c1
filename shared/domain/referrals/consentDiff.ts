/**
 * What a consent event changed, compared with the one before it, for the history: a list of
 * consents recorded again and again must say what moved (scope given or withdrawn, method,
 * date, recipient), not repeat "consent recorded". Works on the events' consent summaries
 * (rules.ts consentSummary): "scope+scope · method · date · recipient", or "none".
 */
import type { ConsentScope } from './schema';
import { CONSENT_SCOPES } from './schema';

export type ConsentParts = {
  given: boolean;
  scope: ConsentScope[];
  method: string;
  date: string;
  recipient: string;
};

export type ConsentChange =
  | { kind: 'first'; now: ConsentParts }
  | { kind: 'withdrawn' }
  | { kind: 'unchanged' }
  | {
      kind: 'changed';
      added: ConsentScope[];
      removed: ConsentScope[];
      method: string | null;
      date: string | null;
      recipient: string | null;
    };

export const parseConsentSummary = (summary: string): ConsentParts => {
  if (summary === 'none' || summary === '')
    return { given: false, scope: [], method: '', date: '', recipient: '' };
  const [scope = '', method = '', date = '', recipient = ''] = summary.split(' · ');
  return {
    given: true,
    scope: scope
      .split('+')
      .filter((s): s is ConsentScope => (CONSENT_SCOPES as readonly string[]).includes(s)),
    method,
    date,
    recipient,
  };
};

export const consentChange = (previous: string | null, current: string): ConsentChange => {
  const now = parseConsentSummary(current);
  if (previous === null) return { kind: 'first', now };
  const before = parseConsentSummary(previous);
  if (!now.given) return before.given ? { kind: 'withdrawn' } : { kind: 'unchanged' };
  if (!before.given) return { kind: 'first', now };
  const added = now.scope.filter((s) => !before.scope.includes(s));
  const removed = before.scope.filter((s) => !now.scope.includes(s));
  const method = now.method !== before.method ? now.method : null;
  const date = now.date !== before.date ? now.date : null;
  const recipient = now.recipient !== before.recipient ? now.recipient : null;
  if (!added.length && !removed.length && method === null && date === null && recipient === null)
    return { kind: 'unchanged' };
  return { kind: 'changed', added, removed, method, date, recipient };
};

/**
 * A referral's history: every event, oldest first, with who and when. Letter events name the
 * reference and, for files, the format and file name. An answer from the receiving office
 * names it; a state change that did not count (fold.ts) is marked so.
 */
import type { ReferralEvent } from '@shared/domain/referrals/schema';
import { CONSENT_METHODS } from '@shared/domain/referrals/schema';
import type { MessageId } from '@shared/i18n/catalogues';
import type { Translate } from '../../app/i18n';
import { useT } from '../../app/i18n';
import { useFormatDate, useFormatDateTime } from './format';
import { consentChange } from '@shared/domain/referrals/consentDiff';
import type { ConsentChange } from '@shared/domain/referrals/consentDiff';

/** The consent summary recorded before event `i`, if any. */
const previousConsent = (events: readonly ReferralEvent[], i: number): string | null => {
  for (let j = i - 1; j >= 0; j--) if (events[j]!.type === 'consent') return events[j]!.reason;
  return null;
};

/** Labels of the parts an edit changed (rules.ts changedParts names them, without values). */
const PART_LABELS: Record<string, MessageId> = {
  service: 'referrals.form.service',
  urgency: 'referrals.form.urgency',
  needs: 'referrals.form.needs',
  needsOther: 'referrals.form.needsOther',
  traffickingStatus: 'referrals.form.traffickingStatus',
  exploitationTypes: 'referrals.form.exploitation',
  gender: 'referrals.form.gender',
  ageBand: 'referrals.form.ageBand',
  citizenship: 'referrals.form.citizenship',
  languages: 'referrals.form.languages',
  reason: 'referrals.form.reason',
  reasonDetails: 'referrals.form.reasonDetails',
  notes: 'referrals.form.notes',
};

/** A consent event beside the one before it: what it changed, in words. */
const consentDetail = (
  change: ConsentChange,
  t: Translate,
  formatDate: (iso: string) => string,
): string => {
  const method = (m: string) => {
    const known = CONSENT_METHODS.find((x) => x === m);
    return known ? t(`referrals.method.${known}`) : m;
  };
  switch (change.kind) {
    case 'withdrawn':
      return t('referrals.consent.none');
    case 'unchanged':
      return t('ux.consent.unchanged');
    case 'first':
      return [
        change.now.scope.map((s) => t(`referrals.scope.${s}`)).join(', '),
        method(change.now.method),
        change.now.date ? formatDate(change.now.date) : '',
        change.now.recipient,
      ]
        .filter(Boolean)
        .join(' · ');
    case 'changed':
      return [
        ...change.added.map((s) => t('ux.consent.added', { scope: t(`referrals.scope.${s}`) })),
        ...change.removed.map((s) => t('ux.consent.removed', { scope: t(`referrals.scope.${s}`) })),
        change.method !== null && t('ux.consent.method', { method: method(change.method) }),
        change.date !== null &&
          t('ux.consent.date', { date: change.date ? formatDate(change.date) : '—' }),
        change.recipient !== null && t('ux.consent.recipient', { recipient: change.recipient }),
      ]
        .filter(Boolean)
        .join(' · ');
  }
};

const detailOf = (e: ReferralEvent, t: Translate): string => {
  if (e.type === 'updated')
    return e.reason
      .split(', ')
      .map((p) => (PART_LABELS[p] ? t(PART_LABELS[p]) : p))
      .join(', ');
  if (e.type === 'letterIssued')
    return e.reason === 'override' ? t('referrals.override.title') : '';
  return e.reason;
};

export const History = ({
  events,
  withoutEffect = new Set(),
  referring,
}: {
  events: ReferralEvent[];
  /** State changes that did not count (fold.ts): kept, marked. */
  withoutEffect?: ReadonlySet<string>;
  /** The referring office: events written by another office (the answer) name it. */
  referring?: string;
}) => {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  const formatDate = useFormatDate();
  return (
    <section className="panel tight" aria-labelledby="history-title">
      <h2 id="history-title">{t('referrals.detail.history')}</h2>
      <ol className="plain history">
        {events.map((e, i) => {
          const detail =
            e.type === 'consent'
              ? consentDetail(consentChange(previousConsent(events, i), e.reason), t, formatDate)
              : detailOf(e, t);
          return (
            <li key={e.id} className={`event event-${e.type}`}>
              <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              <span className="event-what">
                {t(`referrals.event.${e.type}`)}
                {e.reference && (
                  <>
                    {' '}
                    <bdi dir="ltr">{e.reference}</bdi>
                  </>
                )}
                {e.format && (
                  <>
                    {' · '}
                    {e.format === 'print' ? t('ux.letters.printed') : e.format.toUpperCase()}{' '}
                    <bdi className="muted">{e.fileName}</bdi>
                  </>
                )}
              </span>
              <span className="muted">
                {t('referrals.detail.historyBy', { by: e.by })}
                {referring && e.office !== referring && (
                  <> ({t('referrals.event.office', { office: e.office })})</>
                )}
              </span>
              {withoutEffect.has(e.id) && (
                <span className="badge">{t('referrals.event.withoutEffect')}</span>
              )}
              {detail && <span className="event-reason">{detail}</span>}
            </li>
          );
        })}
      </ol>
    </section>
  );
};

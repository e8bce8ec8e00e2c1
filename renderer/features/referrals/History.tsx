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

const detailOf = (e: ReferralEvent, t: Translate, formatDate: (iso: string) => string): string => {
  if (e.type === 'updated')
    return e.reason
      .split(', ')
      .map((p) => (PART_LABELS[p] ? t(PART_LABELS[p]) : p))
      .join(', ');
  if (e.type === 'consent') {
    if (e.reason === 'none') return t('referrals.consent.none');
    const [, method, date, recipient] = e.reason.split(' · ');
    const m = CONSENT_METHODS.find((x) => x === method);
    return [m ? t(`referrals.method.${m}`) : '', date ? formatDate(date) : '', recipient]
      .filter(Boolean)
      .join(' · ');
  }
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
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">{t('referrals.detail.history')}</h2>
      <ol className="history">
        {events.map((e) => {
          const detail = detailOf(e, t, formatDate);
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
                    {e.format.toUpperCase()} <bdi className="muted">{e.fileName}</bdi>
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

/**
 * The consent of a referral: what is recorded, a form to record or change it (with the name,
 * which may only be kept under it), and the override with its written reason. Whether the
 * consent covers the current service is said in words, not only by a disabled button.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ServiceView } from '@shared/domain/directory/schema';
import { isOpen } from '@shared/domain/referrals/machine';
import { consentNamesRecipient } from '@shared/domain/referrals/rules';
import type { ConsentFormInput, Referral } from '@shared/domain/referrals/schema';
import { CONSENT_METHODS, CONSENT_SCOPES } from '@shared/domain/referrals/schema';
import { useData } from '../../app/data';
import { isMessageId, useT } from '../../app/i18n';
import { ErrorSummary, Field } from '../../ui/Field';
import { localDate } from '../../data/repositories/referrals';
import { useSession } from '../accounts/session';
import { useFormatDate, useFormatDateTime } from './format';
import { OverrideForm } from './OverrideForm';
import { DateField } from '../../ui/DateField';

export const ConsentPanel = ({
  referral,
  view,
  mine,
}: {
  referral: Referral;
  view?: ServiceView;
  /** Whether this office referred the person (only it records consent). */
  mine: boolean;
}) => {
  const t = useT();
  const formatDate = useFormatDate();
  const formatDateTime = useFormatDateTime();
  const [editing, setEditing] = useState<'consent' | 'override' | null>(null);
  const [message, setMessage] = useState('');
  const c = referral.consent;
  const { can } = useSession();
  // Recording consent is part of working the referral.
  const open =
    mine &&
    isOpen(referral.state) &&
    can('referral.transition', { serviceIds: [referral.serviceId] });
  const covers = view ? consentNamesRecipient(c, view.service) : false;
  const o = referral.consentOverride;
  return (
    <section className="panel tight" aria-labelledby="consent-title">
      <h2 id="consent-title">{t('referrals.consent.title')}</h2>
      {message && <p role="status">{message}</p>}
      {c.given ? (
        <>
          <p>
            {t('referrals.consent.summary', {
              date: c.date ? formatDate(c.date) : '?',
              method: c.method ? t(`referrals.method.${c.method}`) : '?',
              by: c.recordedBy,
            })}
          </p>
          <ul className="plain consent-scope">
            {c.scope.map((s) => (
              <li key={s}>✓ {t(`referrals.scope.${s}`)}</li>
            ))}
          </ul>
          {c.recipient && <p>{t('referrals.consent.recipient', { name: c.recipient.name })}</p>}
          {!covers && c.recipient && (
            <p className="warning" role="note">
              {t('referrals.consent.mismatch', { name: c.recipient.name })}
            </p>
          )}
        </>
      ) : (
        <p className="warning" role="note">
          {t('referrals.consent.none')}
        </p>
      )}
      {o && (
        <p
          className={`override-banner ${o.serviceId === referral.serviceId ? '' : 'muted'}`}
          role="note"
        >
          {o.serviceId === referral.serviceId
            ? t('referrals.override.banner', {
                by: o.by,
                date: formatDateTime(o.at),
                reason: o.reason,
              })
            : t('referrals.override.otherService')}
        </p>
      )}
      {open && editing === null && (
        <div className="actions">
          <button type="button" onClick={() => setEditing('consent')}>
            {c.given ? t('referrals.consent.change') : t('referrals.consent.record')}
          </button>
          {!covers && !(o && o.serviceId === referral.serviceId) && (
            <button type="button" className="danger" onClick={() => setEditing('override')}>
              {t('referrals.override.title')}
            </button>
          )}
        </div>
      )}
      {editing === 'consent' && view && (
        <ConsentForm
          referral={referral}
          view={view}
          onDone={(saved) => {
            setEditing(null);
            setMessage(saved ? t('referrals.consent.saved') : '');
          }}
        />
      )}
      {editing === 'override' && (
        <OverrideForm referral={referral} onDone={() => setEditing(null)} />
      )}
    </section>
  );
};

/** Also the consent step of a referral made from a screening (features/screening). */
export const ConsentForm = ({
  referral,
  view,
  onDone,
}: {
  referral: Referral;
  view: ServiceView;
  onDone: (saved: boolean) => void;
}) => {
  const t = useT();
  const { repos } = useData();
  const c = referral.consent;
  const org = view.organization;
  const [given, setGiven] = useState(true);
  const [scope, setScope] = useState<string[]>(c.given ? c.scope : ['referral']);
  const [recipient, setRecipient] = useState<'service' | 'organization'>(
    c.recipient?.kind ?? 'service',
  );
  const [date, setDate] = useState(c.date ?? localDate());
  const [method, setMethod] = useState(c.method ?? 'written');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const recordsName = given && scope.includes('recordName');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input: ConsentFormInput = {
      consent: given
        ? {
            given,
            scope: scope as ConsentFormInput['consent']['scope'],
            recipient:
              recipient === 'organization' && org
                ? { kind: 'organization', id: org.id, name: org.name }
                : { kind: 'service', id: view.service.id, name: view.service.name },
            date,
            method,
          }
        : { given: false },
      // Left blank while still covered, the stored name stays (rules.ts applyConsentForm).
      personName: recordsName ? name : '',
    };
    const result = await repos.referrals.recordConsent(referral.id, input);
    if (!result.ok) return setErrors(result.errors);
    onDone(true);
  };

  return (
    <form
      autoComplete="off"
      onSubmit={submit}
      noValidate
      aria-label={t('referrals.consent.record')}
      className="consent-form"
    >
      <ErrorSummary errors={errors} />
      {errors._ && <p className="error">{isMessageId(errors._) ? t(errors._) : errors._}</p>}
      <label className="checkbox">
        <input type="checkbox" checked={given} onChange={(e) => setGiven(e.target.checked)} />
        {t('referrals.consent.given')}
      </label>
      {given && (
        <>
          <fieldset className="inner">
            <legend>{t('referrals.consent.scope')}</legend>
            {CONSENT_SCOPES.map((s) => (
              <label key={s} className="checkbox block">
                <input
                  type="checkbox"
                  checked={scope.includes(s)}
                  onChange={() =>
                    setScope((l) => (l.includes(s) ? l.filter((x) => x !== s) : [...l, s]))
                  }
                />
                {t(`referrals.scope.${s}`)}
              </label>
            ))}
            {errors['consent.scope'] && (
              <p className="error">{t(errors['consent.scope'] as 'referrals.validation.scope')}</p>
            )}
          </fieldset>
          <Field label={t('referrals.consent.recipientField')} error={errors['consent.recipient']}>
            {(p) => (
              <select
                {...p}
                value={recipient}
                onChange={(e) => setRecipient(e.target.value as 'service' | 'organization')}
              >
                <option value="service">
                  {t('referrals.consent.recipientService', { name: view.service.name })}
                </option>
                {org && (
                  <option value="organization">
                    {t('referrals.consent.recipientOrganization', { name: org.name })}
                  </option>
                )}
              </select>
            )}
          </Field>
          <div className="row">
            <Field label={t('referrals.consent.date')} error={errors['consent.date']}>
              {(p) => <DateField {...p} value={date} max={localDate()} onChange={setDate} />}
            </Field>
            <Field label={t('referrals.consent.method')} error={errors['consent.method']}>
              {(p) => (
                <select
                  {...p}
                  value={method}
                  onChange={(e) => setMethod(e.target.value as typeof method)}
                >
                  {CONSENT_METHODS.map((m) => (
                    <option key={m} value={m}>
                      {t(`referrals.method.${m}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          {recordsName && (
            <Field
              label={t('referrals.consent.personName')}
              hint={t(
                referral.caseDetails.person
                  ? 'referrals.consent.nameKept'
                  : 'referrals.consent.personNameHint',
              )}
              error={errors.personName}
            >
              {(p) => (
                <input
                  {...p}
                  autoComplete="off"
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                />
              )}
            </Field>
          )}
        </>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          {t('action.save')}
        </button>
        <button type="button" onClick={() => onDone(false)}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
};

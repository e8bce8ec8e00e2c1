/**
 * A referral's letters: issue a new one (refused, with the reason in words, while no consent or
 * override covers the receiving service), and every letter issued, with its preview and files.
 */
import './letters.css';
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ServiceView } from '@shared/domain/directory/schema';
import type { LetterOptions } from '@shared/domain/letters/build';
import type { Letterhead } from '@shared/domain/letters/letterhead';
import { letterGaps } from '@shared/domain/letters/letterhead';
import type { LetterRecord } from '@shared/domain/letters/model';
import { consentGate, mayShareName } from '@shared/domain/referrals/rules';
import type { Referral } from '@shared/domain/referrals/schema';
import { LETTER_LOCALES } from '@shared/domain/letters/letterLocales';
import type { LetterLocale } from '@shared/domain/letters/letterLocales';
import { useData, useOffice } from '../../app/data';
import { isMessageId, useLocale, useT } from '../../app/i18n';
import { href } from '../../app/router';
import { Field } from '../../ui/Field';
import { useSession } from '../accounts/session';
import { useFormatDateTime } from '../referrals/format';
import { languageName } from '../directory/Filters';
import { LetterFileButtons } from './LetterFileButtons';

/** A letter language's name: the catalogue's where it has one (screen languages), else Intl's. */
const useLetterLanguageName = () => {
  const t = useT();
  const { locale } = useLocale();
  return (l: string) => {
    const id = `language.${l}`;
    return isMessageId(id) ? t(id) : languageName(l, locale);
  };
};

export const LettersPanel = ({
  referral,
  view,
  letters,
  mine,
}: {
  referral: Referral;
  view?: ServiceView;
  letters: LetterRecord[];
  /** Whether this office referred the person: letters go from the referring office. */
  mine: boolean;
}) => {
  const t = useT();
  const letterLanguage = useLetterLanguageName();
  const { repos } = useData();
  const formatDateTime = useFormatDateTime();
  const letterhead = useLiveQuery(() => repos.letters.getLetterhead(), [repos]);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const gate = consentGate(referral, view?.service);
  const { can } = useSession();
  // A closed referral gets no new letter, nor does a role that may not write one; the letters
  // issued stay listed.
  const closed =
    !mine ||
    (!gate.ok && gate.error === 'referrals.gate.closed') ||
    !can('letter.generate', { serviceIds: [referral.serviceId] });
  return (
    <section className="panel tight" aria-labelledby="letters-title">
      <h2 id="letters-title">{t('letters.title')}</h2>
      {message && <p role="status">{message}</p>}
      {!open && !closed && (
        <button
          type="button"
          className="primary"
          disabled={!gate.ok}
          aria-describedby={gate.ok ? undefined : 'letter-blocked'}
          onClick={() => setOpen(true)}
        >
          {t('letters.issue')}
        </button>
      )}
      {!gate.ok && !closed && (
        <p id="letter-blocked" className="warning">
          {t('letters.cannotIssue')} {t(gate.error)}
        </p>
      )}
      {open && gate.ok && view && letterhead && (
        <IssueForm
          referral={referral}
          view={view}
          letterhead={letterhead}
          onDone={(msg) => {
            setOpen(false);
            setMessage(msg);
          }}
        />
      )}
      {letters.length === 0 ? (
        <p className="muted">{t('letters.none')}</p>
      ) : (
        <table className="service-table letters-table" aria-label={t('letters.title')}>
          <thead>
            <tr>
              <th scope="col">{t('letters.col.reference')}</th>
              <th scope="col">{t('letters.col.issued')}</th>
              <th scope="col">{t('letters.col.language')}</th>
              <th scope="col">{t('letters.col.files')}</th>
            </tr>
          </thead>
          <tbody>
            {letters.map((l) => (
              <tr key={l.id}>
                <td>
                  <a href={href({ name: 'letter', referralId: referral.id, letterId: l.id })}>
                    <bdi dir="ltr">{l.reference}</bdi>
                  </a>
                </td>
                <td>
                  {formatDateTime(l.issuedAt)}
                  <div className="muted">{l.issuedBy}</div>
                </td>
                <td>{letterLanguage(l.model.locale)}</td>
                <td>
                  <a href={href({ name: 'letter', referralId: referral.id, letterId: l.id })}>
                    {t('letters.preview')}
                  </a>{' '}
                  <LetterFileButtons letter={l} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};

/** Also the letter step of a referral made from a screening (features/screening). */
export const IssueForm = ({
  referral,
  view,
  letterhead,
  onDone,
}: {
  referral: Referral;
  view: ServiceView;
  letterhead: Letterhead;
  onDone: (message: string) => void;
}) => {
  const t = useT();
  const letterLanguage = useLetterLanguageName();
  const { locale } = useLocale();
  const office = useOffice();
  const { user, can } = useSession();
  const { repos } = useData();
  const listFormat = useMemo(() => new Intl.ListFormat(locale, { type: 'conjunction' }), [locale]);
  const nameAllowed = mayShareName(referral, view.service);
  const [options, setOptions] = useState<LetterOptions>({
    locale,
    includeName: false,
    // The person writing is the contact, by default: the logged-in user.
    contact: {
      name: user?.displayName ?? office.userName,
      title: '',
      phone: letterhead.phone,
      email: letterhead.email,
    },
    signatory: { name: letterhead.signatoryName, title: letterhead.signatoryTitle },
    stamp: letterhead.stamp,
  });
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const text = (group: 'contact' | 'signatory', key: string, label: string, type = 'text') => (
    <Field label={label}>
      {(p) => (
        <input
          {...p}
          type={type}
          value={(options[group] as Record<string, string>)[key]}
          onChange={(e) =>
            setOptions((o) => ({ ...o, [group]: { ...o[group], [key]: e.target.value } }))
          }
        />
      )}
    </Field>
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await repos.letters.issue(referral.id, options);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onDone(t('letters.issued', { reference: result.letter.reference }));
  };
  const gaps = letterGaps(letterhead, options.signatory);
  const mayFix = can('settings.manage');
  return (
    <form onSubmit={submit} noValidate aria-label={t('letters.issue')} className="issue-form">
      {gaps.length > 0 && (
        <p className="warning" id="letter-gaps" role="note">
          {t('ux.letters.missing', {
            list: listFormat.format(gaps.map((g) => t(`ux.letters.gap.${g}`))),
          })}{' '}
          {mayFix ? (
            <a href={href({ name: 'settings' })}>{t('letters.settingsLink')}</a>
          ) : (
            t('ux.letters.askAdmin')
          )}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {isMessageId(error) ? t(error) : error}
        </p>
      )}
      <Field label={t('letters.language')}>
        {(p) => (
          <select
            {...p}
            value={options.locale}
            onChange={(e) => setOptions((o) => ({ ...o, locale: e.target.value as LetterLocale }))}
          >
            {LETTER_LOCALES.map((l) => (
              <option key={l} value={l}>
                {letterLanguage(l)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="checkbox block">
        <input
          type="checkbox"
          disabled={!nameAllowed}
          checked={nameAllowed && options.includeName}
          aria-describedby="include-name-hint"
          onChange={(e) => setOptions((o) => ({ ...o, includeName: e.target.checked }))}
        />
        {t('letters.includeName')}
      </label>
      <p id="include-name-hint" className="hint">
        {nameAllowed ? t('letters.includeNameHint') : t('letters.includeNameDenied')}
      </p>
      <fieldset className="inner">
        <legend>{t('letters.contact')}</legend>
        <div className="row">
          {text('contact', 'name', t('letters.contactName'))}
          {text('contact', 'title', t('letters.contactTitle'))}
        </div>
        <div className="row">
          {text('contact', 'phone', t('letters.contactPhone'), 'tel')}
          {text('contact', 'email', t('letters.contactEmail'), 'email')}
        </div>
      </fieldset>
      <fieldset className="inner">
        <legend>{t('letters.signatory')}</legend>
        <div className="row">
          {text('signatory', 'name', t('letters.signatoryName'))}
          {text('signatory', 'title', t('letters.signatoryTitle'))}
        </div>
      </fieldset>
      <label className="checkbox block">
        <input
          type="checkbox"
          checked={options.stamp}
          onChange={(e) => setOptions((o) => ({ ...o, stamp: e.target.checked }))}
        />
        {t('letters.stamp')}
      </label>
      <div className="actions">
        <button
          type="submit"
          className="primary"
          disabled={busy || gaps.length > 0}
          aria-describedby={gaps.length > 0 ? 'letter-gaps' : undefined}
        >
          {t('letters.issueSubmit')}
        </button>
        <button type="button" onClick={() => onDone('')}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
};

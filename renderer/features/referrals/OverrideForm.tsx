/**
 * Proceeding without the person's consent: a written reason (20 characters at least), recorded
 * as an event, shown on the referral and printed in the letter.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Referral } from '@shared/domain/referrals/schema';
import { useData } from '../../app/data';
import { useT } from '../../app/i18n';
import { Field } from '../../ui/Field';

export const OverrideForm = ({ referral, onDone }: { referral: Referral; onDone: () => void }) => {
  const t = useT();
  const { repos } = useData();
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await repos.referrals.override(referral.id, reason);
    if (!result.ok) return setError(result.error);
    onDone();
  };
  return (
    <form
      autoComplete="off"
      onSubmit={submit}
      noValidate
      aria-label={t('referrals.override.title')}
      className="override-form"
    >
      <p className="hint">{t('referrals.override.explain')}</p>
      <Field label={t('referrals.override.reason')} error={error || undefined}>
        {(p) => (
          <textarea {...p} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="danger">
          {t('referrals.override.submit')}
        </button>
        <button type="button" onClick={onDone}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
};

/**
 * Handing a service of this office over to a trusted partner office (issue 13, hole 1): an
 * administrator's control, shown only for a record this office owns. The repository checks
 * the right and the partner again (renderer/data/repositories/handover.ts); the act is signed
 * into the service's next version at the next sync.
 */
import { useId, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Service } from '@shared/domain/directory/schema';
import { useData, useOffice } from '../../app/data';
import { isMessageId, useT } from '../../app/i18n';
import { useSession } from '../accounts/session';
import './handover.css';

export const HandoverPanel = ({ service }: { service: Pick<Service, 'id' | 'office'> }) => {
  const t = useT();
  const { repos } = useData();
  const { can } = useSession();
  const self = useOffice().officeCode;
  const allowed = can('sync.trust') && service.office === self;
  const state = useLiveQuery(
    async () =>
      allowed
        ? {
            pending: await repos.handover.pending(service.id),
            partners: await repos.handover.partners(),
          }
        : null,
    [repos, service.id, allowed],
  );
  const [to, setTo] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const selectId = useId();
  const confirmId = useId();
  if (!allowed || !state) return null;
  const label = (office: string) => {
    const p = state.partners.find((x) => x.office === office);
    return p ? `${p.name} (${p.office})` : office;
  };
  const submit = async () => {
    setBusy(true);
    const r = await repos.handover.handOverService(service.id, to);
    setBusy(false);
    setConfirming(false);
    setError(r.ok ? '' : isMessageId(r.error) ? t(r.error) : r.error);
  };
  return (
    <section className="panel tight handover-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('handoverUi.title')}</h2>
      {state.pending ? (
        <p role="status">{t('handoverUi.pending', { office: label(state.pending) })}</p>
      ) : state.partners.length === 0 ? (
        <p className="muted">{t('handoverUi.noPartner')}</p>
      ) : (
        <>
          <div className="handover-choose">
            <label htmlFor={selectId}>{t('handoverUi.partner')}</label>
            <select
              id={selectId}
              value={to}
              disabled={confirming}
              onChange={(e) => {
                setTo(e.target.value);
                setError('');
              }}
            >
              <option value="">{t('handoverUi.choose')}</option>
              {state.partners.map((p) => (
                <option key={p.office} value={p.office}>
                  {p.name} ({p.office})
                </option>
              ))}
            </select>
            <button type="button" disabled={!to || confirming} onClick={() => setConfirming(true)}>
              {t('handoverUi.start')}
            </button>
          </div>
          {confirming && (
            <div role="alertdialog" aria-labelledby={confirmId} className="confirm">
              <p id={confirmId}>{t('handoverUi.confirm', { office: label(to) })}</p>
              <button type="button" className="danger" disabled={busy} onClick={submit}>
                {t('handoverUi.confirmButton')}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('action.cancel')}
              </button>
            </div>
          )}
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
};

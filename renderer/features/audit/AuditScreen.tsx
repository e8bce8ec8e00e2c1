/**
 * The audit trail for administrators (issue 7): filter by who, action, table and dates, check
 * the hash chain (the result names the first broken entry), export what is shown as CSV.
 */
import './audit.css';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ChainResult } from '@shared/domain/audit/chain';
import type { VerifyResult } from '../../data/repositories/audit';
import type { AuditFilter } from '@shared/domain/audit/filter';
import { useData } from '../../app/data';
import { useLocale, useT } from '../../app/i18n';
import { platform } from '../../platform';
import { LabelledControl } from '../directory/Filters';
import { Witnesses } from './Witnesses';
import { DateField } from '../../ui/DateField';
import { useAuditLabels } from './labels';

const PAGE = 200;

/** A local calendar day (from a date input) as the UTC instant it starts at. */
const dayStart = (day: string, plusDays = 0): string | undefined => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const d = new Date(`${day}T00:00:00`);
  d.setDate(d.getDate() + plusDays);
  return d.toISOString();
};

type FormState = { actor: string; action: string; table: string; from: string; to: string };
const EMPTY: FormState = { actor: '', action: '', table: '', from: '', to: '' };

const toFilter = (f: FormState): AuditFilter => ({
  ...(f.actor ? { actor: f.actor } : {}),
  ...(f.action ? { action: f.action } : {}),
  ...(f.table ? { table: f.table } : {}),
  ...(f.from ? { from: dayStart(f.from) } : {}),
  ...(f.to ? { to: dayStart(f.to, 1) } : {}),
});

export const AuditScreen = () => {
  const t = useT();
  const labels = useAuditLabels();
  const { intlLocale: locale } = useLocale();
  const { repos } = useData();
  const [form, setForm] = useState<FormState>(EMPTY);
  const filter = toFilter(form);
  const key = JSON.stringify(filter);
  const page = useLiveQuery(() => repos.audit.list(filter, PAGE), [repos, key]);
  const facets = useLiveQuery(() => repos.audit.facets(), [repos]);
  const [verdict, setVerdict] = useState<VerifyResult | 'running' | null>(null);
  const [message, setMessage] = useState('');
  const formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });

  const set = (field: keyof FormState) => (value: string) => setForm({ ...form, [field]: value });

  const verify = async () => {
    setVerdict('running');
    setVerdict(await repos.audit.verify());
  };

  const exportCsv = async (e: FormEvent) => {
    e.preventDefault();
    const csv = await repos.audit.exportCsv(filter);
    if (csv === null) return;
    const stamp = new Date().toISOString().slice(0, 10);
    const saved = await platform().saveFile({
      suggestedName: `journal-${stamp}.csv`,
      mimeType: 'text/csv;charset=utf-8',
      data: csv,
    });
    if (saved.saved) setMessage(t('audit.exported', { count: page?.total ?? 0 }));
  };

  const label = (field: 'actor' | 'action' | 'table', value: string) =>
    field === 'action' ? labels.action(value) : field === 'table' ? labels.table(value) : value;
  const select = (field: 'actor' | 'action' | 'table', options: string[] | undefined) => (
    <LabelledControl label={t(`audit.${field}`)}>
      {(id) => (
        <select id={id} value={form[field]} onChange={(e) => set(field)(e.target.value)}>
          <option value="">{t('audit.any')}</option>
          {(options ?? []).map((o) => (
            <option key={o} value={o}>
              {label(field, o)}
            </option>
          ))}
        </select>
      )}
    </LabelledControl>
  );

  return (
    <div className="audit">
      <div className="screen-head">
        <h1 tabIndex={-1}>{t('audit.title')}</h1>
        <div className="actions">
          <button type="button" onClick={() => void verify()} disabled={verdict === 'running'}>
            {verdict === 'running' ? t('audit.verifying') : t('audit.verify')}
          </button>
          <button type="button" onClick={exportCsv}>
            {t('audit.export')}
          </button>
        </div>
      </div>
      <p className="muted">{t('audit.intro')}</p>
      {verdict && verdict !== 'running' && <Verdict result={verdict} />}
      {verdict && verdict !== 'running' && <Witnesses problems={verdict.witnesses} />}
      {message && <p role="status">{message}</p>}
      <form className="filters" aria-label={t('audit.filters')} onSubmit={exportCsv}>
        {select('actor', facets?.actors)}
        {select('action', facets?.actions)}
        {select('table', facets?.tables)}
        {(['from', 'to'] as const).map((field) => (
          <LabelledControl key={field} label={t(`audit.${field}`)}>
            {(id) => <DateField id={id} value={form[field]} onChange={set(field)} />}
          </LabelledControl>
        ))}
        <button type="button" onClick={() => setForm(EMPTY)}>
          {t('audit.clear')}
        </button>
      </form>
      <p role="status" className="result-count">
        {page ? t('audit.count', { shown: page.entries.length, total: page.total }) : ''}
      </p>
      {page && page.entries.length > 0 && (
        <table className="service-table audit-table" aria-label={t('audit.title')}>
          <thead>
            <tr>
              {(['seq', 'at', 'actor', 'action', 'table', 'record', 'detail', 'why'] as const).map(
                (c) => (
                  <th key={c} scope="col">
                    {t(`audit.col.${c}`)}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {page.entries.map((e) => (
              <tr key={e.seq}>
                <td>{e.seq}</td>
                <td>{formatter.format(new Date(e.at))}</td>
                <td dir="ltr">{e.actor}</td>
                <td title={e.action}>{labels.action(e.action)}</td>
                <td title={e.table}>{labels.table(e.table)}</td>
                <td dir="ltr" className="mono" title={e.recordId}>
                  {e.recordId.length > 13 ? `${e.recordId.slice(0, 8)}…` : e.recordId}
                </td>
                <td>
                  <bdi>{e.detail ?? ''}</bdi>
                </td>
                <td>
                  {e.whyLocked ? (
                    <span className="muted">{t('audit.whyLocked')}</span>
                  ) : (
                    <bdi>{e.why ?? ''}</bdi>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
};

const Verdict = ({ result }: { result: ChainResult }) => {
  const t = useT();
  if (!result.ok)
    return (
      <p className="error-summary" role="alert">
        {t(`audit.problem.${result.problem}`, { seq: result.seq })}
      </p>
    );
  return (
    <div className="verdict-ok" role="status">
      <p>
        {result.head
          ? t('audit.ok', {
              count: result.count,
              seq: result.head.seq,
              hash: result.head.hash.slice(0, 16),
            })
          : t('audit.okEmpty')}
      </p>
      <p className="muted">{t('audit.tailNote')}</p>
    </div>
  );
};

/**
 * The check report: counts, errors first then warnings grouped by kind with their counts, a
 * filter by kind, every problem (the first 200 of the chosen kind on screen, all in the CSV)
 * with its column as the file names it, the field by its label, what is accepted and the fix
 * proposed; likely duplicates with a choice each, and the one button that writes.
 */
import { useMemo, useState } from 'react';
import type { Decision, Duplicate } from '@shared/domain/exchange/duplicates';
import { reportCsv } from '@shared/domain/exchange/report';
import type { ImportPlan, Issue } from '@shared/domain/exchange/types';
import { useT } from '../../app/i18n';
import { MIME, save, today } from './files';
import { fieldLabel, issueText } from './text';
import { isMessageId } from '../../app/i18n';
import type { FlatField } from '@shared/domain/exchange/flat';
import { FLAT_FIELDS } from '@shared/domain/exchange/flat';
import './import-values.css';
import { GroupFix, RowFix } from './ReportFix';
import { errorsFirst, IssueTable, useIssueColumns } from './IssueTable';

/** Problems of one kind: same severity and reason, and same list for values out of a list. */
const kindOf = (i: Issue) =>
  `${i.severity}:${i.code}${i.code === 'exchange.issue.notAllowed' ? `:${i.field ?? ''}` : ''}`;

const isFlatField = (f: string | undefined): f is FlatField =>
  !!f && (FLAT_FIELDS as readonly string[]).includes(f);

const SHOWN = 200;
const DECISIONS: Decision[] = ['merge', 'keep', 'skip'];

export const ImportReport = (p: {
  plan: ImportPlan;
  duplicates: Duplicate[];
  decisions: Map<string, Decision>;
  existingNames: Map<string, string>;
  onDecide: (d: Map<string, Decision>) => void;
  onImport: () => void;
  onDiscard: () => void;
  country?: string;
  /** A fix applied from the report (swap points, a category for all): the new plan. */
  onPlan?: (plan: ImportPlan) => void;
}) => {
  const t = useT();
  const { plan } = p;
  const country = p.country ?? '';
  const [kind, setKind] = useState('');
  const col = useIssueColumns();
  const ordered = useMemo(() => errorsFirst(plan.issues), [plan.issues]);
  const kinds = useMemo(() => {
    const m = new Map<string, { severity: string; count: number; code: string; field?: string }>();
    for (const i of ordered) {
      const k = kindOf(i);
      const hit = m.get(k);
      if (hit) hit.count++;
      else
        m.set(k, {
          severity: i.severity,
          count: 1,
          code: i.code,
          ...(i.field ? { field: i.field } : {}),
        });
    }
    return [...m.entries()];
  }, [ordered]);
  const shown = kind ? ordered.filter((i) => kindOf(i) === kind) : ordered;
  const errors = ordered.filter((i) => i.severity === 'error').length;
  const warnings = ordered.length - errors;
  // A kind is named without the row's own details (the list of accepted values, the date read).
  const reasonOf = (v: { code: string; field?: string }) =>
    v.code === 'exchange.issue.notAllowed'
      ? t('importValues.report.notAllowedKind', {
          field: isFlatField(v.field) ? fieldLabel(t, v.field) : '',
        })
      : isMessageId(v.code)
        ? issueText(t, { row: 0, column: '', code: v.code, severity: 'error' })
        : v.code;
  const names = new Map(plan.services.map((s) => [s.id, s.name]));
  const toImport =
    plan.services.length -
    p.duplicates.filter((d) => p.decisions.get(d.serviceId) === 'skip').length;
  const severity = (s: 'error' | 'warning') =>
    t(s === 'error' ? 'exchange.report.error' : 'exchange.report.warning');

  const download = () =>
    save(
      `${t('exchange.report.fileName')}-${today()}.csv`,
      MIME.csv,
      reportCsv(
        ordered,
        [
          t('exchange.report.col.row'),
          t('exchange.report.col.column'),
          t('exchange.report.col.severity'),
          t('exchange.report.col.reason'),
          t('exchange.report.col.value'),
        ],
        (i) => ({
          severity: severity(i.severity),
          reason: [isFlatField(i.field) ? fieldLabel(t, i.field) : '', issueText(t, i, country)]
            .filter(Boolean)
            .join(' — '),
        }),
      ),
    );

  return (
    <div className="exchange-report">
      <h3>{t('exchange.report.title')}</h3>
      <p role="status">
        {t('exchange.report.summary', {
          read: plan.rowsRead,
          valid: plan.services.length,
          rejected: plan.rejectedRows.length,
          warnings,
        })}{' '}
        {t('exchange.report.nothingWritten')}
      </p>
      {plan.source.grouped && (
        <p role="status" className="import-presence-summary">
          {t('importValues.presence.summary', {
            rows: plan.rowsRead,
            services: plan.services.length,
          })}
        </p>
      )}
      {plan.issues.length === 0 ? (
        <p>{t('exchange.report.noProblems')}</p>
      ) : (
        <>
          {(['error', 'warning'] as const).map((sev) => {
            const list = kinds.filter(([, k]) => k.severity === sev);
            if (!list.length) return null;
            return (
              <div key={sev}>
                <h4>
                  {t(
                    sev === 'error' ? 'importValues.report.errors' : 'importValues.report.warnings',
                    {
                      count: sev === 'error' ? errors : warnings,
                    },
                  )}
                </h4>
                <ul className="import-report-groups">
                  {list.map(([k, v]) => (
                    <li key={k}>
                      {t('importValues.report.kind', { count: v.count, reason: reasonOf(v) })}
                      {p.onPlan && (
                        <GroupFix
                          plan={plan}
                          code={v.code}
                          severity={v.severity}
                          count={v.count}
                          onPlan={p.onPlan}
                        />
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
          <p className="import-report-filter">
            <label htmlFor="import-report-filter">{t('importValues.report.filter')}</label>
            <select
              id="import-report-filter"
              value={kind}
              onChange={(e) => setKind(e.target.value)}
            >
              <option value="">{t('importValues.report.filterAll')}</option>
              {kinds.map(([k, v]) => (
                <option key={k} value={k}>
                  {severity(v.severity as 'error' | 'warning')} · {reasonOf(v)} ({v.count})
                </option>
              ))}
            </select>
          </p>
          <IssueTable
            issues={shown.slice(0, SHOWN)}
            columns={[
              col.row,
              col.column,
              {
                head: t('importValues.report.field'),
                cell: (i) => (isFlatField(i.field) ? fieldLabel(t, i.field) : ''),
              },
              col.severity,
              { head: t('exchange.report.col.reason'), cell: (i) => issueText(t, i, country) },
              col.value,
              {
                head: t('importValues.report.fix'),
                cell: (i) => (
                  <>
                    <bdi>{i.fix ?? ''}</bdi>
                    {p.onPlan && <RowFix plan={plan} issue={i} onPlan={p.onPlan} />}
                  </>
                ),
              },
            ]}
          />
          {shown.length > SHOWN && (
            <p>{t('exchange.report.more', { count: shown.length - SHOWN })}</p>
          )}
          <button type="button" onClick={download}>
            {t('exchange.report.download')}
          </button>
        </>
      )}
      {p.duplicates.length > 0 && (
        <div className="exchange-duplicates">
          <h4>{t('exchange.dup.title', { count: p.duplicates.length })}</h4>
          <p>{t('exchange.dup.intro')}</p>
          <div className="actions">
            <span>{t('exchange.dup.all')} :</span>
            {DECISIONS.map((d) => (
              <button
                key={d}
                type="button"
                onClick={() => p.onDecide(new Map(p.duplicates.map((x) => [x.serviceId, d])))}
              >
                {t(`exchange.dup.${d}`)}
              </button>
            ))}
          </div>
          <ul>
            {p.duplicates.map((d) => (
              <li key={d.serviceId}>
                <fieldset>
                  <legend>{t('exchange.dup.decision', { row: d.row })}</legend>
                  <p>
                    <bdi>
                      {t('exchange.dup.imported', {
                        row: d.row,
                        name: names.get(d.serviceId) ?? '',
                      })}
                    </bdi>{' '}
                    ·{' '}
                    <bdi>
                      {t('exchange.dup.existing', {
                        name: p.existingNames.get(d.existingId) ?? '',
                      })}
                    </bdi>{' '}
                    · {d.reasons.map((r) => t(`exchange.dup.reason.${r}`)).join(', ')}
                  </p>
                  {DECISIONS.map((choice) => (
                    <label key={choice} className="exchange-choice">
                      <input
                        type="radio"
                        name={`dup-${d.serviceId}`}
                        checked={p.decisions.get(d.serviceId) === choice}
                        onChange={() => p.onDecide(new Map(p.decisions).set(d.serviceId, choice))}
                      />{' '}
                      {t(`exchange.dup.${choice}`)}
                    </label>
                  ))}
                </fieldset>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="actions">
        {toImport > 0 ? (
          <button type="button" className="primary" onClick={p.onImport}>
            {t('exchange.import.confirm', { count: toImport })}
          </button>
        ) : (
          <p>{t('exchange.import.none')}</p>
        )}
        <button type="button" onClick={p.onDiscard}>
          {t('exchange.import.discard')}
        </button>
      </div>
    </div>
  );
};

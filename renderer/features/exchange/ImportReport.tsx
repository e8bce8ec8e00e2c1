/**
 * The check report: counts, errors first then warnings grouped by kind with their counts, a
 * filter by kind, every problem (the first 200 of the chosen kind on screen, all in the CSV)
 * with its column as the file names it, the field by its label, what is accepted and the fix
 * proposed; likely duplicates with a choice each, and the one button that writes.
 */
import { useEffect, useState } from 'react';
import type { Decision } from '@shared/domain/exchange/duplicates';
import { reportCsv } from '@shared/domain/exchange/report';
import type { IssuesPage, ReportSummary } from '@shared/domain/exchange/reportView';
import { MAX_PAGE } from '@shared/domain/exchange/reportView';
import type { Issue } from '@shared/domain/exchange/types';
import { useT } from '../../app/i18n';
import { MIME, save, today } from './files';
import { fieldLabel, issueText } from './text';
import { isMessageId } from '../../app/i18n';
import type { FlatField } from '@shared/domain/exchange/flat';
import { FLAT_FIELDS } from '@shared/domain/exchange/flat';
import './import-values.css';
import type { Fix } from './ReportFix';
import { GroupFix, RowFix } from './ReportFix';
import { IssueTable, useIssueColumns } from './IssueTable';
import type { NamedDuplicate } from './protocol';

const isFlatField = (f: string | undefined): f is FlatField =>
  !!f && (FLAT_FIELDS as readonly string[]).includes(f);

const SHOWN = 200;
const DECISIONS: Decision[] = ['merge', 'keep', 'skip'];

/**
 * The plan itself stays in the check worker (issue 17): the report has its counts and kinds,
 * and asks for the problems it shows (`loadIssues`), a page at a time.
 */
export const ImportReport = (p: {
  summary: ReportSummary;
  duplicates: NamedDuplicate[];
  decisions: Map<string, Decision>;
  loadIssues: (kind: string, offset: number, limit: number) => Promise<IssuesPage>;
  onDecide: (d: Map<string, Decision>) => void;
  onImport: () => void;
  onDiscard: () => void;
  country?: string;
  /** A fix applied from the report (swap points, a category for all). */
  onFix?: (fix: Fix) => void;
}) => {
  const t = useT();
  const { summary, loadIssues } = p;
  const country = p.country ?? '';
  const [kind, setKind] = useState('');
  const [page, setPage] = useState<IssuesPage>({ issues: [], total: 0 });
  const col = useIssueColumns();
  useEffect(() => {
    let live = true;
    loadIssues(kind, 0, SHOWN).then(
      (next) => live && setPage(next),
      () => live && setPage({ issues: [], total: 0 }),
    );
    return () => {
      live = false;
    };
  }, [kind, summary, loadIssues]);
  const kinds = summary.kinds;
  const { errors, warnings } = summary;
  // A kind is named without the row's own details (the list of accepted values, the date read).
  const reasonOf = (v: { code: string; field?: string }) =>
    v.code === 'exchange.issue.notAllowed'
      ? t('importValues.report.notAllowedKind', {
          field: isFlatField(v.field) ? fieldLabel(t, v.field) : '',
        })
      : isMessageId(v.code)
        ? issueText(t, { row: 0, column: '', code: v.code, severity: 'error' })
        : v.code;
  const toImport =
    summary.services - p.duplicates.filter((d) => p.decisions.get(d.serviceId) === 'skip').length;
  const severity = (s: 'error' | 'warning') =>
    t(s === 'error' ? 'exchange.report.error' : 'exchange.report.warning');

  // Every problem, fetched from the worker in pages only when the user asks for the file.
  const download = async () => {
    const all: Issue[] = [];
    for (let total = 1; all.length < total;) {
      const next = await loadIssues('', all.length, MAX_PAGE);
      total = next.total;
      if (!next.issues.length) break;
      for (const i of next.issues) all.push(i);
    }
    save(
      `${t('exchange.report.fileName')}-${today()}.csv`,
      MIME.csv,
      reportCsv(
        all,
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
  };

  return (
    <div className="exchange-report">
      <h3>{t('exchange.report.title')}</h3>
      <p role="status">
        {t('exchange.report.summary', {
          read: summary.rowsRead,
          valid: summary.services,
          rejected: summary.rejected,
          warnings,
        })}{' '}
        {t('exchange.report.nothingWritten')}
      </p>
      {summary.source.grouped && (
        <p role="status" className="import-presence-summary">
          {t('importValues.presence.summary', {
            rows: summary.rowsRead,
            services: summary.services,
          })}
        </p>
      )}
      {errors + warnings === 0 ? (
        <p>{t('exchange.report.noProblems')}</p>
      ) : (
        <>
          {(['error', 'warning'] as const).map((sev) => {
            const list = kinds.filter((k) => k.severity === sev);
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
                  {list.map((v) => (
                    <li key={v.key}>
                      {t('importValues.report.kind', { count: v.count, reason: reasonOf(v) })}
                      {p.onFix && (
                        <GroupFix
                          code={v.code}
                          severity={v.severity}
                          count={v.count}
                          onFix={p.onFix}
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
              {kinds.map((v) => (
                <option key={v.key} value={v.key}>
                  {severity(v.severity)} · {reasonOf(v)} ({v.count})
                </option>
              ))}
            </select>
          </p>
          <IssueTable
            issues={page.issues}
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
                    {p.onFix && <RowFix issue={i} onFix={p.onFix} />}
                  </>
                ),
              },
            ]}
          />
          {page.total > page.issues.length && (
            <p>{t('exchange.report.more', { count: page.total - page.issues.length })}</p>
          )}
          <button type="button" onClick={() => void download()}>
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
                        name: d.name,
                      })}
                    </bdi>{' '}
                    ·{' '}
                    <bdi>
                      {t('exchange.dup.existing', {
                        name: d.existingName,
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

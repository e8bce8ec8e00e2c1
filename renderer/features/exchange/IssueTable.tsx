/**
 * The problems an import found, as a table: one component for the directory import's report and
 * the survey import's. Row, column and value are shown as the file has them (inside <bdi>);
 * each report adds its own columns (field, reason, fix) in the order it shows them.
 */
import type { ReactNode } from 'react';
import type { Issue } from '@shared/domain/exchange/types';
import { useT } from '../../app/i18n';

export type IssueColumn = { head: string; cell: (issue: Issue) => ReactNode };

export { errorsFirst } from '@shared/domain/exchange/reportView';

/** The columns every report has. */
export const useIssueColumns = (): Record<'row' | 'column' | 'severity' | 'value', IssueColumn> => {
  const t = useT();
  return {
    row: { head: t('exchange.report.col.row'), cell: (i) => i.row },
    column: { head: t('exchange.report.col.column'), cell: (i) => <bdi>{i.column}</bdi> },
    severity: {
      head: t('exchange.report.col.severity'),
      cell: (i) => t(i.severity === 'error' ? 'exchange.report.error' : 'exchange.report.warning'),
    },
    value: { head: t('exchange.report.col.value'), cell: (i) => <bdi>{i.value ?? ''}</bdi> },
  };
};

export const IssueTable = ({
  issues,
  columns,
}: {
  issues: readonly Issue[];
  columns: readonly IssueColumn[];
}) => {
  const t = useT();
  return (
    <div className="exchange-table-wrap">
      <table className="exchange-table" aria-label={t('exchange.report.title')}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.head} scope="col">
                {c.head}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {issues.map((issue, n) => (
            <tr key={n} className={`exchange-${issue.severity}`}>
              {columns.map((c) => (
                <td key={c.head}>{c.cell(issue)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

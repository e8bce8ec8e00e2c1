/** The problem report as a CSV the user can download, fix from and keep. */
import type { Delimiter } from './csv';
import { toCsv } from './csv';
import { neutralise } from './text';
import type { Issue } from './types';

export const reportCsv = (
  issues: readonly Issue[],
  header: [row: string, column: string, severity: string, reason: string, value: string],
  translate: (issue: Issue) => { severity: string; reason: string },
  delimiter: Delimiter = ',',
): string =>
  toCsv(
    [
      header,
      ...issues.map((i) => {
        const t = translate(i);
        // The value comes from the imported file: neutralised like any exported cell.
        return [String(i.row), i.column, t.severity, t.reason, i.value ?? ''].map(neutralise);
      }),
    ],
    delimiter,
  );

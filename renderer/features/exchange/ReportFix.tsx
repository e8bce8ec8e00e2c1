/**
 * The fixes the import report offers (reportFixes.ts): on a group of warnings, "apply to all N"
 * (swap every point, or choose the category of every row that had none); on one line, the swap
 * of that row's point. The check worker applies each to the plan it holds and sends the new
 * report; nothing is written until the user imports.
 */
import { useState } from 'react';
import type { ServiceCategory } from '@shared/domain/directory/schema';
import { SERVICE_CATEGORIES } from '@shared/domain/directory/schema';
import type { Issue } from '@shared/domain/exchange/types';
import { fixKindOf } from '@shared/domain/exchange/reportFixes';
import { useT } from '../../app/i18n';
import type { WorkerRequest } from './protocol';
import './import-survey.css';

/** A fix, applied by the check worker to the plan it holds (worker.ts). */
export type Fix = Extract<WorkerRequest, { type: 'fix' }>['fix'];

export const GroupFix = (p: {
  code: string;
  severity: string;
  count: number;
  onFix: (fix: Fix) => void;
}) => {
  const t = useT();
  const [category, setCategory] = useState<ServiceCategory | ''>('');
  const kind = fixKindOf({ code: p.code, severity: p.severity as Issue['severity'] });
  if (kind === 'swap')
    return (
      <span className="import-fix">
        <button type="button" onClick={() => p.onFix({ kind: 'swap' })}>
          {t('importSurvey.fix.swapAll', { count: p.count })}
        </button>
      </span>
    );
  if (kind === 'category')
    return (
      <span className="import-fix">
        <select
          aria-label={t('importSurvey.fix.category')}
          value={category}
          onChange={(e) => setCategory(e.target.value as ServiceCategory)}
        >
          <option value="">{t('importValues.choose')}</option>
          {SERVICE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!category}
          onClick={() => category && p.onFix({ kind: 'category', category })}
        >
          {t('importSurvey.fix.categoryAll', { count: p.count })}
        </button>
      </span>
    );
  return null;
};

export const RowFix = (p: { issue: Issue; onFix: (fix: Fix) => void }) => {
  const t = useT();
  if (fixKindOf(p.issue) !== 'swap') return null;
  return (
    <button
      type="button"
      aria-label={t('importSurvey.fix.swapRow', { row: p.issue.row })}
      onClick={() => p.onFix({ kind: 'swap', row: p.issue.row })}
    >
      {t('importSurvey.fix.swap')}
    </button>
  );
};

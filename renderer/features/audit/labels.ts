/** Audit actions and tables in the interface language, never as raw codes (issue 19). */
import { useCallback } from 'react';
import { AUDIT_ACTION_CODES, AUDIT_TABLE_NAMES } from '@shared/i18n/messages/auditLabels';
import { useT } from '../../app/i18n';

type ActionCode = (typeof AUDIT_ACTION_CODES)[number];
type TableName = (typeof AUDIT_TABLE_NAMES)[number];
const actions = new Set<string>(AUDIT_ACTION_CODES);
const tables = new Set<string>(AUDIT_TABLE_NAMES);

export const useAuditLabels = () => {
  const t = useT();
  const action = useCallback(
    (code: string) =>
      actions.has(code)
        ? t(`auditLabel.action.${code as ActionCode}`)
        : t('auditLabel.action.other', { code }),
    [t],
  );
  const table = useCallback(
    (name: string) =>
      tables.has(name)
        ? t(`auditLabel.table.${name as TableName}`)
        : t('auditLabel.table.other', { name }),
    [t],
  );
  return { action, table };
};

/** Translating what the exchange code reports: failures, problems, field names. */
import type { MessageId } from '@shared/i18n/catalogues';
import type { FlatField } from '@shared/domain/exchange/flat';
import type { Issue } from '@shared/domain/exchange/types';
import { profileFor } from '@shared/domain/directory/areas';
import type { ClosedField } from '@shared/domain/exchange/valueMatch';
import { LABEL_PREFIX } from '@shared/domain/exchange/valueMatch';
import { isMessageId } from '../../app/i18n';
import type { Translate } from '../../app/i18n';
import { WorkerFailure } from './worker';
import type { Failure } from './protocol';
import { ExchangeError, toFailure } from '@shared/domain/exchange/limits';

export const failureOf = (e: unknown): Failure =>
  e instanceof WorkerFailure ? e.failure : e instanceof ExchangeError ? toFailure(e) : toFailure(e);

export const failureText = (t: Translate, f: Failure): string => {
  const id = `exchange.error.${f.code}`;
  return isMessageId(id) ? t(id, f.params) : t('exchange.error.unexpected', { message: f.code });
};

/** A code as the user reads it: the interface label, the area's name, else the code. */
export const codeLabel = (t: Translate, field: string, code: string, country: string) => {
  if (field === 'region') {
    const area = profileFor(country)?.areas.find((a) => a.code === code);
    return area ? `${area.name} (${code})` : code;
  }
  const id = `${LABEL_PREFIX[field as ClosedField] ?? ''}${code}`;
  return LABEL_PREFIX[field as ClosedField] && isMessageId(id) ? t(id) : code;
};

/** The reason, with what would be accepted named (labels, area names) and the fix proposed. */
export const issueText = (t: Translate, i: Issue, country = ''): string => {
  if (i.code === 'exchange.issue.notAllowed' && i.field === 'languages')
    return t('exchange.issue.notAllowedLanguage');
  return t(isMessageId(i.code) ? i.code : 'validation.invalid', {
    allowed: (i.allowed ?? []).map((c) => codeLabel(t, i.field ?? '', c, country)).join(', '),
    fix: i.fix ?? '',
  });
};

export const fieldLabel = (t: Translate, f: FlatField): string =>
  t(`exchange.field.${f}` as MessageId);

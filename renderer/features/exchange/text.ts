/** Translating what the exchange code reports: failures, problems, field names. */
import type { MessageId } from '@shared/i18n/catalogues';
import type { FlatField } from '@shared/domain/exchange/flat';
import type { Issue } from '@shared/domain/exchange/types';
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

export const issueText = (t: Translate, i: Issue): string =>
  t(isMessageId(i.code) ? i.code : 'validation.invalid');

export const fieldLabel = (t: Translate, f: FlatField): string =>
  t(`exchange.field.${f}` as MessageId);

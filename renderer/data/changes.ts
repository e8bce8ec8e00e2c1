/** The change log (outbox) as its readers see it: which records a row stands for. */
import type { ChangeEntry } from './db';

/** Every record a change-log row stands for: its batch's (`recordIds`), else its own. */
export const changedIds = (c: Pick<ChangeEntry, 'recordId' | 'recordIds'>): readonly string[] =>
  c.recordIds?.length ? c.recordIds : [c.recordId];

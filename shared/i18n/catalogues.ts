/**
 * Every catalogue, merged per locale. A feature adds its area file here. `MessageId` is the
 * union of all keys, so a typo in a message id is a compile error.
 */
import { common } from './messages/common';
import { directory } from './messages/directory';
import { languages } from './messages/languages';
import { setup } from './messages/setup';
import type { Locale } from './define';

const areas = [common, setup, directory, languages] as const;

type Merge<T extends readonly { fr: object }[]> = T extends readonly [
  infer H extends { fr: object },
  ...infer R extends readonly { fr: object }[],
]
  ? H['fr'] & Merge<R>
  : unknown;

export type MessageId = keyof Merge<typeof areas> & string;

const merge = (locale: Locale): Record<MessageId, string> =>
  Object.assign({}, ...areas.map((a) => a[locale])) as Record<MessageId, string>;

export const catalogues: Record<Locale, Record<MessageId, string>> = {
  fr: merge('fr'),
  en: merge('en'),
};

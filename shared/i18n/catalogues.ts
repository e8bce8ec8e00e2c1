/**
 * Every catalogue, merged per locale. A feature adds its area file here. `MessageId` is the
 * union of all keys, so a typo in a message id is a compile error.
 */
import { accounts } from './messages/accounts';
import { audit } from './messages/audit';
import { auditLabels } from './messages/auditLabels';
import { autoBackup } from './messages/autoBackup';
import { capacity } from './messages/capacity';
import { common } from './messages/common';
import { directory } from './messages/directory';
import { exchange } from './messages/exchange';
import { geography } from './messages/geography';
import { importValues } from './messages/importValues';
import { importSurvey } from './messages/importSurvey';
import { importSurveyChoices } from './messages/importSurveyChoices';
import { languages } from './messages/languages';
import { letterCountry } from './messages/letterCountry';
import { letterHijri } from './messages/letterHijri';
import { letterTemplates } from './messages/letterTemplates';
import { letters } from './messages/letters';
import { interfaceLocale } from './messages/locale';
import { map } from './messages/map';
import { referralValues } from './messages/referralValues';
import { referralSync } from './messages/referralSync';
import { referrals } from './messages/referrals';
import { setup } from './messages/setup';
import { screening } from './messages/screening';
import { screeningEditor } from './messages/screeningEditor';
import { statistics } from './messages/statistics';
import { statisticsScreenings } from './messages/statisticsScreenings';
import { saveConflict } from './messages/saveConflict';
import { regions2023 } from './messages/regions2023';
import { sync } from './messages/sync';
import { syncTrust } from './messages/syncTrust';
import { ux } from './messages/ux';
import { trust } from './messages/trust';
import { validationLimits } from './messages/validationLimits';
import { handover } from './messages/handover';
import { handoverUi } from './messages/handoverUi';
import { importStream } from './messages/importStream';
import { hsdsIds } from './messages/hsdsIds';
import { lazyScreens } from './messages/lazyScreens';
import type { Locale } from './define';

export const areas = [
  accounts,
  audit,
  auditLabels,
  common,
  saveConflict,
  setup,
  directory,
  languages,
  capacity,
  referrals,
  referralSync,
  referralValues,
  letters,
  letterTemplates,
  map,
  exchange,
  autoBackup,
  sync,
  syncTrust,
  geography,
  letterCountry,
  interfaceLocale,
  screening,
  screeningEditor,
  ux,
  statistics,
  statisticsScreenings,
  regions2023,
  trust,
  handover,
  handoverUi,
  importValues,
  validationLimits,
  letterHijri,
  importStream,
  importSurvey,
  importSurveyChoices,
  hsdsIds,
  lazyScreens,
] as const;

type Merge<T extends readonly { fr: object }[]> = T extends readonly [
  infer H extends { fr: object },
  ...infer R extends readonly { fr: object }[],
]
  ? H['fr'] & Merge<R>
  : unknown;

export type MessageId = keyof Merge<typeof areas> & string;

const merge = (locale: Locale): Record<MessageId, string> =>
  Object.assign({}, ...areas.map((a) => a[locale])) as Record<MessageId, string>;

/**
 * Merged on first use, per language: a window reads its own language (and French, the
 * reference for `isMessageId`), not all four, before it can show anything (issue 15).
 */
const merged = new Map<Locale, Record<MessageId, string>>();
const mergedFor = (locale: Locale): Record<MessageId, string> => {
  let m = merged.get(locale);
  if (!m) merged.set(locale, (m = merge(locale)));
  return m;
};

export const catalogues: Readonly<Record<Locale, Record<MessageId, string>>> = Object.freeze({
  get fr() {
    return mergedFor('fr');
  },
  get en() {
    return mergedFor('en');
  },
  get pt() {
    return mergedFor('pt');
  },
  get ar() {
    return mergedFor('ar');
  },
});

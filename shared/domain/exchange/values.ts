/**
 * Cell text → typed values for flat files, matching what people type in a spreadsheet: codes or
 * their labels in any interface language (accent-insensitive), oui/non, decimal commas, lists
 * split on ";" "," "|" or line breaks.
 */
import { catalogues } from '../../i18n/catalogues';
import { LOCALES } from '../../i18n/define';
import { normalizeText } from '../directory/normalize';

const labelIndex = (prefix: string): Map<string, string> => {
  const index = new Map<string, string>();
  for (const locale of LOCALES)
    for (const [key, label] of Object.entries(catalogues[locale]))
      if (key.startsWith(prefix)) {
        const code = key.slice(prefix.length);
        index.set(normalizeText(label), code);
        index.set(normalizeText(code), code);
      }
  return index;
};

const indexes = new Map<string, Map<string, string>>();
const indexFor = (prefix: string) => {
  let i = indexes.get(prefix);
  if (!i) indexes.set(prefix, (i = labelIndex(prefix)));
  return i;
};

/** The code of `allowed` that `text` names (code or label), or undefined. */
export const matchCode = <T extends string>(
  allowed: readonly T[],
  labelPrefix: string,
  text: string,
): T | undefined => {
  const key = normalizeText(text).replace(/ /g, '_');
  const direct = allowed.find((c) => c === key);
  if (direct) return direct;
  const code = indexFor(labelPrefix).get(normalizeText(text));
  return allowed.find((c) => c === code);
};

/** ISO 639 code from a code ("FR", "bm") or a language name in French or English. */
export const languageCode = (text: string): string | undefined => {
  const t = text.trim();
  if (/^[a-z]{2,3}$/i.test(t)) return t.toLowerCase();
  if (!t) return undefined;
  return indexFor('lang.').get(normalizeText(t));
};

export const splitList = (text: string): string[] =>
  text
    .split(/[;,|\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

// Yes and no as sheets and survey exports write them (KoBo's 1/0 cells, "1.0" from a number
// cell, labels in fr/en/pt/ar); normalised, so "não" is "nao".
const TRUE = new Set([
  ...['true', 'yes', 'oui', 'vrai', 'y', 'o', '1', '1.0', 'x', 'sim', 'verdadeiro', 'نعم'],
  ...['gratuit', 'free'],
]);
const FALSE = new Set([
  ...['false', 'no', 'non', 'faux', 'n', '0', '0.0', 'nao', 'falso', 'لا'],
  ...['payant', 'paid'],
]);
export const parseBool = (text: string): boolean | undefined => {
  const k = normalizeText(text);
  return TRUE.has(k) ? true : FALSE.has(k) ? false : undefined;
};

/** "12,64" and "12.64" alike; thousands separators (spaces) dropped. NaN when not a number. */
export const parseNumber = (text: string): number => {
  const t = text.replace(/[\s\u00a0\u202f]/g, '');
  if (t === '') return NaN;
  const n = Number(t.includes('.') ? t : t.replace(',', '.'));
  return Number.isFinite(n) ? n : NaN;
};

/** Distinct keys remembered at most by `memo`: beyond, answers are computed, not kept. */
export const MEMO_LIMIT = 20_000;

/**
 * `f` remembered per distinct key, for pure functions called once per row of a large file on a
 * few distinct values (list cells, organisation names). Bounded: a file of all-distinct values
 * costs at most MEMO_LIMIT entries, and every answer is still `f(key)`.
 */
export const memo = <T>(f: (key: string) => T): ((key: string) => T) => {
  const seen = new Map<string, T>();
  return (key) => {
    if (seen.has(key)) return seen.get(key) as T;
    const v = f(key);
    if (seen.size < MEMO_LIMIT) seen.set(key, v);
    return v;
  };
};

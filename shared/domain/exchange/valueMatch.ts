/**
 * The value-mapping step: for each mapped column holding a closed list, the distinct values of
 * the file with how many rows use each, matched to our codes where we can (codes, interface
 * labels in every locale, synonyms, area codes and names, P-codes), the rest left for the user
 * to choose. The user's choices are a ValueMap, remembered per file layout.
 */
import { z } from 'zod';
import { COUNTRY_CODES, profileFor } from '../directory/areas';
import { normalizeText } from '../directory/normalize';
import { POPULATIONS, SERVICE_CATEGORIES, SERVICE_STATUSES } from '../directory/schema';
import { catalogues } from '../../i18n/catalogues';
import type { AreaEntry } from './areaMatch';
import { matchAreaEntry, profileAreas } from './areaMatch';
import type { Mapping } from './flat';
import {
  CATEGORY_SYNONYMS,
  COUNTRY_SYNONYMS,
  LANGUAGE_SYNONYMS,
  POPULATION_GROUPS,
  POPULATION_SYNONYMS,
  STATUS_SYNONYMS,
} from './synonyms';
import { splitList } from './values';

export const CLOSED_FIELDS = [
  'category',
  'populations',
  'languages',
  'status',
  'region',
  'country',
] as const;
export type ClosedField = (typeof CLOSED_FIELDS)[number];
/** Field → normalised file value → chosen codes (several for "Tous"; none = leave empty). */
export type ValueMap = Partial<Record<ClosedField, Record<string, string[]>>>;
/** A remembered value map is data like any other: known lists, bounded strings. */
export const valueMapSchema = z
  .object(
    Object.fromEntries(
      CLOSED_FIELDS.map((f) => [
        f,
        z.record(z.string().max(500), z.array(z.string().max(40)).max(10)).optional(),
      ]),
    ) as Record<ClosedField, z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodArray<z.ZodString>>>>,
  )
  .strip();
export type DistinctValue = { value: string; rows: number; match: string[] | null };
export type DistinctValues = Partial<Record<ClosedField, DistinctValue[]>>;

/** Accents, case and punctuation ignored: "Abris / AME" and "abris-ame" are one value. */
export const valueKey = (s: string): string =>
  normalizeText(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
export const isListField = (f: ClosedField): boolean => f === 'populations' || f === 'languages';

/** Message-id prefix of each list's labels, for drop-downs and the report. */
export const LABEL_PREFIX: Record<ClosedField, string> = {
  category: 'category.',
  populations: 'population.',
  languages: 'lang.',
  status: '',
  region: '',
  country: '',
};

const labelCodes = (prefix: string, allowed?: readonly string[]): Map<string, string> => {
  const m = new Map<string, string>();
  if (!prefix) return m;
  for (const cat of Object.values(catalogues) as Record<string, string>[])
    for (const [id, label] of Object.entries(cat))
      if (id.startsWith(prefix)) {
        const code = id.slice(prefix.length);
        if (allowed && !allowed.includes(code)) continue;
        m.set(valueKey(code), code);
        m.set(valueKey(code.replace(/_/g, ' ')), code);
        m.set(valueKey(label), code);
        // "Hébergement / refuge": each half names the code too.
        for (const part of label.split(/\s*\/\s*/)) if (part) m.set(valueKey(part), code);
      }
  return m;
};

const index = (
  prefix: string,
  synonyms: Record<string, readonly string[]>,
  allowed?: readonly string[],
) => {
  const m = labelCodes(prefix, allowed);
  for (const [code, words] of Object.entries(synonyms)) {
    m.set(valueKey(code), code);
    for (const w of words) m.set(valueKey(w), code);
  }
  return m;
};

let cache: Record<'category' | 'populations' | 'status' | 'languages', Map<string, string>>;
const indexes = () =>
  (cache ??= {
    category: index('category.', CATEGORY_SYNONYMS, SERVICE_CATEGORIES),
    populations: index('population.', POPULATION_SYNONYMS, POPULATIONS),
    // Service statuses have no interface labels: codes and synonyms only.
    status: index('', STATUS_SYNONYMS),
    languages: index('lang.', LANGUAGE_SYNONYMS),
  });

const areaCache = new Map<string, AreaEntry[]>();
export const areasFor = (country: string): AreaEntry[] => {
  let list = areaCache.get(country);
  if (!list) {
    const p = profileFor(country);
    areaCache.set(country, (list = p ? profileAreas(p) : []));
  }
  return list;
};

/** Codes the field accepts (for drop-downs and error messages). */
export const allowedCodes = (field: ClosedField, country: string): string[] => {
  switch (field) {
    case 'category':
      return [...SERVICE_CATEGORIES];
    case 'populations':
      return [...POPULATIONS];
    case 'status':
      return [...SERVICE_STATUSES];
    case 'languages':
      return [...new Set(indexes().languages.values())].sort();
    case 'region':
      return [...new Set(areasFor(country).map((a) => a.code))];
    case 'country':
      return [...COUNTRY_CODES];
  }
};

const countryIndex = new Map(
  Object.entries(COUNTRY_SYNONYMS).flatMap(([code, words]) => [
    [valueKey(code), code],
    ...words.map((w) => [valueKey(w), code] as const),
  ]),
);

/** Our codes for one value of the file, or undefined when nothing matches. */
export const autoMatch = (
  field: ClosedField,
  text: string,
  country: string,
  areas: readonly AreaEntry[] = areasFor(country),
): string[] | undefined => {
  const k = valueKey(text);
  if (!k) return undefined;
  if (field === 'region') {
    const a = matchAreaEntry(areas, text);
    return a ? [a.code] : undefined;
  }
  if (field === 'country') {
    const c = countryIndex.get(k);
    return c ? [c] : undefined;
  }
  const group = Object.hasOwn(POPULATION_GROUPS, k) ? POPULATION_GROUPS[k] : undefined;
  if (field === 'populations' && group) return [...group];
  if (field === 'languages' && /^[a-z]{2,3}$/.test(k)) return [k];
  const code = indexes()[field].get(k) ?? indexes()[field].get(k.replace(/_/g, ' '));
  return code ? [code] : undefined;
};

/** A list cell's items ("Femmes; Filles"), or the single value of other fields. */
export const cellValues = (field: ClosedField, cell: string): string[] =>
  isListField(field) ? splitList(cell) : cell.trim() ? [cell.trim()] : [];

/** Distinct values of each mapped closed-list column, most frequent first. */
export const distinctValues = (
  rows: readonly { cells: readonly string[] }[],
  mapping: Mapping,
  country: string,
): DistinctValues => {
  const out: DistinctValues = {};
  const areas = areasFor(country);
  for (const field of CLOSED_FIELDS) {
    const col = mapping[field];
    if (col === undefined) continue;
    const counts = new Map<string, { value: string; rows: number }>();
    for (const r of rows)
      for (const v of new Set(cellValues(field, r.cells[col] ?? ''))) {
        const k = valueKey(v);
        const hit = counts.get(k);
        if (hit) hit.rows++;
        else counts.set(k, { value: v, rows: 1 });
      }
    out[field] = [...counts.values()]
      .sort((a, b) => b.rows - a.rows || a.value.localeCompare(b.value))
      .map((d) => ({ ...d, match: autoMatch(field, d.value, country, areas) ?? null }));
  }
  return out;
};

/**
 * Codes for one value: the user's choice first, then the automatic match; undefined when
 * neither knows it (the row is then refused with the allowed values named).
 */
export const resolveValue = (
  field: ClosedField,
  text: string,
  values: ValueMap,
  country: string,
): string[] | undefined => {
  const chosen = values[field];
  const k = valueKey(text);
  // Own keys only: a file value such as "__proto__" or "constructor" is just text.
  const hit = chosen && Object.hasOwn(chosen, k) ? chosen[k] : undefined;
  return Array.isArray(hit) ? hit : autoMatch(field, text, country);
};

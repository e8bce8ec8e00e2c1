/**
 * An area list read from CSV (customAreas.ts holds the rules). A module of its own: the CSV
 * reader is loaded when someone imports a list, not with the window (issue 15, cold start).
 */
import { parseCsv } from '../exchange/csv';
import { lookupArea, profileFor } from './areas';
import type { AreaDraft, CustomArea, KnownArea } from './customAreas';
import { areaProblem, upper } from './customAreas';
import type { AreaError } from './customAreas';
import { normalizeText } from './normalize';

export type AreaImportRow = { row: number; draft?: AreaDraft; error?: AreaError; why?: string };

/**
 * An area list as CSV: columns name, level, parent, iso_code, pcode (header names matched
 * without case or accents; `nom`, `niveau` too). `parent` may be the region's ISO code, its
 * P-code or its name. Rows are checked against the reference areas and against each other.
 */
export const readAreaCsv = (
  text: string,
  country: string,
  existing: readonly CustomArea[],
): AreaImportRow[] => {
  const table = parseCsv(text);
  const header = table.header.map((h) => normalizeText(h).replace(/[\s-]+/g, '_'));
  const col = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const at = {
    name: col('name', 'nom', 'nome'),
    level: col('level', 'niveau', 'nivel'),
    parent: col('parent', 'parent_code', 'region', 'province'),
    iso: col('iso_code', 'iso', 'iso_3166_2'),
    pcode: col('pcode', 'p_code', 'admin_pcode'),
  };
  const seen: KnownArea[] = [...existing];
  const parentCode = (text: string): string => {
    const found = lookupArea(text);
    if (found.ok) return found.area.code;
    const byName = profileFor(country)?.areas.find(
      (a) => normalizeText(a.name) === normalizeText(text),
    );
    return byName?.code ?? text;
  };
  return table.rows.map(({ row, cells }) => {
    const get = (k: keyof typeof at) => (at[k] >= 0 ? (cells[at[k]] ?? '').trim() : '');
    const level = get('level') === '1' ? 1 : 2;
    const parent = level === 2 ? parentCode(get('parent')) : undefined;
    const draft: AreaDraft = {
      country,
      level,
      name: get('name'),
      ...(parent ? { parent } : {}),
      ...(get('iso') ? { iso: get('iso') } : {}),
      ...(get('pcode') ? { pcode: get('pcode') } : {}),
    };
    const problem = areaProblem(draft, seen);
    if (problem) return { row, ...problem };
    // Later rows must not reuse this row's codes.
    const code = upper(draft.iso) || upper(draft.pcode);
    if (code) seen.push({ code, level, country, iso: upper(draft.iso), pcode: upper(draft.pcode) });
    return { row, draft };
  });
};

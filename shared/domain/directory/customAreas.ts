/**
 * Areas an administrator adds (a region created after the reference lists, a missing district)
 * or imports from a CSV list. They replicate like directory records (sync registry), so the
 * record is checked where it enters — the form, the import and sync alike: a partner office
 * cannot shadow a reference area (same code), revive a deprecated code, or hang a district
 * under a region of another country. Their centre and box are the parent's (or the country's),
 * always approximate: no polygon comes with them.
 */
import { z } from 'zod';
import { ISO_3166_2, LOCAL_CODE, PCODE, areaNamesSchema, areaLevelSchema } from './areaSchema';
import type { AdminArea } from './areas';
import { areaByCode, deprecatedCode, lookupArea, profileFor } from './areas';
import { replicatedSchema } from './schema';

export const customAreaSchema = replicatedSchema.extend({
  country: z.string().regex(/^[A-Z]{2}$/),
  level: areaLevelSchema,
  code: z.string().refine((c) => ISO_3166_2.test(c) || PCODE.test(c) || LOCAL_CODE.test(c)),
  iso: z.string().regex(ISO_3166_2).optional(),
  pcode: z.string().regex(PCODE).optional(),
  parent: z.string().max(20).optional(),
  name: z.string().trim().min(1).max(200),
  names: areaNamesSchema.default({}),
});
export type CustomArea = z.infer<typeof customAreaSchema>;

export type AreaDraft = {
  country: string;
  level: 1 | 2;
  name: string;
  parent?: string;
  iso?: string;
  pcode?: string;
};

export type AreaError =
  | 'areas.error.name'
  | 'areas.error.parent'
  | 'areas.error.iso'
  | 'areas.error.pcode'
  | 'areas.error.deprecated'
  | 'areas.error.exists';

export const upper = (s: string | undefined) => (s ?? '').trim().toUpperCase();

/** Every code a custom area may be known by. */
export type KnownArea = Pick<CustomArea, 'code' | 'iso' | 'pcode' | 'level' | 'country'>;
const codesOf = (a: Pick<CustomArea, 'code' | 'iso' | 'pcode'>) =>
  [a.code, a.iso, a.pcode].filter((c): c is string => Boolean(c));

/**
 * Why a draft (or a replicated record's fields) cannot be an area, or undefined when it can.
 * `existing`: the custom areas already known, live ones only.
 */
export const areaProblem = (
  d: AreaDraft,
  existing: readonly KnownArea[],
): { error: AreaError; why?: string } | undefined => {
  const country = upper(d.country);
  if (d.name.trim() === '') return { error: 'areas.error.name' };
  for (const [field, code, shape] of [
    ['iso', upper(d.iso), ISO_3166_2],
    ['pcode', upper(d.pcode), PCODE],
  ] as const) {
    if (code === '') continue;
    const why = deprecatedCode(code);
    if (why !== undefined) return { error: 'areas.error.deprecated', why };
    if (!shape.test(code) || !code.startsWith(country))
      return { error: field === 'iso' ? 'areas.error.iso' : 'areas.error.pcode' };
    if (lookupArea(code).ok || existing.some((a) => codesOf(a).includes(code)))
      return { error: 'areas.error.exists' };
  }
  // ISO 3166-2 codes these countries only at the first level.
  if (d.level === 2 && upper(d.iso) !== '') return { error: 'areas.error.iso' };
  if (d.level === 2) {
    const parent = upper(d.parent);
    const known =
      profileFor(country)?.areas.some((a) => a.code === parent) ||
      existing.some((a) => a.level === 1 && a.country === country && a.code === parent);
    if (!known) return { error: 'areas.error.parent' };
  }
  return undefined;
};

/** The record for a valid draft; the caller checked `areaProblem` first. */
export const customAreaRecord = (
  d: AreaDraft,
  meta: { id: string; office: string; now: string; localId: string },
): CustomArea => {
  const country = upper(d.country);
  const iso = upper(d.iso) || undefined;
  const pcode = upper(d.pcode) || undefined;
  return customAreaSchema.parse({
    id: meta.id,
    office: meta.office,
    createdAt: meta.now,
    updatedAt: meta.now,
    deletedAt: null,
    country,
    level: d.level,
    // Never an invented ISO code: without one, the P-code, else a local code.
    code: iso ?? pcode ?? `${country}_${meta.localId.toUpperCase()}`,
    ...(iso ? { iso } : {}),
    ...(pcode ? { pcode } : {}),
    ...(d.level === 2 ? { parent: upper(d.parent) } : {}),
    name: d.name.trim(),
    names: {},
  });
};

/**
 * The custom areas that may be shown: valid, live, not shadowing a reference area, first come
 * first kept when two share a code (a hostile copy cannot displace the original).
 */
export const usableAreas = (records: readonly CustomArea[]): CustomArea[] => {
  const kept: CustomArea[] = [];
  const sorted = [...records].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
  for (const r of sorted) {
    if (r.deletedAt !== null || !customAreaSchema.safeParse(r).success) continue;
    if (!r.code.startsWith(r.country)) continue;
    if (codesOf(r).some((c) => areaByCode(c) || deprecatedCode(c) !== undefined)) continue;
    if (areaProblem({ ...r, iso: undefined, pcode: undefined }, kept)) continue;
    if (kept.some((k) => codesOf(k).some((c) => codesOf(r).includes(c)))) continue;
    kept.push(r);
  }
  return kept;
};

/** A custom area as the lookups and screens use areas: placed at its parent, approximate. */
export const toAdminArea = (r: CustomArea, all: readonly CustomArea[] = []): AdminArea => {
  const profile = profileFor(r.country);
  const parent =
    r.parent !== undefined
      ? (areaByCode(r.parent) ?? all.find((a) => a.code === r.parent))
      : undefined;
  const placed = parent && 'center' in parent ? parent : profile;
  return {
    level: r.level,
    code: r.code,
    ...(r.iso ? { iso: r.iso } : {}),
    ...(r.pcode ? { pcode: r.pcode } : {}),
    ...(r.parent ? { parent: r.parent } : {}),
    name: r.name,
    names: r.names,
    center: placed?.center ?? [0, 0],
    bbox: placed?.bbox ?? [-90, -180, 90, 180],
    approximate: true,
    source: `office:${r.office}`,
  };
};

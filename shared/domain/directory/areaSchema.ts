/**
 * The schema of a country profile file (resources/areas/<CC>.json, built by
 * scripts/build-areas.mjs) and of an area an administrator adds. ISO 3166-2 codes and OCHA
 * P-codes are separate fields, each optional: the two numberings differ (ISO ML-9 is Ménaka,
 * OCHA's ML10 is Ménaka), so neither is ever computed from the other.
 */
import { z } from 'zod';

export const ISO_3166_2 = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
/** OCHA P-codes: the country's alpha-2 then digits (ML10, MZ0101, PK101). */
export const PCODE = /^[A-Z]{2}[0-9]{1,8}$/;
/** Areas added here without an ISO code or a P-code: the country, '_', then a short id. */
export const LOCAL_CODE = /^[A-Z]{2}_[A-Z0-9]{1,8}$/;

const lat = z.number().min(-90).max(90);
const lon = z.number().min(-180).max(180);

/** Names per language; `ur` where a sourced Urdu name exists. */
export const areaNamesSchema = z
  .object({
    fr: z.string().min(1).optional(),
    en: z.string().min(1).optional(),
    pt: z.string().min(1).optional(),
    ar: z.string().min(1).optional(),
    ur: z.string().min(1).optional(),
  })
  .strict();
export type AreaNames = z.infer<typeof areaNamesSchema>;

export const areaLevelSchema = z.union([z.literal(1), z.literal(2)]);
export type AreaLevel = z.infer<typeof areaLevelSchema>;

export const areaRecordSchema = z
  .object({
    level: areaLevelSchema,
    /** The key records use: the ISO code at level 1, else the P-code, else a local code. */
    code: z.string().refine((c) => ISO_3166_2.test(c) || PCODE.test(c) || LOCAL_CODE.test(c)),
    iso: z.string().regex(ISO_3166_2).optional(),
    pcode: z.string().regex(PCODE).optional(),
    /** The level-1 area's code, for level 2. */
    parent: z.string().optional(),
    /** The name in the country's usual official form (French in Mali), shown by default. */
    name: z.string().min(1).max(200),
    names: areaNamesSchema,
    center: z.tuple([lat, lon]),
    bbox: z.tuple([lat, lon, lat, lon]),
    /** True where no polygon was available: centre and box are a sourced point or the parent's. */
    approximate: z.boolean(),
    /**
     * A region created after the reference lists (Mali's regions of 2023, local code): the ISO
     * region it was carved out of, which records made before it keep using.
     */
    formerParent: z.string().regex(ISO_3166_2).optional(),
    /** The reference districts (P-codes) a source names as forming it, wholly or mostly. */
    formerDistricts: z.array(z.string().regex(PCODE)).min(1).optional(),
    /** Source ids (resources/areas/README.md), '+'-joined. */
    source: z.string().min(1),
  })
  .strict()
  .refine((a) => (a.level === 1) === (a.parent === undefined), { message: 'parent iff level 2' })
  .refine((a) => a.code === (a.iso ?? a.pcode ?? a.code), { message: 'code is iso, else pcode' })
  .refine((a) => a.iso === undefined || a.iso === a.code)
  // Only a region without an ISO code succeeds another one.
  .refine(
    (a) =>
      (a.formerParent === undefined && a.formerDistricts === undefined) ||
      (a.level === 1 && a.iso === undefined && a.formerParent !== undefined),
    { message: 'formerParent/formerDistricts: only on a level-1 area without an ISO code' },
  );

export const countryFileSchema = z
  .object({
    code: z.string().regex(/^[A-Z]{2}$/),
    name: z.object({ fr: z.string(), en: z.string(), pt: z.string(), ar: z.string() }).loose(),
    levels: z.array(z.object({ level: areaLevelSchema, name: areaNamesSchema })).min(1),
    phonePrefix: z.string().regex(/^\+\d{1,3}$/),
    languages: z.array(z.string().min(2).max(3)),
    center: z.tuple([lat, lon]),
    zoom: z.number().int().min(1).max(18),
    bbox: z.tuple([lat, lon, lat, lon]),
    /** Codes no longer valid, with why: refused by every lookup. */
    deprecated: z.record(z.string(), z.string()),
    areas: z.array(areaRecordSchema),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    const level1 = new Set(file.areas.filter((a) => a.level === 1).map((a) => a.code));
    for (const a of file.areas) {
      if (seen.has(a.code)) ctx.addIssue({ code: 'custom', message: `duplicate ${a.code}` });
      seen.add(a.code);
      if (!a.code.startsWith(file.code))
        ctx.addIssue({ code: 'custom', message: `${a.code} is not in ${file.code}` });
      if (a.parent !== undefined && !level1.has(a.parent))
        ctx.addIssue({ code: 'custom', message: `${a.code}: unknown parent ${a.parent}` });
      if (file.deprecated[a.code] !== undefined)
        ctx.addIssue({ code: 'custom', message: `${a.code} is deprecated` });
    }
    // A successor region names an ISO region of this file, and districts that were under it.
    const byCode = new Map(file.areas.map((a) => [a.code, a]));
    for (const a of file.areas) {
      if (a.formerParent === undefined) continue;
      if (byCode.get(a.formerParent)?.iso === undefined)
        ctx.addIssue({ code: 'custom', message: `${a.code}: unknown former parent` });
      for (const d of a.formerDistricts ?? [])
        if (byCode.get(d)?.parent !== a.formerParent)
          ctx.addIssue({ code: 'custom', message: `${a.code}: ${d} was not a district of it` });
    }
  });
export type CountryFile = z.infer<typeof countryFileSchema>;

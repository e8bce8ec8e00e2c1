/**
 * The office country's areas as screens list them: the reference regions (ISO regions, then
 * regions created after the reference lists, such as Mali's of 2023) and districts, followed by
 * those an administrator added, names in the interface language. Pure, for `useAreas` and tests.
 */
import { areaName, profileFor } from '@shared/domain/directory/areas';
import type { AdminArea } from '@shared/domain/directory/areas';

export type AreaOption = { code: string; name: string; area: AdminArea };

export const areaOptions = (
  country: string | undefined,
  added: readonly AdminArea[],
  locale: string,
) => {
  const profile = country ? profileFor(country) : undefined;
  const all = [...(profile?.areas ?? []), ...(profile?.districts ?? []), ...added];
  const option = (a: AdminArea): AreaOption => ({
    code: a.code,
    name: areaName(a, locale),
    area: a,
  });
  return {
    regions: all.filter((a) => a.level === 1).map(option),
    /** The districts listed under a region (where a new district is attached). */
    districtsOf: (region: string): AreaOption[] =>
      region ? all.filter((a) => a.level === 2 && a.parent === region).map(option) : [],
    /**
     * For filters: the districts whose places a region holds — its own, or for a region
     * created from older ones (ML_KITA), the reference districts that formed it.
     */
    districtsIn: (region: string): AreaOption[] => {
      if (!region) return [];
      const formed = new Set(all.find((a) => a.code === region)?.formerDistricts);
      return all
        .filter((a) => a.level === 2 && (a.parent === region || formed.has(a.code)))
        .map(option);
    },
    byCode: (code: string): AdminArea | undefined => all.find((a) => a.code === code),
  };
};

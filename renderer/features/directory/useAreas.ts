/**
 * The office country's areas as screens list them: the reference regions and districts
 * (resources/areas) followed by those an administrator added, names in the interface language.
 */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { areaName, profileFor } from '@shared/domain/directory/areas';
import type { AdminArea } from '@shared/domain/directory/areas';
import { useData } from '../../app/data';
import { useLocale } from '../../app/i18n';

export type AreaOption = { code: string; name: string; area: AdminArea };

export const useAreas = (country: string | undefined) => {
  const { repos } = useData();
  const { locale } = useLocale();
  const added = useLiveQuery(
    () => (country ? repos.areas.list(country) : Promise.resolve([])),
    [repos, country],
  );
  return useMemo(() => {
    const profile = country ? profileFor(country) : undefined;
    const all = [...(profile?.areas ?? []), ...(profile?.districts ?? []), ...(added ?? [])];
    const option = (a: AdminArea): AreaOption => ({
      code: a.code,
      name: areaName(a, locale),
      area: a,
    });
    return {
      regions: all.filter((a) => a.level === 1).map(option),
      districtsOf: (region: string): AreaOption[] =>
        region ? all.filter((a) => a.level === 2 && a.parent === region).map(option) : [],
      byCode: (code: string): AdminArea | undefined => all.find((a) => a.code === code),
    };
  }, [country, added, locale]);
};

/**
 * The office country's areas as screens list them (see areaOptions): the reference regions and
 * districts (resources/areas) followed by those an administrator added, names in the interface
 * language.
 */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useData } from '../../app/data';
import { useLocale } from '../../app/i18n';
import { areaOptions } from './areaOptions';

export type { AreaOption } from './areaOptions';

export const useAreas = (country: string | undefined) => {
  const { repos } = useData();
  const { locale } = useLocale();
  const added = useLiveQuery(
    () => (country ? repos.areas.list(country) : Promise.resolve([])),
    [repos, country],
  );
  return useMemo(() => areaOptions(country, added ?? [], locale), [country, added, locale]);
};

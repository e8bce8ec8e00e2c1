/**
 * What the map shows: the same services as the list (the shared filters, the search text and
 * "free bed for …", through the same hook), placed by the pure placement rules (restricted
 * locations replaced, for users without the right, before Leaflet sees them).
 */
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ServiceView } from '@shared/domain/directory/schema';
import { buildClusterIndex } from '@shared/domain/map/cluster';
import type { ClusterIndex } from '@shared/domain/map/cluster';
import type { Placement } from '@shared/domain/map/placement';
import { placeServices } from '@shared/domain/map/placement';
import type { Preferences } from '@shared/domain/settings/schema';
import { useData } from '../../app/data';
import { useSession } from '../accounts/session';
import { useDirectorySearch } from '../directory/useDirectory';

export const usePreferences = (): Preferences | undefined => {
  const { repos } = useData();
  return useLiveQuery(() => repos.settings.getPreferences(), [repos]);
};

/**
 * Every service the list would show (the same hook, so any filter the list gains applies here
 * too), not paged. The array is kept while its content is unchanged, so the clustering index
 * is rebuilt only when the set of services changes, not on every render.
 */
const sameViews = (a: readonly ServiceView[] | undefined, b: readonly ServiceView[] | undefined) =>
  a === b ||
  (a !== undefined && b !== undefined && a.length === b.length && a.every((v, i) => v === b[i]));

export const useFilteredViews = (): ServiceView[] | undefined => {
  const { views, hits } = useDirectorySearch(Infinity);
  const next = views ? hits : undefined;
  // React's "value from the previous render" pattern: state updated during render.
  const [stable, setStable] = useState(next);
  if (!sameViews(stable, next)) {
    setStable(next);
    return next;
  }
  return stable;
};

export type MapData = Placement & { index: ClusterIndex };

export const usePlacement = (
  views: readonly ServiceView[] | undefined,
  prefs: Preferences | undefined,
): MapData | undefined => {
  const { user } = useSession();
  return useMemo(() => {
    if (!views || !prefs) return undefined;
    const placement = placeServices(views, prefs.restrictedLocations, user);
    return { ...placement, index: buildClusterIndex(placement.points) };
  }, [views, prefs, user]);
};

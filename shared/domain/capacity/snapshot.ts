/**
 * A checkpoint of the capacity fold, so a change costs O(new events), not O(years of events).
 *
 * The checkpoint holds the fold of every event up to a watermark (the greatest event in the
 * total order, `at` then `id`) and how many events that was. A later read folds only the tail:
 * events after the watermark. An event that arrives late (older than the watermark, say from a
 * partner office's bundle) is not in any tail; the count then differs from the store's and the
 * caller rebuilds from every event. When in doubt, rebuild: the full fold is the truth.
 */
import type { FoldState, ShelterFigures } from './fold';
import { compareEvents, createFold } from './fold';
import type { CapacityEvent } from './schema';

export type Watermark = { at: string; id: string };

export type CapacitySnapshot = {
  watermark: Watermark | null;
  /** How many distinct events the checkpoint has folded. */
  count: number;
  state: FoldState;
};

export const createCheckpoint = (snapshot?: CapacitySnapshot) => {
  const fold = createFold(snapshot?.state);
  let watermark = snapshot?.watermark ?? null;
  let count = snapshot?.count ?? 0;
  return {
    /**
     * Folds the events after the watermark; those at or before it are already in. Repeats
     * within the tail are dropped by the fold. Returns the shelters whose figures changed.
     */
    addTail(events: Iterable<CapacityEvent>): Set<string> {
      let top = watermark;
      const before = count;
      const touched = new Set<string>();
      for (const e of events) {
        if (watermark && compareEvents(e, watermark) <= 0) continue;
        if (fold.add(e)) {
          count += 1;
          touched.add(e.serviceId);
        }
        if (!top || compareEvents(e, top) > 0) top = { at: e.at, id: e.id };
      }
      if (count !== before) watermark = top;
      return touched;
    },
    get watermark() {
      return watermark;
    },
    get count() {
      return count;
    },
    all: (): Map<string, ShelterFigures> => fold.all(),
    /** One shelter's figures, recomputed only if an event touched it since the last read. */
    shelter: (serviceId: string): ShelterFigures | undefined => fold.shelter(serviceId),
    snapshot: (): CapacitySnapshot => ({ watermark, count, state: fold.state() }),
  };
};
export type Checkpoint = ReturnType<typeof createCheckpoint>;

/**
 * The capacity dashboard kept current one shelter at a time, so that a change costs O(new
 * events + the shelters they touch), not O(every shelter) nor O(years of events):
 * - the fold is a checkpoint (snapshot.ts): new events are folded in, old ones never re-read;
 * - a shelter's summary is recomputed only when one of its events arrives or its directory
 *   entry changes;
 * - the dashboard's free beds per region and population are adjusted by the difference between
 *   the shelter's old and new summary; its lists (full, closed, over capacity, stale) keep the
 *   shelters' order, a changed shelter moved in or out by a binary search.
 * Freshness depends on the clock: a read at another instant or threshold re-derives the stale
 * list from the times kept per shelter (O(shelters) comparisons, once per clock tick); a read at
 * the same instant only the shelters changed since.
 *
 * When in doubt (an event older than the checkpoint, a deleted event) the caller rebuilds the
 * checkpoint from every event, as before. live.test.ts proves the model equal to the full
 * computation, `aggregateDashboard(summarizeShelters(views, foldEvents(all)))`, for any views,
 * events, batches, replays and clocks.
 */
import type { ServiceView } from '../directory/schema';
import type { Checkpoint } from './snapshot';
import { createCheckpoint } from './snapshot';
import type { Freshness } from './rules';
import { freshness } from './rules';
import type { CapacityEvent } from './schema';
import type { Dashboard, RegionRow, ShelterSummary } from './summary';
import { countInRegion, isClosed, isFull, summarizeShelter, zeros } from './summary';

/** What of a directory entry a summary shows: a change of anything else changes nothing. */
const viewKey = (v: ServiceView): string =>
  [
    v.service.id,
    v.service.name,
    v.service.office,
    v.service.populations.join(','),
    v.locations[0]?.address.adminAreaCode ?? '',
  ].join('\n');

/** Sorted list of positions: insert or remove one in O(log n) + a move. */
const place = (list: number[], i: number, member: boolean): boolean => {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < i) lo = mid + 1;
    else hi = mid;
  }
  const present = list[lo] === i;
  if (member === present) return false;
  if (member) list.splice(lo, 0, i);
  else list.splice(lo, 1);
  return true;
};

type Clock = { now: number; thresholdHours: number };
type StaleKind = Exclude<Freshness, 'fresh'>;

export const createCapacityModel = (
  views: readonly ServiceView[],
  checkpoint: Checkpoint = createCheckpoint(),
) => {
  let shelters: ServiceView[] = [];
  let keys: string[] = [];
  /** Positions of each service id (a list, as summarizeShelters keeps duplicates). */
  let positions = new Map<string, number[]>();
  let list: ShelterSummary[] = [];
  /** `list` was handed out: the next change copies it first (the reader's copy never moves). */
  let listShared = false;

  // The aggregate, adjusted per shelter.
  let regions = new Map<string, RegionRow>();
  let totals = zeros();
  let total = 0;
  let full: number[] = [];
  let closed: number[] = [];
  let over: number[] = [];
  // Stale list for the clock of the last read; null: to derive at the next read.
  let clock: Clock | null = null;
  let stale: number[] = [];
  /** The stale list's entries, kept until their shelter changes: a read allocates no entry. */
  let staleEntry = new Map<number, Dashboard['stale'][number]>();
  let cached: Dashboard | null = null;
  // The lists last handed out, rebuilt only when a member changed or one came or went.
  let out: Pick<Dashboard, 'full' | 'closed' | 'overCapacity' | 'stale'> | null = null;

  const add = (s: ShelterSummary) => {
    countInRegion(regions, totals, s, 1);
    total += s.free;
  };
  const remove = (s: ShelterSummary) => {
    const row = countInRegion(regions, totals, s, -1);
    total -= s.free;
    if (row.shelters === 0) regions.delete(s.regionCode);
  };
  const kindAt = (s: ShelterSummary, c: Clock): StaleKind | null => {
    const f = freshness(s.lastUpdated, c.now, c.thresholdHours);
    return f === 'fresh' ? null : f;
  };
  const flag = (i: number, s: ShelterSummary) => {
    const isShut = isClosed(s);
    place(closed, i, isShut);
    place(full, i, !isShut && isFull(s));
    place(over, i, s.overCapacity);
    if (clock) {
      const k = kindAt(s, clock);
      place(stale, i, k !== null);
      if (k) staleEntry.set(i, { summary: s, freshness: k });
      else staleEntry.delete(i);
    }
    out = null;
  };

  const rebuild = (next: readonly ServiceView[]) => {
    shelters = next.filter((v) => v.service.category === 'shelter');
    keys = shelters.map(viewKey);
    positions = new Map();
    shelters.forEach((v, i) => {
      const at = positions.get(v.service.id);
      if (at) at.push(i);
      else positions.set(v.service.id, [i]);
    });
    list = shelters.map((v) => summarizeShelter(v, checkpoint.shelter(v.service.id)));
    listShared = false;
    regions = new Map();
    totals = zeros();
    total = 0;
    full = [];
    closed = [];
    over = [];
    clock = null;
    stale = [];
    staleEntry = new Map();
    list.forEach((s, i) => {
      add(s);
      flag(i, s);
    });
    cached = null;
  };

  /** Summarises shelter `i` again and moves its share of the aggregate. */
  const refresh = (i: number) => {
    const before = list[i]!;
    const after = summarizeShelter(shelters[i]!, checkpoint.shelter(shelters[i]!.service.id));
    if (listShared) {
      list = list.slice();
      listShared = false;
    }
    list[i] = after;
    remove(before);
    add(after);
    flag(i, after);
    cached = null;
  };

  rebuild(views);

  return {
    checkpoint,
    /** Folds events after the checkpoint's watermark; only the shelters they touch change. */
    addTail(events: Iterable<CapacityEvent>): void {
      for (const id of checkpoint.addTail(events))
        for (const i of positions.get(id) ?? []) refresh(i);
    },
    /**
     * The directory as it is now: shelters whose entry changed are summarised again; a shelter
     * added, removed or moved in the order rebuilds the summaries from the checkpoint (O(shelters),
     * no event read again).
     */
    setViews(next: readonly ServiceView[]): void {
      const nextShelters = next.filter((v) => v.service.category === 'shelter');
      const sameOrder =
        nextShelters.length === shelters.length &&
        nextShelters.every((v, i) => v.service.id === shelters[i]!.service.id);
      if (!sameOrder) return rebuild(next);
      nextShelters.forEach((v, i) => {
        const key = viewKey(v);
        shelters[i] = v;
        if (key !== keys[i]) {
          keys[i] = key;
          refresh(i);
        }
      });
    },
    /** Equal to `summarizeShelters(views, foldEvents(every event))`; do not modify. */
    summaries(): readonly ShelterSummary[] {
      listShared = true;
      return list;
    },
    /** Equal to `aggregateDashboard(summaries, now, thresholdHours)`; the same object until a change. */
    dashboard(now: number | Date, thresholdHours: number): Dashboard {
      const c: Clock = { now: +now, thresholdHours };
      if (cached && clock && clock.now === c.now && clock.thresholdHours === thresholdHours)
        return cached;
      if (!clock || clock.now !== c.now || clock.thresholdHours !== thresholdHours) {
        clock = c;
        stale = [];
        staleEntry = new Map();
        list.forEach((s, i) => {
          const k = kindAt(s, c);
          if (k) {
            stale.push(i);
            staleEntry.set(i, { summary: s, freshness: k });
          }
        });
        out = null;
      }
      out ??= {
        full: full.map((i) => list[i]!),
        closed: closed.map((i) => list[i]!),
        stale: stale.map((i) => staleEntry.get(i)!),
        overCapacity: over.map((i) => list[i]!),
      };
      cached = {
        byRegion: [...regions.values()]
          .map((r) => ({ ...r, free: { ...r.free }, serving: { ...r.serving } }))
          .sort((a, b) => a.regionCode.localeCompare(b.regionCode)),
        totals: { ...totals },
        total,
        ...out,
      };
      return cached;
    },
  };
};
export type CapacityModel = ReturnType<typeof createCapacityModel>;

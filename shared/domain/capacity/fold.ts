/**
 * The current figures of every shelter, computed from its capacity events.
 *
 * Merging two machines' events is a set union, so the fold must give the same figures whatever
 * order the events arrive in and however often one is replayed:
 * - events are deduplicated by id (an event is immutable: one id, one content);
 * - admissions and discharges are counters, so they are summed (addition commutes);
 * - baseline, out of service, waitlist, status and note are set values: the event latest in
 *   the total order (`at`, then `id`) wins, whichever arrived last.
 * One pass, no sort: O(n) for n events (see tests/bench/capacity.bench.ts).
 */
import type { CapacityEvent, CapacityPopulation, ShelterStatus } from './schema';
import { CAPACITY_POPULATIONS } from './schema';

/** Who last vouched for a figure, and when; `id` is the event's, to break ties in `at`. */
export type Stamp = { at: string; by: string; id: string };

export type PopulationFigures = {
  population: CapacityPopulation;
  baseline: number;
  occupied: number;
  outOfService: number;
  /** baseline − occupied − outOfService; negative when over capacity (never clamped). */
  available: number;
  waitlist: number;
  /** More people than beds in service: an explicit state, shown, never hidden by clamping. */
  overCapacity: boolean;
  lastUpdated: Stamp | null;
};

export type ShelterFigures = {
  serviceId: string;
  populations: Partial<Record<CapacityPopulation, PopulationFigures>>;
  status: ShelterStatus | null;
  note: string;
  statusUpdated: Stamp | null;
  noteUpdated: Stamp | null;
  lastUpdated: Stamp | null;
};

/** The total order of events: by time, then by id so that equal times still order. */
export const compareEvents = (a: { at: string; id: string }, b: { at: string; id: string }) =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

type Ordered = { at: string; id: string };
const later = (a: Ordered, b: Ordered | undefined): boolean =>
  !b || a.at > b.at || (a.at === b.at && a.id > b.id);

// Accumulators keep the winning events themselves: no allocation per event added.
type Winner<E extends CapacityEvent['type']> = Extract<CapacityEvent, { type: E }>;
type PopulationAcc = {
  occupied: number;
  baseline?: Winner<'baseline'>;
  outOfService?: Winner<'out_of_service'>;
  waitlist?: Winner<'waitlist'>;
  touched?: CapacityEvent;
};
type ShelterAcc = {
  populations: Map<CapacityPopulation, PopulationAcc>;
  status?: Winner<'status'>;
  note?: Winner<'note'>;
  last?: CapacityEvent;
};

const stampOf = (e: CapacityEvent | undefined): Stamp | null =>
  e ? { at: e.at, by: e.who, id: e.id } : null;

const populationFigures = (population: CapacityPopulation, p: PopulationAcc) => {
  const baseline = p.baseline?.value ?? 0;
  const outOfService = p.outOfService?.value ?? 0;
  const available = baseline - p.occupied - outOfService;
  return {
    population,
    baseline,
    occupied: p.occupied,
    outOfService,
    available,
    waitlist: p.waitlist?.value ?? 0,
    overCapacity: available < 0,
    lastUpdated: stampOf(p.touched),
  } satisfies PopulationFigures;
};

/** A fold's whole state as plain data (winning events and counters), for a checkpoint. */
export type FoldState = {
  shelters: {
    serviceId: string;
    populations: (PopulationAcc & { population: CapacityPopulation })[];
    status?: Winner<'status'>;
    note?: Winner<'note'>;
    last?: CapacityEvent;
  }[];
};

/**
 * An incremental fold: add events in any order, read the figures at any time. Started from a
 * checkpoint (`initial`), it knows the figures but not the ids already folded: the caller adds
 * only events after the checkpoint (snapshot.ts).
 */
export const createFold = (initial?: FoldState) => {
  const seen = new Set<string>();
  const shelters = new Map<string, ShelterAcc>();
  // Figures per shelter, recomputed only for shelters an event touched since the last read.
  const cached = new Map<string, ShelterFigures>();
  for (const s of initial?.shelters ?? [])
    shelters.set(s.serviceId, {
      populations: new Map(s.populations.map(({ population, ...acc }) => [population, acc])),
      status: s.status,
      note: s.note,
      last: s.last,
    });

  const populationAcc = (s: ShelterAcc, p: CapacityPopulation): PopulationAcc => {
    let acc = s.populations.get(p);
    if (!acc) s.populations.set(p, (acc = { occupied: 0 }));
    return acc;
  };

  /** Folds one event; false if its id was already folded (a replay). */
  const add = (e: CapacityEvent): boolean => {
    if (seen.has(e.id)) return false;
    seen.add(e.id);
    cached.delete(e.serviceId);
    let s = shelters.get(e.serviceId);
    if (!s) shelters.set(e.serviceId, (s = { populations: new Map() }));
    if (later(e, s.last)) s.last = e;
    switch (e.type) {
      case 'status':
        if (later(e, s.status)) s.status = e;
        return true;
      case 'note':
        if (later(e, s.note)) s.note = e;
        return true;
      case 'confirm':
        for (const p of e.populations) {
          const acc = populationAcc(s, p);
          if (later(e, acc.touched)) acc.touched = e;
        }
        return true;
    }
    const acc = populationAcc(s, e.population);
    if (later(e, acc.touched)) acc.touched = e;
    switch (e.type) {
      case 'admission':
        acc.occupied += e.count;
        return true;
      case 'discharge':
        acc.occupied -= e.count;
        return true;
      case 'baseline':
        if (later(e, acc.baseline)) acc.baseline = e;
        return true;
      case 'out_of_service':
        if (later(e, acc.outOfService)) acc.outOfService = e;
        return true;
      case 'waitlist':
        if (later(e, acc.waitlist)) acc.waitlist = e;
        return true;
    }
    return true;
  };

  const shelter = (serviceId: string): ShelterFigures | undefined => {
    const hit = cached.get(serviceId);
    if (hit) return hit;
    const s = shelters.get(serviceId);
    if (!s) return undefined;
    const populations: ShelterFigures['populations'] = {};
    // Canonical key order, so equal figures are equal objects whatever the event order.
    for (const p of CAPACITY_POPULATIONS) {
      const acc = s.populations.get(p);
      if (acc) populations[p] = populationFigures(p, acc);
    }
    const figures: ShelterFigures = {
      serviceId,
      populations,
      status: s.status?.status ?? null,
      note: s.note?.text ?? '',
      statusUpdated: stampOf(s.status),
      noteUpdated: stampOf(s.note),
      lastUpdated: stampOf(s.last),
    };
    cached.set(serviceId, figures);
    return figures;
  };

  const all = (): Map<string, ShelterFigures> =>
    new Map([...shelters.keys()].sort().map((id) => [id, shelter(id)!]));

  const state = (): FoldState => ({
    shelters: [...shelters].map(([serviceId, s]) => ({
      serviceId,
      populations: [...s.populations].map(([population, acc]) => ({ population, ...acc })),
      status: s.status,
      note: s.note,
      last: s.last,
    })),
  });

  return { add, shelter, all, state };
};

/** The figures of every shelter that has events, keyed by service id. */
export const foldEvents = (events: Iterable<CapacityEvent>): Map<string, ShelterFigures> => {
  const fold = createFold();
  for (const e of events) fold.add(e);
  return fold.all();
};

export const foldShelter = (
  serviceId: string,
  events: Iterable<CapacityEvent>,
): ShelterFigures | undefined => {
  const fold = createFold();
  for (const e of events) if (e.serviceId === serviceId) fold.add(e);
  return fold.shelter(serviceId);
};

/**
 * The obvious fold, written independently of `createFold`: sort every event, drop repeats, then
 * overwrite in order (the last assignment wins because the order is the total order). Kept as
 * the oracle the fast fold is tested against, and as the benchmark's baseline.
 */
export const foldBySorting = (events: readonly CapacityEvent[]): Map<string, ShelterFigures> => {
  const sorted = [...events].sort(compareEvents);
  type Pop = { occupied: number; baseline: number; outOfService: number; waitlist: number };
  type Row = {
    pops: Map<CapacityPopulation, Pop & { touched: Stamp }>;
    status: ShelterStatus | null;
    note: string;
    statusUpdated: Stamp | null;
    noteUpdated: Stamp | null;
    last: Stamp;
  };
  const rows = new Map<string, Row>();
  let previous: string | undefined;
  for (const e of sorted) {
    if (e.id === previous) continue;
    previous = e.id;
    const stamp: Stamp = { at: e.at, by: e.who, id: e.id };
    const row: Row = rows.get(e.serviceId) ?? {
      pops: new Map(),
      status: null,
      note: '',
      statusUpdated: null,
      noteUpdated: null,
      last: stamp,
    };
    rows.set(e.serviceId, row);
    row.last = stamp;
    const touch = (p: CapacityPopulation) => {
      const pop = row.pops.get(p) ?? {
        occupied: 0,
        baseline: 0,
        outOfService: 0,
        waitlist: 0,
        touched: stamp,
      };
      pop.touched = stamp;
      row.pops.set(p, pop);
      return pop;
    };
    if (e.type === 'status') [row.status, row.statusUpdated] = [e.status, stamp];
    else if (e.type === 'note') [row.note, row.noteUpdated] = [e.text, stamp];
    else if (e.type === 'confirm') e.populations.forEach(touch);
    else if (e.type === 'admission') touch(e.population).occupied += e.count;
    else if (e.type === 'discharge') touch(e.population).occupied -= e.count;
    else if (e.type === 'baseline') touch(e.population).baseline = e.value;
    else if (e.type === 'out_of_service') touch(e.population).outOfService = e.value;
    else touch(e.population).waitlist = e.value;
  }
  const out = new Map<string, ShelterFigures>();
  for (const id of [...rows.keys()].sort()) {
    const row = rows.get(id)!;
    const populations: ShelterFigures['populations'] = {};
    for (const p of CAPACITY_POPULATIONS) {
      const pop = row.pops.get(p);
      if (!pop) continue;
      const available = pop.baseline - pop.occupied - pop.outOfService;
      populations[p] = {
        population: p,
        baseline: pop.baseline,
        occupied: pop.occupied,
        outOfService: pop.outOfService,
        available,
        waitlist: pop.waitlist,
        overCapacity: available < 0,
        lastUpdated: pop.touched,
      };
    }
    out.set(id, {
      serviceId: id,
      populations,
      status: row.status,
      note: row.note,
      statusUpdated: row.statusUpdated,
      noteUpdated: row.noteUpdated,
      lastUpdated: row.last,
    });
  }
  return out;
};

/** Empty figures for a population nobody has counted yet (shown as "never updated"). */
export const emptyPopulation = (population: CapacityPopulation): PopulationFigures =>
  populationFigures(population, { occupied: 0 });

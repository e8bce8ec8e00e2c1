/**
 * Likely duplicates between an import and the directory: the same record id, the same
 * normalised name in the same locality, or the same phone number. Each is shown before the
 * write with a choice — merge into the existing record, keep both, or skip the imported one —
 * and `applyPlan` turns the plan and the choices into the records to write.
 */
import { digitsOnly, normalizeText } from '../directory/normalize';
import type { Location, Organization, Service, ServiceView } from '../directory/schema';
import type { ImportPlan, PartedPlan, PlanPart } from './types';
import { mergeExternalIds, withExternalIds } from './externalIds';
import { runToEnd } from '../steps';

export type DuplicateReason = 'id' | 'nameLocality' | 'phone';
export type Decision = 'merge' | 'keep' | 'skip';
export type Duplicate = {
  serviceId: string;
  row: number;
  existingId: string;
  reasons: DuplicateReason[];
};

/** Local and international forms of a number ("76 12 34 56", "+223 76 12 34 56") compare alike. */
export const phoneKey = (n: string): string | undefined => {
  const d = digitsOnly(n);
  return d.length >= 6 ? d.slice(-8) : undefined;
};
const localityOf = (locs: readonly Location[]) =>
  normalizeText(locs[0]?.address.city || locs[0]?.address.adminAreaCode || '');
const nameKey = (name: string, locs: readonly Location[]) =>
  `${normalizeText(name)}|${localityOf(locs)}`;

export const findDuplicates = (plan: ImportPlan, existing: readonly ServiceView[]): Duplicate[] => {
  return runToEnd(findDuplicatesStepwise(plan, existing, Infinity));
};

type DuplicateIndex = {
  byId: Map<string, ServiceView>;
  byName: Map<string, ServiceView>;
  byPhone: Map<string, ServiceView>;
};

/** The directory's services by id, name and locality, and phone; pauses every `size` read. */
function* duplicateIndex(
  existing: readonly ServiceView[],
  size: number,
): Generator<void, DuplicateIndex> {
  const byId = new Map(existing.map((v) => [v.service.id, v]));
  const byName = new Map<string, ServiceView>();
  for (const [n, v] of existing.entries()) {
    if (n % size === size - 1) yield;
    byName.set(nameKey(v.service.name, v.locations), v);
  }
  const byPhone = new Map<string, ServiceView>();
  for (const [n, v] of existing.entries()) {
    if (n % size === size - 1) yield;
    for (const p of v.service.phones) {
      const k = phoneKey(p.number);
      if (k && !byPhone.has(k)) byPhone.set(k, v);
    }
  }
  return { byId, byName, byPhone };
}

/** The likely duplicate of one imported service (`locs`: its locations by id), if any. */
const matchService = (
  { byId, byName, byPhone }: DuplicateIndex,
  s: Service,
  row: number,
  locs: ReadonlyMap<string, Location>,
): Duplicate | undefined => {
  // Keys are built only against a directory that has some to match (an empty directory, or
  // one without phones, answers "none" without normalising 200,000 names).
  const hits: [DuplicateReason, ServiceView | undefined][] = [
    ['id', byId.get(s.id)],
    [
      'nameLocality',
      byName.size
        ? byName.get(
            nameKey(
              s.name,
              s.locationIds.flatMap((id) => locs.get(id) ?? []),
            ),
          )
        : undefined,
    ],
    [
      'phone',
      byPhone.size
        ? s.phones.map((p) => byPhone.get(phoneKey(p.number) ?? '')).find(Boolean)
        : undefined,
    ],
  ];
  const first = hits.find(([, v]) => v)?.[1];
  if (!first) return undefined;
  return {
    serviceId: s.id,
    row,
    existingId: first.service.id,
    reasons: hits.filter(([, v]) => v?.service.id === first.service.id).map(([r]) => r),
  };
};

/**
 * `findDuplicates` in steps: it pauses (yields) after every `size` records read, so that a
 * caller on the main thread can let the window paint between steps (a 200,000-row plan against
 * a 50,000-service directory is seconds of work).
 */
export function* findDuplicatesStepwise(
  plan: ImportPlan,
  existing: readonly ServiceView[],
  size: number,
): Generator<void, Duplicate[]> {
  const index = yield* duplicateIndex(existing, size);
  // Built in steps too: 200,000 locations in one go is a long task on a loaded machine.
  const locs = new Map<string, Location>();
  for (const [n, l] of plan.locations.entries()) {
    if (n % size === size - 1) yield;
    locs.set(l.id, l);
  }
  const out: Duplicate[] = [];
  for (const [i, s] of plan.services.entries()) {
    if (i % size === size - 1) yield;
    const d = matchService(index, s, plan.serviceRows[i] ?? 0, locs);
    if (d) out.push(d);
  }
  return out;
}

/** `findDuplicates` of a plan read part by part (a plan held by the check worker). */
export const findDuplicatesInParts = (
  parts: Iterable<PlanPart>,
  existing: readonly ServiceView[],
): Duplicate[] => {
  // Against an empty directory nothing matches: no part need be read back.
  if (existing.length === 0) return [];
  const index = runToEnd(duplicateIndex(existing, Infinity));
  const out: Duplicate[] = [];
  for (const part of parts) {
    const locs = new Map(part.locations.map((l) => [l.id, l]));
    for (const [i, s] of part.services.entries()) {
      const d = matchService(index, s, part.serviceRows[i] ?? 0, locs);
      if (d) out.push(d);
    }
  }
  return out;
};

/** Same record (id) merges by default; a look-alike is skipped until the user says otherwise. */
export const defaultDecision = (d: Duplicate): Decision =>
  d.reasons.includes('id') ? 'merge' : 'skip';

type Existing = {
  /**
   * The office writing: a record another office owns is never changed by its import, whatever
   * the file's ids or the decisions say (the merge is refused and counted, an organisation of
   * the same id is left as it is and only linked to).
   */
  office: string;
  /** Services that merges may target, by id. */
  views: ReadonlyMap<string, ServiceView>;
  serviceIds: ReadonlySet<string>;
  organizationsById: ReadonlyMap<string, Organization>;
  organizationsByName: ReadonlyMap<string, Organization>;
  locationIds: ReadonlySet<string>;
};

const union = <T>(a: readonly T[], b: readonly T[], key: (x: T) => string = String) => {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((x) => !seen.has(key(x)))];
};
/** Imported values win where they say something; the existing record keeps the rest. */
const pick = <T extends object>(old: T, next: T): T => {
  const out = { ...old };
  for (const k of Object.keys(next) as (keyof T)[]) {
    const v = next[k];
    if (v !== '' && v !== null && v !== undefined && !Array.isArray(v)) out[k] = v;
  }
  return out;
};

export type WriteSet = {
  organizations: Organization[];
  locations: Location[];
  services: Service[];
  /** `refused`: merges onto another office's service, left unchanged (and not imported). */
  counts: { created: number; merged: number; skipped: number; refused: number };
};

export const applyPlan = (
  plan: ImportPlan,
  duplicates: readonly Duplicate[],
  decisions: ReadonlyMap<string, Decision>,
  existing: Existing,
  ctx: { now: string; newId: () => string },
): WriteSet => {
  const [all] = applyPlanInBatches(plan, duplicates, decisions, existing, ctx, Infinity);
  return all!;
};

/**
 * What `applyPlan` does, one service at a time: `add` turns an imported service (`locs`: its
 * locations by id) into the records to write, `flush` hands over those gathered since the last
 * flush, the organisations with the first, `counts` adding up from flush to flush.
 */
const planApplier = (
  organizationsOfPlan: readonly Organization[],
  duplicates: readonly Duplicate[],
  decisions: ReadonlyMap<string, Decision>,
  existing: Existing,
  ctx: { now: string; newId: () => string },
) => {
  const dupBy = new Map(duplicates.map((d) => [d.serviceId, d]));
  const ours = (r: { office: string }) => r.office === existing.office;
  const orgRemap = new Map<string, string>();
  // By id: an existing organisation is written once, with every identifier the plan brings it.
  const organizations = new Map<string, Organization>();
  for (const o of organizationsOfPlan) {
    const same = existing.organizationsById.get(o.id);
    const target = same ?? existing.organizationsByName.get(normalizeText(o.name));
    if (!target) {
      organizations.set(o.id, o);
      continue;
    }
    if (target.id !== o.id) orgRemap.set(o.id, target.id);
    if (!ours(target)) continue;
    const base = organizations.get(target.id) ?? target;
    const externalIds = mergeExternalIds(base.externalIds, o.externalIds);
    // Found by name, it is written only to add identifiers; found by id, the file's values win.
    if (!same && JSON.stringify(externalIds) === JSON.stringify(base.externalIds)) continue;
    const { externalIds: _kept, ...rest } = same ? pick(base, o) : base;
    organizations.set(target.id, {
      ...rest,
      ...withExternalIds(externalIds),
      id: target.id,
      office: target.office,
      createdAt: target.createdAt,
      updatedAt: ctx.now,
    });
  }
  const orgId = (id: string) => orgRemap.get(id) ?? id;
  const out: WriteSet = {
    organizations: [...organizations.values()],
    locations: [],
    services: [],
    counts: { created: 0, merged: 0, skipped: 0, refused: 0 },
  };
  const flush = (): WriteSet => {
    const batch = { ...out, counts: { ...out.counts } };
    Object.assign(out, { organizations: [], locations: [], services: [] });
    return batch;
  };
  const add = (s: Service, locs: ReadonlyMap<string, Location>): void => {
    const dup = dupBy.get(s.id);
    const decision = dup ? (decisions.get(s.id) ?? defaultDecision(dup)) : 'keep';
    const imported = s.locationIds.flatMap((id) => locs.get(id) ?? []);
    if (decision === 'skip') {
      out.counts.skipped++;
      return;
    }
    const old = dup && decision === 'merge' ? existing.views.get(dup.existingId) : undefined;
    if (old && !ours(old.service)) {
      out.counts.refused++;
      return;
    }
    if (old) {
      // Merged locations: same id, or the imported first one onto the existing first one; one
      // of another office (a shelter handed over) is not changed, the imported one is added.
      const merged = imported.map((l, i) => {
        const found =
          old.locations.find((x) => x.id === l.id) ?? (i === 0 ? old.locations[0] : undefined);
        const target = found && ours(found) ? found : undefined;
        const taken = existing.locationIds.has(l.id) || old.locations.some((x) => x.id === l.id);
        return target
          ? {
              ...pick(target, l),
              address: pick(target.address, l.address),
              id: target.id,
              organizationId: target.organizationId,
              office: target.office,
              createdAt: target.createdAt,
              updatedAt: ctx.now,
            }
          : {
              ...l,
              id: taken ? ctx.newId() : l.id,
              organizationId: old.service.organizationId,
            };
      });
      out.locations.push(...merged);
      const o = old.service;
      out.services.push({
        ...pick(o, s),
        id: o.id,
        office: o.office,
        createdAt: o.createdAt,
        updatedAt: ctx.now,
        organizationId: o.organizationId,
        locationIds: union(
          o.locationIds,
          merged.map((l) => l.id),
        ),
        populations: union(o.populations, s.populations),
        languages: union(o.languages, s.languages),
        phones: union(o.phones, s.phones, (p) => phoneKey(p.number) ?? p.number),
        contacts: union(o.contacts, s.contacts, (c) => normalizeText(c.name)),
        lastVerified: s.lastVerified ?? o.lastVerified,
        ...withExternalIds(mergeExternalIds(o.externalIds, s.externalIds)),
      });
      out.counts.merged++;
      return;
    }
    // Keep both: an id already in the directory gets a fresh one, so nothing is overwritten.
    const fresh = (id: string, taken: boolean) => (taken ? ctx.newId() : id);
    const newLocs = imported.map((l) => ({
      ...l,
      id: fresh(l.id, existing.locationIds.has(l.id)),
      organizationId: orgId(l.organizationId),
    }));
    out.locations.push(...newLocs);
    out.services.push({
      ...s,
      id: fresh(s.id, existing.serviceIds.has(s.id)),
      organizationId: orgId(s.organizationId),
      locationIds: newLocs.map((l) => l.id),
    });
    out.counts.created++;
  };
  return { add, flush };
};

/** Batches of `size` services across `parts`, each part's services with its own locations. */
function* inBatches(
  apply: ReturnType<typeof planApplier>,
  parts: Iterable<Pick<PlanPart, 'services' | 'locations'>>,
  size: number,
): Generator<WriteSet, void> {
  let seen = 0;
  for (const part of parts) {
    const locs = new Map(part.locations.map((l) => [l.id, l]));
    for (const s of part.services) {
      if (seen++ === size) {
        seen = 1;
        yield apply.flush();
      }
      apply.add(s, locs);
    }
  }
  yield apply.flush();
}

/**
 * `applyPlan` for a write in batches: the organisations come with the first batch, then the
 * locations and services of each `size` services of the plan; `counts` adds up from batch to
 * batch (the last one's are the totals). All batches together are what `applyPlan` returns.
 */
export const applyPlanInBatches = (
  plan: ImportPlan,
  duplicates: readonly Duplicate[],
  decisions: ReadonlyMap<string, Decision>,
  existing: Existing,
  ctx: { now: string; newId: () => string },
  size: number,
): Generator<WriteSet, void> =>
  inBatches(planApplier(plan.organizations, duplicates, decisions, existing, ctx), [plan], size);

/**
 * `applyPlanInBatches` of a plan read part by part: the same batches of `size` services, across
 * parts, while only one part's records are live at a time.
 */
export const applyPartsInBatches = (
  plan: PartedPlan,
  duplicates: readonly Duplicate[],
  decisions: ReadonlyMap<string, Decision>,
  existing: Existing,
  ctx: { now: string; newId: () => string },
  size: number,
): Generator<WriteSet, void> =>
  inBatches(
    planApplier(plan.organizations, duplicates, decisions, existing, ctx),
    plan.parts(),
    size,
  );

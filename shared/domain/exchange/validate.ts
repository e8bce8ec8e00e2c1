/**
 * The guard of envelope → guard → restore: every imported row, whatever its format, becomes a
 * draft (plain objects shaped like our records) and is parsed here by the same zod schemas the
 * app stores with. A row with any error contributes nothing; its problems are reported with row,
 * column and reason. Nothing here writes: the plan is shown first.
 */
import type { Location, Organization, Service } from '../directory/schema';
import { locationSchema, organizationSchema, serviceSchema } from '../directory/schema';
import type { ImportPlan, Issue, PlanPart, ProgressFn } from './types';

export type Entity = 'service' | 'location' | 'organization';
export type Path = readonly PropertyKey[];

export type Draft = {
  row: number;
  service: Record<string, unknown>;
  organization: Record<string, unknown>;
  locations: Record<string, unknown>[];
  /** Problems found while reading the row (unknown category, bad area…). */
  issues: Issue[];
};

/** Names the column (or HSDS field) a schema path came from, for the report. */
export type ColumnOf = (entity: Entity, path: Path, locationIndex: number) => string;

type Parsed<T> = { ok: true; value: T } | { ok: false; issues: { path: Path; message: string }[] };

const parseWith = <T>(
  schema: {
    safeParse: (
      v: unknown,
    ) =>
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  v: unknown,
): Parsed<T> => {
  const r = schema.safeParse(v);
  return r.success ? { ok: true, value: r.data } : { ok: false, issues: r.error.issues };
};

const reason = (message: string) =>
  message.startsWith('validation.') ? message : 'validation.invalid';

const valueAt = (obj: unknown, path: Path): string | undefined => {
  let v: unknown = obj;
  for (const k of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v === undefined || v === null
    ? undefined
    : typeof v === 'object'
      ? JSON.stringify(v)
      : String(v);
};

/**
 * The guard, one draft at a time (issue 17): a flat file's rows are read, de-duplicated and
 * checked in one pass, so its drafts are never all held at once. `issue` adds a problem found
 * outside the draft (a duplicate row); `finish` gives the plan, problems in row order.
 */
export const planBuilder = (columnOf: ColumnOf, known: readonly Issue[] = []) => {
  const issues: Issue[] = [...known];
  const rejected = new Set<number>(issues.filter((i) => i.severity === 'error').map((i) => i.row));
  const orgCache = new Map<unknown, Parsed<Organization>>();
  const locCache = new Map<unknown, Parsed<Location>>();
  const organizations = new Map<string, Organization>();
  // Locations, services and rows added since the last `take` (all of them if it is never called);
  // `home`: the part each location went out with (the current one until taken).
  let locations: Location[] = [];
  let services: Service[] = [];
  let serviceRows: number[] = [];
  let borrowed = new Map<string, number>();
  const home = new Map<string, number>();
  let part = 0;
  const seenServices = new Set<string>();

  const cached = <T>(cache: Map<unknown, Parsed<T>>, key: unknown, parse: () => Parsed<T>) => {
    if (typeof key !== 'string') return parse();
    let hit = cache.get(key);
    if (!hit) cache.set(key, (hit = parse()));
    return hit;
  };

  const add = (d: Draft) => {
    const rowIssues: Issue[] = [...d.issues];
    const fail = (entity: Entity, obj: unknown, p: Parsed<unknown>, li = 0) => {
      if (p.ok) return;
      for (const i of p.issues) {
        const column = columnOf(entity, i.path, li);
        const code = reason(i.message);
        // One line per problem: a value failing two checks of one rule (pattern and digit
        // count of a phone) is reported once.
        // A value already refused while reading (not in a closed list) is not reported again.
        if (
          rowIssues.some(
            (x) =>
              x.column === column &&
              (x.code === code || (x.severity === 'error' && d.issues.includes(x))),
          )
        )
          continue;
        rowIssues.push({
          row: d.row,
          column,
          code,
          severity: 'error',
          value: valueAt(obj, i.path),
        });
      }
    };
    const org = cached(orgCache, d.organization.id, () =>
      parseWith<Organization>(organizationSchema, d.organization),
    );
    fail('organization', d.organization, org);
    const locs = d.locations.map((l, li) => {
      const p = cached(locCache, l.id, () => parseWith<Location>(locationSchema, l));
      fail('location', l, p, li);
      return p;
    });
    const svc = parseWith<Service>(serviceSchema, d.service);
    fail('service', d.service, svc);
    if (svc.ok && seenServices.has(svc.value.id))
      rowIssues.push({
        row: d.row,
        column: columnOf('service', ['id'], 0),
        code: 'exchange.issue.duplicateId',
        severity: 'error',
        value: svc.value.id,
      });
    for (const i of rowIssues) issues.push(i);
    if (
      rowIssues.some((i) => i.severity === 'error') ||
      rejected.has(d.row) ||
      !svc.ok ||
      !org.ok
    ) {
      rejected.add(d.row);
    } else {
      organizations.set(org.value.id, org.value);
      for (const [li, l] of locs.entries()) {
        if (!l.ok) continue;
        const id = l.value.id;
        const at = home.get(id);
        if (at === undefined) {
          home.set(id, part);
          locations.push(l.value);
          // A later row naming it finds it in `home`: the cache keeps its id, not its record.
          const key = d.locations[li]!.id;
          if (typeof key === 'string') locCache.set(key, { ok: true, value: { id } as Location });
        } else if (at !== part && !borrowed.has(id)) borrowed.set(id, at);
      }
      seenServices.add(svc.value.id);
      services.push(svc.value);
      serviceRows.push(d.row);
    }
  };

  /**
   * The services added since the last take, with their rows, the locations first named by them
   * and those they borrow from earlier parts (PlanPart): a check can hand its plan over part by
   * part, and none of it stays here. Not called, `finish` gives everything, as before.
   */
  const take = (): PlanPart => {
    const out: PlanPart = { services, serviceRows, locations, borrowed: [...borrowed] };
    services = [];
    serviceRows = [];
    locations = [];
    borrowed = new Map();
    part++;
    return out;
  };

  const finish = (
    source: ImportPlan['source'],
    rowsRead: number,
    organizationsOnly: readonly Record<string, unknown>[] = [],
  ): ImportPlan => {
    for (const o of organizationsOnly) {
      const p = parseWith<Organization>(organizationSchema, o);
      if (p.ok) organizations.set(p.value.id, p.value);
    }
    issues.sort((a, b) => a.row - b.row);
    return {
      source,
      rowsRead,
      organizations: [...organizations.values()],
      locations,
      services,
      serviceRows,
      issues,
      rejectedRows: [...rejected].sort((a, b) => a - b),
    };
  };

  return {
    add,
    issue: (i: Issue) => void issues.push(i),
    take,
    /** Services added since the last take. */
    pending: () => services.length,
    finish,
  };
};

export const buildPlan = (
  drafts: readonly Draft[],
  source: ImportPlan['source'],
  columnOf: ColumnOf,
  extra: { rowsRead: number; issues?: Issue[]; organizationsOnly?: Record<string, unknown>[] },
  progress?: ProgressFn,
): ImportPlan => {
  const plan = planBuilder(columnOf, extra.issues);
  drafts.forEach((d, n) => {
    plan.add(d);
    if (progress && (n + 1) % 2000 === 0) progress(n + 1, drafts.length);
  });
  progress?.(drafts.length, drafts.length);
  return plan.finish(source, extra.rowsRead, extra.organizationsOnly);
};

/**
 * A checked import travels from the worker to the window in parts, so that no single message
 * takes the main thread for long to decode (one message of 200,000 services is a multi-second
 * structured-clone task): each part carries a slice of services with their own locations and
 * source rows, then the head carries the rest of the plan. The window joins them back as they
 * arrive, one short task per part.
 */
import { z } from 'zod';
import type { Location, Organization, Service } from '../directory/schema';
import { locationSchema, organizationSchema, serviceSchema } from '../directory/schema';
import type { ImportPlan, Issue } from './types';
import { IMPORT_FORMATS } from './types';

export type PlanPart = {
  organizations: Organization[];
  locations: Location[];
  services: Service[];
  serviceRows: number[];
  issues: Issue[];
};

/** The plan without its big arrays (they come in parts). */
export type PlanHead = Omit<ImportPlan, keyof PlanPart>;

export const PLAN_PART_SIZE = 500;

/** The locations a part's services point to that `take` still gives (each travels once). */
const locationsOf = (slice: readonly Service[], take: (id: string) => Location | undefined) => {
  const own: Location[] = [];
  for (const s of slice)
    for (const id of s.locationIds) {
      const l = take(id);
      if (l) own.push(l);
    }
  return own;
};

/** Cuts a plan into parts of `size` services (organisations and issues by `size` too). */
export function* splitPlan(
  plan: ImportPlan,
  size: number = PLAN_PART_SIZE,
): Generator<PlanPart, PlanHead> {
  const locs = new Map(plan.locations.map((l) => [l.id, l]));
  const sent = new Set<string>();
  const { organizations, locations, services, serviceRows, issues, ...head } = plan;
  const count = Math.max(services.length, organizations.length, issues.length);
  for (let i = 0; i < count; i += size) {
    const slice = services.slice(i, i + size);
    const own = locationsOf(slice, (id) => {
      const l = locs.get(id);
      if (!l || sent.has(id)) return undefined;
      sent.add(id);
      return l;
    });
    yield {
      organizations: organizations.slice(i, i + size),
      locations: own,
      services: slice,
      serviceRows: serviceRows.slice(i, i + size),
      issues: issues.slice(i, i + size),
    };
  }
  // Locations no service points to (none today) still travel, so nothing is lost on the way.
  const rest = locations.filter((l) => !sent.has(l.id));
  if (rest.length)
    yield { organizations: [], locations: rest, services: [], serviceRows: [], issues: [] };
  return head;
}

/** Collects parts as they come; `finish` gives back the plan as the worker had it. */
export const planJoiner = () => {
  const acc: PlanPart = {
    organizations: [],
    locations: [],
    services: [],
    serviceRows: [],
    issues: [],
  };
  // push in a loop, not push(...part): a spread of thousands of arguments can overflow the stack.
  const append = <T>(to: T[], from: readonly T[]) => {
    for (const x of from) to.push(x);
  };
  return {
    add(part: PlanPart) {
      append(acc.organizations, part.organizations);
      append(acc.locations, part.locations);
      append(acc.services, part.services);
      append(acc.serviceRows, part.serviceRows);
      append(acc.issues, part.issues);
    },
    finish: (head: PlanHead): ImportPlan => ({ ...head, ...acc }),
  };
};

/**
 * The plan given away part by part (issue 17): each part's records are let go here once
 * yielded, so the sender's copy shrinks as the receiver's grows and the plan is held once. The
 * plan passed in is emptied at once (its arrays now belong to the parts). Issues stay behind:
 * the write needs the records, not what was said about rows.
 */
export const drainPlan = (
  plan: ImportPlan,
  size: number = PLAN_PART_SIZE,
): Generator<PlanPart, PlanHead> => {
  const { organizations, locations, services, serviceRows, source, rowsRead, rejectedRows } = plan;
  plan.organizations = [];
  plan.locations = [];
  plan.services = [];
  plan.serviceRows = [];
  plan.issues = [];
  const locs = new Map(locations.map((l) => [l.id, l]));
  return drain(organizations, locs, services, serviceRows, size, {
    source,
    rowsRead,
    rejectedRows,
  });
};

function* drain(
  organizations: Organization[],
  locs: Map<string, Location>,
  services: Service[],
  serviceRows: number[],
  size: number,
  head: PlanHead,
): Generator<PlanPart, PlanHead> {
  const count = Math.max(services.length, organizations.length);
  for (let i = 0; i < count; i += size) {
    const slice = services.slice(i, i + size);
    const own = locationsOf(slice, (id) => {
      const l = locs.get(id);
      locs.delete(id);
      return l;
    });
    const part = {
      organizations: organizations.slice(i, i + size),
      locations: own,
      services: slice,
      serviceRows: serviceRows.slice(i, i + size),
      issues: [],
    };
    // Let go before the part is sent: once cloned to the receiver, this side keeps nothing.
    for (let j = i; j < Math.min(i + size, count); j++) {
      delete services[j];
      delete organizations[j];
    }
    yield part;
  }
  // Locations no service points to (none today) still travel, so nothing is lost on the way.
  if (locs.size)
    yield {
      organizations: [],
      locations: [...locs.values()],
      services: [],
      serviceRows: [],
      issues: [],
    };
  locs.clear();
  return head;
}

export const issueSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  code: z.string().max(200),
  severity: z.enum(['error', 'warning']),
  value: z.string().optional(),
  field: z.string().max(100).optional(),
  allowed: z.array(z.string()).optional(),
  fix: z.string().optional(),
});

/** A part as it crosses a worker boundary: every record passes the directory's own schemas. */
export const planPartSchema = z.object({
  organizations: z.array(organizationSchema),
  locations: z.array(locationSchema),
  services: z.array(serviceSchema),
  serviceRows: z.array(z.number().int().nonnegative()),
  issues: z.array(issueSchema),
});

export const planHeadSchema = z.object({
  source: z.object({
    name: z.string().max(1000),
    format: z.enum(IMPORT_FORMATS),
    encoding: z.string().max(100).optional(),
    delimiter: z.string().max(10).optional(),
    grouped: z.boolean().optional(),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  }),
  rowsRead: z.number().int().nonnegative(),
  rejectedRows: z.array(z.number().int().nonnegative()),
});

/** From the plan's holder to the writer, on the port the window handed to both. */
export const planPortMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('part'), part: planPartSchema }),
  /** The plan's head: the last message of the plan; the write starts on it. */
  z.object({ type: z.literal('write'), head: planHeadSchema }),
]);
export type PlanPortMessage = z.infer<typeof planPortMessageSchema>;

/** From the writer back: one part taken in, send another. */
export const planAckSchema = z.object({ type: z.literal('ack') });

/** Parts unacknowledged at most: the port never queues the whole plan. */
export const PLAN_WINDOW = 4;

/**
 * Sends a plan's parts with backpressure: at most `window` parts out before the receiver
 * acknowledges one, then the head. `stop` ends it (the write was cancelled).
 */
export const planSender = (
  parts: Generator<PlanPart, PlanHead>,
  post: (m: PlanPortMessage) => void,
  window: number = PLAN_WINDOW,
) => {
  let out = 0;
  let over = false;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  const pump = () => {
    while (!over && out < window) {
      const next = parts.next();
      if (next.done) {
        over = true;
        post({ type: 'write', head: next.value });
        finish();
        return;
      }
      out++;
      post({ type: 'part', part: next.value });
    }
  };
  return {
    start: pump,
    ack: () => {
      out = Math.max(0, out - 1);
      pump();
    },
    /** Parts sent and not yet acknowledged. */
    outstanding: () => out,
    stop: () => {
      over = true;
      finish();
    },
    done,
  };
};

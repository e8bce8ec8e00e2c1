/**
 * A checked import travels from the worker to the window in parts, so that no single message
 * takes the main thread for long to decode (one message of 200,000 services is a multi-second
 * structured-clone task): each part carries a slice of services with their own locations and
 * source rows, then the head carries the rest of the plan. The window joins them back as they
 * arrive, one short task per part.
 */
import type { Location, Organization, Service } from '../directory/schema';
import type { ImportPlan, Issue } from './types';

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
    const own: Location[] = [];
    for (const s of slice)
      for (const id of s.locationIds) {
        const l = locs.get(id);
        if (l && !sent.has(id)) {
          sent.add(id);
          own.push(l);
        }
      }
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

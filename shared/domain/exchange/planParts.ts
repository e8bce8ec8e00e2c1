/**
 * A checked plan cut into parts (issue 17): the check worker holds a 200,000-row plan as a
 * hundred compact parts rather than as live records, and the write, the likely duplicates and
 * the report's fixes read it back part by part. Pure; the encoding is the worker's (heldPlan.ts).
 */
import type { ImportPlan, PlanPart } from './types';

/** The plan's records in parts of `size` services (see PlanPart), in plan order. */
export function* planParts(
  plan: Pick<ImportPlan, 'services' | 'serviceRows' | 'locations'>,
  size: number,
): Generator<PlanPart> {
  const locs = new Map(plan.locations.map((l) => [l.id, l]));
  const home = new Map<string, number>();
  for (let start = 0, n = 0; start < plan.services.length || n === 0; start += size, n++) {
    const part: PlanPart = { services: [], serviceRows: [], locations: [], borrowed: [] };
    for (let i = start; i < Math.min(start + size, plan.services.length); i++) {
      const s = plan.services[i]!;
      part.services.push(s);
      part.serviceRows.push(plan.serviceRows[i] ?? 0);
      for (const id of s.locationIds) {
        const at = home.get(id);
        if (at === n) continue;
        if (at !== undefined) {
          if (!part.borrowed.some(([b]) => b === id)) part.borrowed.push([id, at]);
        } else {
          const l = locs.get(id);
          if (!l) continue;
          home.set(id, n);
          part.locations.push(l);
        }
      }
    }
    yield part;
  }
}

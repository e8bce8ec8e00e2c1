import { describe, expect, it } from 'vitest';
import { applyPlan, applyPlanInBatches, findDuplicates } from './duplicates';
import { planHsds } from './importFile';
import { toHsdsJson } from './hsdsWrite';
import { planJoiner, splitPlan } from './planStream';
import type { PlanHead, PlanPart } from './planStream';
import { demoViews, testContext } from './testing';
import type { ImportPlan } from './types';

const demoPlan = (): ImportPlan => {
  const bytes = new TextEncoder().encode(
    JSON.stringify(toHsdsJson(demoViews(), { includeRestricted: true })),
  );
  return planHsds([{ name: 'annuaire.json', bytes }], 'hsds-json', testContext());
};

const drain = (plan: ImportPlan, size: number) => {
  const parts: PlanPart[] = [];
  const it = splitPlan(plan, size);
  for (;;) {
    const n = it.next();
    if (n.done) return { parts, head: n.value as PlanHead };
    parts.push(structuredClone(n.value));
  }
};

describe('the plan in parts, worker → window', () => {
  it('parts of N services, each with its own locations, join back into the same plan', () => {
    const plan = demoPlan();
    plan.issues.push(
      ...Array.from({ length: 25 }, (_, i) => ({
        row: i + 2,
        column: 'x',
        code: 'exchange.issue.required',
        severity: 'error' as const,
      })),
    );
    const { parts, head } = drain(plan, 7);
    expect(parts.length).toBe(Math.ceil(plan.services.length / 7));
    expect(parts.every((p) => p.services.length <= 7 && p.issues.length <= 7)).toBe(true);
    for (const p of parts) {
      const own = new Set(p.locations.map((l) => l.id));
      // A service's locations travel with it (or in an earlier part, when shared).
      expect(p.services.flatMap((s) => s.locationIds).some((id) => own.has(id))).toBe(
        p.locations.length > 0,
      );
    }
    expect(head).not.toHaveProperty('services');
    const join = planJoiner();
    parts.forEach(join.add);
    const back = join.finish(head);
    const byId = <T extends { id: string }>(xs: T[]) =>
      [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect({ ...back, locations: byId(back.locations) }).toEqual({
      ...plan,
      locations: byId(plan.locations),
    });
  });

  it('a plan with no services still sends its issues and head', () => {
    const plan: ImportPlan = {
      ...demoPlan(),
      organizations: [],
      locations: [],
      services: [],
      serviceRows: [],
      issues: [{ row: 2, column: 'a', code: 'x', severity: 'error' }],
      rejectedRows: [2],
    };
    const { parts, head } = drain(plan, 100);
    const join = planJoiner();
    parts.forEach(join.add);
    expect(join.finish(head)).toEqual(plan);
  });
});

describe('applyPlanInBatches', () => {
  it('all batches together are what applyPlan gives, merges and skips included', () => {
    const plan = demoPlan();
    const views = demoViews();
    const dups = findDuplicates(plan, views.slice(0, 5));
    expect(dups.length).toBeGreaterThan(0);
    const decisions = new Map(
      dups.map((d, i) => [d.serviceId, i % 2 ? ('merge' as const) : ('skip' as const)]),
    );
    const existing = {
      views: new Map(views.slice(0, 5).map((v) => [v.service.id, v])),
      serviceIds: new Set(views.slice(0, 5).map((v) => v.service.id)),
      organizationsById: new Map(),
      organizationsByName: new Map(),
      locationIds: new Set<string>(),
    };
    let n = 0;
    const ctx = () => ({ now: '2026-12-02T00:00:00.000Z', newId: () => `id-${++n}` });
    const whole = applyPlan(plan, dups, decisions, existing, ctx());
    n = 0;
    const batches = [...applyPlanInBatches(plan, dups, decisions, existing, ctx(), 4)];
    expect(batches.length).toBe(Math.ceil(plan.services.length / 4));
    expect(batches.slice(1).every((b) => b.organizations.length === 0)).toBe(true);
    expect({
      organizations: batches.flatMap((b) => b.organizations),
      locations: batches.flatMap((b) => b.locations),
      services: batches.flatMap((b) => b.services),
      counts: batches.at(-1)!.counts,
    }).toEqual(whole);
    // Counts add up batch by batch: each one covers 4 more services of the plan.
    expect(batches.map((b) => b.counts.created + b.counts.merged + b.counts.skipped)).toEqual(
      batches.map((_, i) => Math.min(4 * (i + 1), plan.services.length)),
    );
  });
});

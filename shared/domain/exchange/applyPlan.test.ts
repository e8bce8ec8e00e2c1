import { describe, expect, it } from 'vitest';
import { applyPlan, applyPlanInBatches, findDuplicates } from './duplicates';
import { planHsds } from './importFile';
import { toHsdsJson } from './hsdsWrite';
import { demoViews, testContext } from './testing';
import type { ImportPlan } from './types';

const demoPlan = (): ImportPlan => {
  const bytes = new TextEncoder().encode(
    JSON.stringify(toHsdsJson(demoViews(), { includeRestricted: true })),
  );
  return planHsds([{ name: 'annuaire.json', bytes }], 'hsds-json', testContext());
};

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
      office: 'BKO',
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

describe('applyPlan: what another office owns is never changed', () => {
  it('a merge keeps off another office’s service, organisation and location', () => {
    const views = demoViews().slice(0, 2);
    const [mine, theirs] = views;
    // SEG owns the second service, its organisation, and the location of the first (a shelter
    // handed over): BKO's import may merge into its own service only, and adds its own place.
    const seg = <T extends { office: string }>(r: T): T => ({ ...r, office: 'SEG' });
    const theirView = {
      service: seg(theirs!.service),
      organization: seg(theirs!.organization!),
      locations: theirs!.locations.map(seg),
    };
    const myView = { ...mine!, locations: mine!.locations.map(seg) };
    const plan = demoPlan();
    plan.services = plan.services.filter(
      (s) => s.id === mine!.service.id || s.id === theirs!.service.id,
    );
    const dups = findDuplicates(plan, [myView, theirView]);
    expect(dups).toHaveLength(2);
    const decisions = new Map(dups.map((d) => [d.serviceId, 'merge' as const]));
    let n = 0;
    const out = applyPlan(
      plan,
      dups,
      decisions,
      {
        office: 'BKO',
        views: new Map([myView, theirView].map((v) => [v.service.id, v])),
        serviceIds: new Set([mine!.service.id, theirs!.service.id]),
        organizationsById: new Map([[theirView.organization.id, theirView.organization]]),
        organizationsByName: new Map(),
        locationIds: new Set([...myView.locations, ...theirView.locations].map((l) => l.id)),
      },
      {
        now: '2026-12-02T00:00:00.000Z',
        newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
      },
    );
    expect(out.counts).toMatchObject({ merged: 1, refused: 1 });
    expect(out.services.map((s) => s.id)).toEqual([mine!.service.id]);
    expect(out.organizations.some((o) => o.id === theirView.organization.id)).toBe(false);
    const segPlaces = new Set(myView.locations.map((l) => l.id));
    expect(out.locations.length).toBeGreaterThan(0);
    expect(out.locations.every((l) => !segPlaces.has(l.id) && l.office === 'BKO')).toBe(true);
    expect(out.services[0]!.locationIds).toEqual(
      expect.arrayContaining([...segPlaces, ...out.locations.map((l) => l.id)]),
    );
  });
});

/** Demo shelters the capacity specs work on (names and ids are fixed by the demo's seed). */
import type { Page } from '@playwright/test';
import { generateDemoDirectory } from '../../shared/domain/directory/demo';
import { goTo } from './helpers';

export const demo = generateDemoDirectory({ office: 'BKO', now: '2026-03-02T08:00:00.000Z' });
const bamakoLocations = new Set(
  demo.locations.filter((l) => l.address.adminAreaCode === 'ML-BKO').map((l) => l.id),
);

/** A demo shelter in Bamako that takes women. */
export const SHELTER = demo.services
  .filter(
    (s) =>
      s.category === 'shelter' &&
      s.populations.includes('women') &&
      s.locationIds.some((id) => bamakoLocations.has(id)),
  )
  .map((s) => s.name)
  .sort()[0]!;

export const nav = (page: Page, name: string) => goTo(page, name);

/** What the map specs share: setting up, opening the map, reading what its canvas drew. */
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { completeSetup } from './helpers';

/** What the marker canvas says it drew (data-markers), container-relative pixels. */
export type Marker = {
  lat: number;
  lon: number;
  x: number;
  y: number;
  cluster?: number;
  service?: string;
  restricted?: boolean;
  /** A shelter's bed badge (capacity): its text and its colour's meaning. */
  beds?: string;
  tone?: string;
};

export const setUp = async (page: Page, demo: boolean) => {
  await completeSetup(page, { demo });
  // Setup moves to #/directory once everything (demo included) is stored.
  await expect(page).toHaveURL(/#\/directory$/);
};

export const mapRegion = (page: Page) => page.getByRole('region', { name: 'Carte des services' });
export const markers = async (page: Page): Promise<Marker[]> =>
  JSON.parse((await page.locator('canvas.map-markers').getAttribute('data-markers')) ?? '[]');
export const drawnTotal = (ms: Marker[]) => ms.reduce((sum, m) => sum + (m.cluster ?? 1), 0);
export const listCount = (page: Page) =>
  page
    .getByRole('status')
    .filter({ hasText: /services?$/ })
    .innerText()
    .then((s) => Number(s.replace(/\D/g, '')));

export const openMap = async (page: Page) => {
  await page.getByRole('navigation').getByRole('link', { name: 'Carte', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Carte des services' })).toBeVisible();
  await expect(page.locator('canvas.map-markers')).toHaveAttribute('data-markers', /.*/);
};

/**
 * Clicks markers until a popup opens: a cluster zooms in when clicked, or, when its services
 * share one spot (restricted places at their region's centre), lists them in a popup.
 */
export const openSomePopup = async (page: Page, region = mapRegion(page)) => {
  const popup = page.locator('.leaflet-popup');
  for (let i = 0; i < 6; i++) {
    const drawn = await markers(page);
    const target = drawn.find((m) => m.service) ?? drawn.find((m) => m.cluster);
    if (!target) throw new Error('no marker drawn');
    const before = JSON.stringify(drawn);
    await region.click({ position: { x: target.x, y: target.y } });
    await expect
      .poll(async () => (await popup.count()) > 0 || JSON.stringify(await markers(page)) !== before)
      .toBe(true);
    if ((await popup.count()) > 0) return;
  }
  throw new Error('no popup opened');
};

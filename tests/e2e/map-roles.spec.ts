/**
 * The map with accounts (issues 3 and 7): restricted places are drawn where they are for roles
 * allowed to see them, and their true coordinates never reach the map for the others.
 */
import { expect, test } from '@playwright/test';
import { ADMIN, login, logout, ownPassword, switchToNewUser, goTo } from './helpers';
import { mapRegion, markers, openMap, openSomePopup, setUp } from './mapHelpers';

/** Playwright makes the folder. */
const SHOTS = '/tmp/shots-capacity-roles';

test('restricted places: where they are for the administrator, never at their true coordinates for a viewer', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await setUp(page, true);
  const segouShelters = async () => {
    await page.getByLabel('Catégorie', { exact: true }).selectOption('shelter');
    await page.getByLabel('Région', { exact: true }).selectOption({ label: 'Ségou' });
  };
  await segouShelters();
  const table = page.getByRole('table', { name: 'Annuaire des services' });
  const name = await table.getByRole('link').first().innerText();
  await table.getByRole('link').first().click();
  await expect(page.getByText('Restreinte')).toBeVisible();
  const id = page.url().split('/').pop()!;
  // The administrator may see restricted places (permissions.ts): the detail gives the point…
  const [trueLat, trueLon] = (await page.getByText(/^\d+\.\d{5}, -\d+\.\d{5}$/).innerText())
    .split(', ')
    .map(Number);

  // …and the map draws it there, not at the region's centre.
  await openMap(page);
  await page.getByLabel('Rechercher').fill(name);
  await expect
    .poll(async () => (await markers(page)).find((m) => m.service === id))
    .toMatchObject({ restricted: false });
  const own = (await markers(page)).find((m) => m.service === id)!;
  expect(own.lat).toBeCloseTo(trueLat!, 4);
  expect(own.lon).toBeCloseTo(trueLon!, 4);
  await expect(page.getByRole('status').filter({ hasText: 'sur la carte' })).not.toContainText(
    'centre de leur région',
  );
  await page.getByLabel('Rechercher').fill('');
  await page.screenshot({ path: `${SHOTS}/map-administrator-segou.png`, fullPage: true });

  // A viewer has no such right: the same shelters stand at Ségou's centre.
  await switchToNewUser(page, 'viewer');
  await openMap(page);
  await segouShelters();
  await expect(page.getByRole('status').filter({ hasText: 'sur la carte' })).toContainText(
    'placés au centre de leur région',
  );
  await expect.poll(async () => (await markers(page)).length).toBeGreaterThan(0);
  for (const m of await markers(page)) {
    // Every shelter of Ségou is drawn at Ségou's centre (areas.ts), never elsewhere; a cluster
    // of them sits there too, give or take supercluster's projection round trip.
    expect(m.lat).toBeCloseTo(13.59, 5);
    expect(m.lon).toBeCloseTo(-5.52, 5);
  }
  const html = await mapRegion(page).evaluate((el) => el.outerHTML);
  for (const v of [trueLat!, trueLon!]) {
    expect(html).not.toContain(String(v));
    expect(html).not.toContain(v.toFixed(4));
  }
  await openSomePopup(page);
  await expect(page.locator('.leaflet-popup')).toContainText('Adresse protégée');
  // A viewer has the directory only: no beds in the popup, the legend or the filters.
  await expect(page.locator('.leaflet-popup')).not.toContainText('mis à jour');
  await expect(page.getByText('Hébergement : nombre de lits libres')).toHaveCount(0);
  await expect(page.getByLabel('Lit libre pour')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/map-viewer-segou.png` });

  // "hidden", set by the administrator: the viewer does not see them at all.
  await logout(page);
  await login(page, ADMIN.username, ADMIN.password);
  await goTo(page, 'Paramètres');
  await page.getByLabel('Ne pas les montrer sur la carte').check();
  await page.getByRole('button', { name: 'Enregistrer les préférences de la carte' }).click();
  await expect(page.getByText('Préférences de la carte enregistrées.')).toBeVisible();
  await logout(page);
  await login(page, 'viewer', ownPassword('viewer'));
  await openMap(page);
  await segouShelters();
  await expect(page.getByRole('status').filter({ hasText: 'sur la carte' })).toContainText(
    /Aucun lieu sur la carte · \d+ lieux? restreints? masqués?/,
  );
  await expect.poll(async () => (await markers(page)).length).toBe(0);
});

import { expect, test } from '@playwright/test';
import { goTo } from './helpers';
import {
  drawnTotal,
  listCount,
  mapRegion,
  markers,
  openMap,
  openSomePopup,
  setUp,
} from './mapHelpers';

test('the map follows the list’s filters, and a marker leads to its service', async ({ page }) => {
  await setUp(page, true);
  await page.getByLabel('Catégorie', { exact: true }).selectOption('medical');
  const medical = await listCount(page);
  expect(medical).toBeGreaterThan(5);

  await openMap(page);
  await expect(mapRegion(page)).toBeVisible();
  await expect(page.getByLabel('Catégorie', { exact: true })).toHaveValue('medical');
  await expect(page.getByRole('status').filter({ hasText: 'sur la carte' })).toHaveText(
    `${medical} lieux sur la carte`,
  );
  await expect.poll(async () => drawnTotal(await markers(page))).toBe(medical);

  // A filter changed on the map narrows the list too.
  await page.getByLabel('Région', { exact: true }).selectOption({ label: 'Ségou' });
  const inSegou = page.getByRole('list', { name: /dans la vue/ }).getByRole('listitem');
  await expect.poll(async () => drawnTotal(await markers(page))).toBeLessThan(medical);
  const onMap = drawnTotal(await markers(page));
  await expect(inSegou).toHaveCount(onMap);

  await openSomePopup(page);
  const popup = page.locator('.leaflet-popup');
  await expect(popup).toContainText('Soins médicaux');
  await expect(popup).toContainText('Téléphone');
  const name = await popup.locator('.map-popup-name').first().innerText();
  await popup
    .getByRole('link', { name: /Voir la fiche/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { name })).toBeVisible();

  await page.getByRole('link', { name: 'Annuaire', exact: true }).click();
  await expect(page.getByLabel('Région', { exact: true })).toHaveValue('ML-4');
  expect(await listCount(page)).toBe(onMap);
});

test('a name written as HTML stays text; picking on the map fills the coordinates; a region click filters', async ({
  page,
}) => {
  const xss = '<img src=x onerror=alert(1)>';
  page.on('dialog', (d) => {
    throw new Error(`a dialog opened: ${d.message()}`);
  });
  await setUp(page, false);
  await page.getByRole('link', { name: 'Ajouter un service' }).click();
  await page.getByLabel('Nom du service').fill(xss);
  await page.getByLabel('Organisation').fill('Association test');
  await page.getByLabel('Région', { exact: true }).selectOption('ML-BKO');
  const picker = page.getByRole('region', { name: 'Carte pour placer le service' });
  await expect(picker).toBeVisible();
  const box = (await picker.boundingBox())!;
  await picker.click({ position: { x: box.width / 2, y: box.height / 2 } });
  const lat = Number(await page.getByLabel('Latitude').inputValue());
  const lon = Number(await page.getByLabel('Longitude').inputValue());
  // Bamako's box is 12.54–12.71 N, 8.07–7.93 W: the click landed in it, no warning.
  expect(lat).toBeGreaterThan(12.54);
  expect(lat).toBeLessThan(12.71);
  expect(lon).toBeGreaterThan(-8.07);
  expect(lon).toBeLessThan(-7.93);
  await expect(page.getByText('semble hors de la région')).toHaveCount(0);
  await page.getByLabel('Longitude').fill(String(lat));
  await page.getByLabel('Latitude').fill(String(lon));
  await expect(page.getByText('latitude et longitude semblent inversées')).toBeVisible();
  await page.getByLabel('Latitude').fill('12.6392');
  await page.getByLabel('Longitude').fill('-8.0029');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { name: xss })).toBeVisible();

  await openMap(page);
  await openSomePopup(page);
  const popup = page.locator('.leaflet-popup');
  await expect(popup.locator('.map-popup-name')).toHaveText(xss);
  await expect(popup.locator('img')).toHaveCount(0);
  await expect(page.locator('main img')).toHaveCount(0);
  await expect(page.getByRole('list', { name: /dans la vue/ })).toContainText(xss);

  // Closing the popup is only that; then a click on Ségou filters to it and frames it.
  await page.locator('.leaflet-popup-close-button').click();
  const label = page.locator('.map-label-region', { hasText: 'Ségou' });
  const map = (await mapRegion(page).boundingBox())!;
  const at = (await label.boundingBox())!;
  await mapRegion(page).click({
    position: { x: at.x - map.x + at.width / 2, y: at.y - map.y + at.height / 2 },
  });
  await expect(page.getByLabel('Région', { exact: true })).toHaveValue('ML-4');
  await expect(page.getByRole('status').filter({ hasText: 'sur la carte' })).toHaveText(
    'Aucun lieu sur la carte',
  );
  await expect
    .poll(async () => {
      const b = (await label.boundingBox())!;
      return Math.abs(b.x + b.width / 2 - (map.x + map.width / 2)) < map.width / 4;
    })
    .toBe(true);
});

test('the map renders with the network blocked, tiles failing under it', async ({
  page,
  context,
}) => {
  const refused: string[] = [];
  await context.route('**', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    refused.push(url.href);
    return route.abort('internetdisconnected');
  });
  await setUp(page, true);
  await goTo(page, 'Paramètres');
  await page.getByLabel('Afficher un fond de carte en ligne (tuiles)').check();
  await page.getByRole('button', { name: 'Enregistrer les préférences de la carte' }).click();
  await expect(page.getByText('Préférences de la carte enregistrées.')).toBeVisible();

  await openMap(page);
  await expect(page.getByText('Les tuiles en ligne ne se chargent pas')).toBeVisible();
  expect(refused.some((u) => u.startsWith('https://tile.openstreetmap.org/'))).toBe(true);
  // The offline basemap: country and region shapes, and names, still drawn.
  await expect
    .poll(() => mapRegion(page).locator('.leaflet-passerelle-base-pane path').count())
    .toBeGreaterThan(2);
  await expect(page.locator('.map-label-profile', { hasText: 'Mali' })).toBeVisible();
  await expect(page.locator('.map-label-country', { hasText: 'Sénégal' })).toBeVisible();
  await expect(page.getByText('Tuiles © contributeurs OpenStreetMap')).toBeVisible();
  await expect.poll(async () => drawnTotal(await markers(page))).toBeGreaterThan(100);
});

test('near here: by right-click on the map, and from a service’s page', async ({ page }) => {
  await setUp(page, true);
  await openMap(page);
  await page
    .getByRole('button', { name: 'Services les plus proches du centre de la carte' })
    .click();
  const near = page.getByRole('list', { name: 'Les plus proches du point marqué' });
  await expect(near.getByRole('listitem')).toHaveCount(20);
  const km = async () =>
    (await near.locator('.map-distance').allInnerTexts()).map((text) => {
      const v = Number(text.replace(/[^\d,]/g, '').replace(',', '.'));
      return text.trim().endsWith('km') ? v : v / 1000;
    });
  const first = await km();
  expect(first.every((v, i) => i === 0 || v >= first[i - 1]!)).toBe(true);
  await page.getByRole('button', { name: 'Fermer cette liste' }).click();

  // A right-click in Ségou, just under its centre (the label's top), ranks what is there first.
  const label = page.locator('.map-label-region', { hasText: 'Ségou' });
  const map = (await mapRegion(page).boundingBox())!;
  const at = (await label.boundingBox())!;
  await mapRegion(page).click({
    button: 'right',
    position: { x: at.x - map.x + at.width / 2, y: at.y - map.y },
  });
  await expect(near.getByRole('listitem').first()).toContainText(/\d\s(km|m)(?![a-z])/);
  expect((await km())[0]).toBeLessThan(60);

  await near.getByRole('link').first().click();
  const panel = page.getByRole('list', { name: 'Services proches de celui-ci' });
  await expect(panel.getByRole('listitem')).toHaveCount(8);
  await expect(panel.locator('.map-distance').first()).toHaveText(
    /^(≈\s)?[\d\s,]+(km|m)$|au même centre de région/,
  );
  await page.getByLabel('Catégorie', { exact: true }).selectOption('legal_aid');
  await expect(panel.getByRole('listitem').first()).toContainText('Aide juridique');
});

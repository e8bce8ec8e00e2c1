/**
 * Capacity with accounts and the map (issues 4, 7, 3): a shelter manager an administrator made
 * updates their own shelter and no other; the map's badge and popup follow their saves.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { SHELTER, demo, nav } from './demoShelters';
import { completeSetup, createUser, firstLogin, logout } from './helpers';
import { markers } from './mapHelpers';

/** Playwright makes the folder. */
const SHOTS = '/tmp/shots-capacity-roles';

const LABELS = {
  women: 'Femmes',
  men: 'Hommes',
  girls: 'Filles',
  boys: 'Garçons',
  families: 'Familles',
};
const mine = demo.services.find((s) => s.name === SHELTER)!;
const counted = mine.populations.flatMap((p) =>
  p in LABELS ? [LABELS[p as keyof typeof LABELS]] : [],
);
/** Another demo shelter, not assigned to the manager. */
const OTHER = demo.services.find(
  (s) => s.category === 'shelter' && s.id !== mine.id && s.populations.includes('women'),
)!;

/** What the marker canvas drew for one service. */
const drawnFor = async (page: Page, serviceId: string) =>
  (await markers(page)).find((m) => m.service === serviceId);

/** Every population counted full (10 of 10) but women, who keep `freeWomen` beds free. */
const setBeds = async (page: Page, freeWomen: number) => {
  await nav(page, 'Places');
  await expect(page.getByRole('heading', { name: SHELTER })).toBeVisible();
  for (const label of counted) {
    await page.getByLabel(`Lits au total — ${label}`).fill('10');
    await page.getByLabel(`Lits hors service — ${label}`).fill('0');
    await page
      .getByLabel(`Lits occupés — ${label}`)
      .fill(String(label === 'Femmes' ? 10 - freeWomen : 10));
  }
  await page.getByLabel(/^Statut de l/).selectOption('open');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Places enregistrées' })).toBeVisible();
};

/** The map, narrowed to the manager's shelter by its name; its marker and its popup. */
const shelterOnMap = async (page: Page) => {
  await nav(page, 'Carte');
  await expect(page.getByRole('heading', { name: 'Carte des services' })).toBeVisible();
  await page.getByLabel('Rechercher').fill(SHELTER);
  // The search also finds its synonyms' namesakes ("foyer d'hébergement" for "centre
  // d'accueil"): the side list's button centres the map on this shelter and opens its popup.
  await page.getByRole('button', { name: `Afficher sur la carte : ${SHELTER}` }).click();
  await expect.poll(async () => (await drawnFor(page, mine.id))?.beds).toBeDefined();
  const marker = (await drawnFor(page, mine.id))!;
  const popup = page.locator('.leaflet-popup');
  await expect(popup.locator('.map-popup-name')).toHaveText(SHELTER);
  return { marker, popup };
};

test('a shelter manager made by the administrator edits only their shelter; the map’s badge and popup follow', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await completeSetup(page, { demo: true });
  expect(counted).toContain('Femmes');
  await createUser(page, {
    username: 'mariam',
    displayName: 'Mariam Traoré',
    role: 'shelter_manager',
    shelters: [SHELTER],
  });
  await logout(page);
  await firstLogin(page, 'mariam');

  // Their shelter, straight away: no choice of shelters to make, none to pick from.
  await nav(page, 'Places');
  await expect(page.getByRole('heading', { name: SHELTER })).toBeVisible();
  await expect(page.getByText('Les hébergements qui vous sont confiés.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Choisir mes hébergements' })).toHaveCount(0);
  await expect(page.getByLabel('Hébergement', { exact: true })).toHaveCount(0);
  await setBeds(page, 3);
  await page.screenshot({ path: `${SHOTS}/manager.png`, fullPage: true });

  // The map: the badge says 3, the popup gives beds per population and their age.
  let { marker, popup } = await shelterOnMap(page);
  expect(marker).toMatchObject({ beds: '3', tone: 'free' });
  await expect(popup).toContainText('Femmes : 3 lits libres');
  await expect(popup).toContainText('mis à jour maintenant par Mariam Traoré');
  await expect(page.getByText('Hébergement : nombre de lits libres')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/map-popup.png` });
  // "Free bed for women" keeps it on the map, as on the list.
  await page.getByLabel('Lit libre pour').selectOption('women');
  await expect.poll(async () => (await drawnFor(page, mine.id))?.beds).toBe('3');

  // Full: the badge turns to 0, and the free-bed filter leaves it out.
  await page.getByLabel('Lit libre pour').selectOption('');
  await setBeds(page, 0);
  ({ marker, popup } = await shelterOnMap(page));
  expect(marker).toMatchObject({ beds: '0', tone: 'full' });
  await expect(popup).toContainText('Femmes : aucun lit libre');
  await expect(popup).toContainText('Complet');
  await page.getByLabel('Lit libre pour').selectOption('women');
  await expect(page.getByRole('status').filter({ hasText: 'sur la carte' })).toHaveText(
    'Aucun lieu sur la carte',
  );
  await page.getByLabel('Lit libre pour').selectOption('');

  // Another shelter: figures to read, nothing to change, by the menu or the address bar.
  await page.goto(`./#/capacity/${OTHER.id}`);
  await expect(page.getByRole('heading', { name: OTHER.name })).toBeVisible();
  await expect(page.getByText(/Cet hébergement ne vous est pas confié/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enregistrer' })).toHaveCount(0);
  await expect(page.getByRole('spinbutton')).toHaveCount(0);
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/manager-other-shelter.png`, fullPage: true });
  await page.goto(`./#/services/${OTHER.id}`);
  await expect(page.getByRole('heading', { name: OTHER.name })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Places' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Mettre à jour les places' })).toHaveCount(0);
  await page.goto(`./#/services/${mine.id}`);
  await page.getByRole('link', { name: 'Mettre à jour les places' }).click();
  await expect(page.getByRole('heading', { name: SHELTER })).toBeVisible();
});

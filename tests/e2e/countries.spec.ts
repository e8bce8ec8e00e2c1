/**
 * The demo follows the chosen country (issue 18): an office set up in Mozambique or Bahrain
 * gets that country's fictional directory and beds, and finds a shelter with a free bed for
 * girls in one of its provinces / governorates, on the list and on the map.
 * (The setup runs in French here; the lead switches it to Portuguese / Arabic after the merge
 * of the i18n branch.)
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { profileFor } from '../../shared/domain/directory/areas';
import { ADMIN } from './helpers';
import { markers, openMap } from './mapHelpers';

const setUpIn = async (page: Page, country: string, office: string, code: string) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Passerelle' })).toBeVisible();
  await page.getByLabel('Pays').selectOption(country);
  await page.getByLabel('Nom du bureau').fill(office);
  await page.getByLabel('Code du bureau').fill(code);
  await page.getByLabel('Votre nom').fill('Ana Coordenadora');
  await page.getByLabel('Nom d’utilisateur').fill(ADMIN.username);
  await page.getByLabel('Mot de passe', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Confirmer le mot de passe').fill(ADMIN.password);
  await page.getByLabel(/données de démonstration/).check();
  await page.getByRole('button', { name: 'Commencer' }).click();
  await expect(page.getByRole('heading', { name: 'Annuaire des services' })).toBeVisible();
  await expect(page).toHaveURL(/#\/directory$/);
};

const rowsOf = (page: Page) =>
  page.getByRole('table', { name: 'Annuaire des services' }).getByRole('row');

/** Free bed for girls, then the first shelter's area chosen in the area filter. */
const findGirlsBed = async (page: Page, country: string) => {
  const profile = profileFor(country)!;
  await page.getByLabel('Lit libre pour').selectOption({ label: 'Filles' });
  const first = rowsOf(page).nth(1);
  await expect(first).toBeVisible();
  const link = first.getByRole('link');
  const name = (await link.innerText()).trim();
  const id = (await link.getAttribute('href'))!.split('/').pop()!;
  const areaCell = (await first.getByRole('cell').nth(2).locator('bdi').innerText()).trim();
  const area = profile.areas.find((a) => a.name === areaCell)!;
  expect(area, `${areaCell} is a first-level area of ${country}`).toBeDefined();

  // The same shelter when the list is narrowed to its province / governorate.
  await page.getByLabel('Région', { exact: true }).selectOption(area.code);
  await expect(rowsOf(page).filter({ hasText: name })).toHaveCount(1);
  for (const row of await rowsOf(page).all())
    if ((await row.getByRole('cell').count()) > 0)
      await expect(row.getByRole('cell').nth(2)).toContainText(area.name);

  // And on the map, with the same filters: the shelter itself, drawn inside that area's box
  // (the map frames the chosen area, so it stands apart from the country's other services).
  await openMap(page);
  await expect.poll(async () => (await markers(page)).some((m) => m.service === id)).toBe(true);
  const own = (await markers(page)).find((m) => m.service === id)!;
  const [s, w, n, e] = area.bbox;
  expect(own.lat >= s && own.lat <= n && own.lon >= w && own.lon <= e).toBe(true);
  return { name, area };
};

test('Mozambique: Portuguese demo, a free bed for girls in a province, on the list and the map', async ({
  page,
}) => {
  await setUpIn(page, 'MZ', 'Direcção Provincial de Género, Criança e Acção Social', 'PEM');
  // The Portuguese demo, not Mali's.
  await expect(page.getByRole('link', { name: /^Casa de Acolhimento / }).first()).toBeVisible();
  await expect(page.getByText(/Ségou|Bamako/)).toHaveCount(0);
  const { area } = await findGirlsBed(page, 'MZ');
  expect(area.code).toMatch(/^MZ-/);
});

test('Bahrain: Arabic demo, a free bed for girls in a governorate, on the list and the map', async ({
  page,
}) => {
  await setUpIn(page, 'BH', 'National Referral Mechanism Office', 'MNM');
  await expect(page.getByRole('link', { name: /دار إيواء|مركز إيواء/ }).first()).toBeVisible();
  const { area } = await findGirlsBed(page, 'BH');
  expect(area.code).toMatch(/^BH-/);
});

test('an administrator adds a district, refused a deprecated code, and filters by it', async ({
  page,
}) => {
  await setUpIn(page, 'MZ', 'Direcção Provincial de Cabo Delgado', 'PEM');
  await page.getByRole('navigation').getByRole('link', { name: 'Paramètres', exact: true }).click();
  const form = page.getByRole('form', { name: 'Ajouter la zone' });
  // A code ISO withdrew is refused, with the reason.
  await form.getByLabel('Nom', { exact: true }).fill('FATA');
  await form.getByLabel('Niveau').selectOption('1');
  await form.getByLabel('Code ISO 3166-2 (facultatif)').fill('PK-TA');
  await form.getByRole('button', { name: 'Ajouter la zone' }).click();
  await expect(form.getByRole('alert')).toContainText('2019');
  // A district under Cabo Delgado, with its P-code.
  await form.getByLabel('Nom', { exact: true }).fill('Distrito de Ensaio');
  await form.getByLabel('Niveau').selectOption('2');
  await form.getByLabel('Code ISO 3166-2 (facultatif)').fill('');
  await form.getByLabel('Région / province de rattachement').selectOption('MZ-P');
  await form.getByLabel('P-code OCHA (facultatif)').fill('MZ0199');
  await form.getByRole('button', { name: 'Ajouter la zone' }).click();
  await expect(page.getByText('Zone « Distrito de Ensaio » ajoutée.')).toBeVisible();

  await page.getByRole('navigation').getByRole('link', { name: 'Annuaire', exact: true }).click();
  await page.getByLabel('Région', { exact: true }).selectOption('MZ-P');
  const district = page.getByLabel('Cercle / district', { exact: true });
  await expect(district.getByRole('option', { name: 'Distrito de Ensaio' })).toHaveCount(1);
  await expect(district.getByRole('option', { name: 'Cidade De Pemba' })).toHaveCount(1);
  // The demo's Pemba services carry their district: filtering by it keeps them.
  await district.selectOption('MZ0104');
  await expect(rowsOf(page).nth(1)).toContainText('Pemba');
});

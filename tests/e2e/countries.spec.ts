/**
 * The demo follows the chosen country (issue 18): an office set up in Portuguese for Mozambique,
 * or in Arabic for Bahrain, gets that country's fictional directory and beds, and finds a
 * shelter with a free bed for girls in one of its provinces / governorates, on the list and on
 * the map. Every label is read from the catalogue of the language being used.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { areaName, profileFor } from '../../shared/domain/directory/areas';
import { catalogues } from '../../shared/i18n/catalogues';
import type { Locale } from '../../shared/i18n/define';
import { ADMIN, goTo } from './helpers';
import { markers } from './mapHelpers';

type Label = keyof (typeof catalogues)['fr'];
const say = (locale: Locale, key: Label) => catalogues[locale][key];

const setUpIn = async (
  page: Page,
  locale: Locale,
  country: string,
  office: string,
  code: string,
) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: say('fr', 'setup.title') })).toBeVisible();
  // The language first, on the setup screen itself.
  await page.getByLabel(say('fr', 'language.label'), { exact: true }).selectOption(locale);
  await expect(page.getByRole('heading', { name: say(locale, 'setup.title') })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await page.getByLabel(say(locale, 'setup.country'), { exact: true }).selectOption(country);
  await page.getByLabel(say(locale, 'setup.officeName')).fill(office);
  await page.getByLabel(say(locale, 'setup.officeCode')).fill(code);
  await page.getByLabel(say(locale, 'setup.userName')).fill('Ana Coordenadora');
  await page.getByLabel(say(locale, 'accounts.username')).fill(ADMIN.username);
  await page.getByLabel(say(locale, 'accounts.password'), { exact: true }).fill(ADMIN.password);
  await page.getByLabel(say(locale, 'accounts.confirm')).fill(ADMIN.password);
  await page.getByRole('checkbox', { name: say(locale, 'setup.demoCountry') }).check();
  await page.getByRole('button', { name: say(locale, 'setup.start') }).click();
  await expect(page.getByRole('heading', { name: say(locale, 'directory.title') })).toBeVisible();
  await expect(page).toHaveURL(/#\/directory$/);
};

const rowsOf = (page: Page, locale: Locale) =>
  page.getByRole('table', { name: say(locale, 'directory.title') }).getByRole('row');

/** Free bed for girls, then the first shelter's area chosen in the area filter. */
const findGirlsBed = async (page: Page, locale: Locale, country: string) => {
  const profile = profileFor(country)!;
  await page
    .getByLabel(say(locale, 'filters.freeBedFor'))
    .selectOption({ label: say(locale, 'population.girls') });
  const first = rowsOf(page, locale).nth(1);
  await expect(first).toBeVisible();
  const link = first.getByRole('link');
  const name = (await link.innerText()).trim();
  const id = (await link.getAttribute('href'))!.split('/').pop()!;
  const options = await page
    .getByLabel(say(locale, 'filters.region'), { exact: true })
    .locator('option')
    .evaluateAll((os) =>
      os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })),
    );
  const areaCell = (await first.getByRole('cell').nth(2).locator('bdi').innerText()).trim();
  // The list names the area exactly as the filter does: in the interface language where a
  // sourced name exists (الشمالية, not the file's "Nord"), never in another language.
  const code = options.find((o) => o.text.trim() === areaCell)?.value;
  const area = profile.areas.find((a) => a.code === code)!;
  expect(
    area,
    `${areaCell} is a first-level area of ${country}, named as the filter names it`,
  ).toBeDefined();
  expect(areaCell).toBe(areaName(area, locale));

  // The same shelter when the list is narrowed to its province / governorate.
  await page.getByLabel(say(locale, 'filters.region'), { exact: true }).selectOption(area.code);
  await expect(rowsOf(page, locale).filter({ hasText: name })).toHaveCount(1);
  for (const row of await rowsOf(page, locale).all())
    if ((await row.getByRole('cell').count()) > 0)
      await expect(row.getByRole('cell').nth(2)).toContainText(areaCell);

  // And on the map, with the same filters: the shelter itself, drawn inside that area's box
  // (the map frames the chosen area, so it stands apart from the country's other services).
  await page
    .getByRole('navigation')
    .getByRole('link', { name: say(locale, 'nav.map'), exact: true })
    .click();
  await expect(page.getByRole('heading', { name: say(locale, 'map.title') })).toBeVisible();
  await expect.poll(async () => (await markers(page)).some((m) => m.service === id)).toBe(true);
  const own = (await markers(page)).find((m) => m.service === id)!;
  const [s, w, n, e] = area.bbox;
  expect(own.lat >= s && own.lat <= n && own.lon >= w && own.lon <= e).toBe(true);
  return { name, area };
};

test('Mozambique, set up in Portuguese: Portuguese demo, a free bed for girls in a province, on the list and the map', async ({
  page,
}) => {
  await setUpIn(page, 'pt', 'MZ', 'Direcção Provincial de Género, Criança e Acção Social', 'PEM');
  // The Portuguese demo, not Mali's.
  await expect(page.getByRole('link', { name: /^Casa de Acolhimento / }).first()).toBeVisible();
  await expect(page.getByText(/Ségou|Bamako/)).toHaveCount(0);
  const { area } = await findGirlsBed(page, 'pt', 'MZ');
  expect(area.code).toMatch(/^MZ-/);
});

test('Bahrain, set up in Arabic: Arabic demo, a free bed for girls in a governorate, on the list and the map', async ({
  page,
}) => {
  await setUpIn(page, 'ar', 'BH', 'مكتب آلية الإحالة الوطنية', 'MNM');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('link', { name: /دار إيواء|مركز إيواء/ }).first()).toBeVisible();
  const { area } = await findGirlsBed(page, 'ar', 'BH');
  expect(area.code).toMatch(/^BH-/);
  // Every governorate in the list is in Arabic script, none by its French or English name.
  await page
    .getByRole('navigation')
    .getByRole('link', { name: say('ar', 'nav.directory'), exact: true })
    .click();
  await page.getByLabel(say('ar', 'filters.region'), { exact: true }).selectOption('');
  const column = rowsOf(page, 'ar').locator('td:nth-child(3) bdi');
  await expect(column.first()).toBeVisible();
  const cells = await column.allInnerTexts();
  const arabic = new Set(profileFor('BH')!.areas.map((a) => a.names.ar));
  for (const cell of cells) expect(arabic).toContain(cell.trim());
});

test('an administrator adds a district, refused a deprecated code, and filters by it', async ({
  page,
}) => {
  await setUpIn(page, 'fr', 'MZ', 'Direcção Provincial de Cabo Delgado', 'PEM');
  await goTo(page, 'Paramètres');
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
  await expect(rowsOf(page, 'fr').nth(1)).toContainText('Pemba');
});

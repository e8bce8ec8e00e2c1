/**
 * Real-world sheets through the real screens (issue 17): a French office directory with a title
 * row, an instruction row, merged cells, values in the office's words and dates as serials and
 * day-first text; and an OCHA 3W workbook with an HXL row and hidden sheets.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { frenchOfficeSheet } from '../fixtures/officeSheets';
import { expectedGroups, threeWRows, threeWWorkbook } from '../fixtures/threeW';
import { completeSetup, goTo } from './helpers';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const chooseFile = async (page: Page, name: string, bytes: Uint8Array) => {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choisir un fichier…' }).click();
  await (await chooser).setFiles({ name, mimeType: XLSX, buffer: Buffer.from(bytes) });
};

test('a French office sheet imports with its own words, after choosing the one unknown value', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await completeSetup(page);
  await goTo(page, 'Échanges');
  await chooseFile(page, 'annuaire-segou.xlsx', frenchOfficeSheet());

  // Mapping: the header is found under the title, hidden sheets are listed as hidden.
  await expect(page.getByRole('heading', { name: 'Correspondance des colonnes' })).toBeVisible();
  await expect(page.getByText('Ligne d’en-tête : 3')).toBeVisible();
  await expect(page.getByLabel('Feuille')).toHaveValue('Annuaire');
  await expect(page.getByLabel('Feuille').locator('option')).toHaveText([
    'Annuaire',
    'Listes (masquée)',
  ]);
  await expect(page.getByRole('combobox', { name: 'Catégorie' })).toHaveValue('2');
  await expect(page.getByRole('combobox', { name: 'Vérifié le' })).toHaveValue('8');
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();

  // Values: the office's words are matched; the one unknown is left to choose.
  await expect(page.getByRole('heading', { name: 'Valeurs des listes' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Catégorie : Hébergement' })).toHaveValue(
    'shelter',
  );
  await expect(page.getByRole('combobox', { name: 'Catégorie : Ligne verte' })).toHaveValue(
    'hotline',
  );
  await expect(page.getByRole('combobox', { name: 'Publics : Tous' })).toHaveValue(
    'women,men,girls,boys,families,persons_with_disabilities',
  );
  await expect(
    page
      .getByRole('combobox', { name: 'Région (nom ou code ISO) : GAO' })
      .or(page.getByRole('combobox', { name: 'Région (nom ou code ISO) : Gao' })),
  ).toHaveValue('ML-7');
  const unknown = page.getByRole('combobox', { name: 'Catégorie : Cuisine collective' });
  await expect(unknown).toHaveValue('');
  await expect(page.getByText('1 valeurs à choisir')).toBeVisible();

  // Checked as is, the row is refused with row, column, value and what is accepted.
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(page.getByText('10 lignes lues : 9 valides, 1 rejetées')).toBeVisible();
  const report = page.getByRole('table', { name: 'Rapport de vérification' });
  const refused = report.getByRole('row').nth(1);
  await expect(refused).toContainText('12');
  await expect(refused).toContainText('Type de service');
  await expect(refused).toContainText('Cuisine collective');
  await expect(refused).toContainText('Valeurs acceptées : Hébergement / refuge, Aide juridique');
  await page.screenshot({ path: '/tmp/import-real-report.png', fullPage: true });

  // Back through the file: the mapping and the values are remembered; choose for the unknown.
  await page.getByRole('button', { name: 'Abandonner cet import' }).click();
  await chooseFile(page, 'annuaire-segou.xlsx', frenchOfficeSheet());
  await expect(page.getByText('Correspondance reprise d’un import précédent')).toBeVisible();
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await unknown.selectOption({ label: 'Services sociaux' });
  await page.screenshot({ path: '/tmp/import-real-values.png', fullPage: true });
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(page.getByText('10 lignes lues : 10 valides, 0 rejetées')).toBeVisible();
  await page.getByRole('button', { name: 'Importer les 10 lignes valides' }).click();
  await expect(page.getByText('Import terminé : 10 créés, 0 fusionnés, 0 ignorés.')).toBeVisible();

  await page.getByRole('link', { name: 'Annuaire' }).click();
  await expect(page.getByText('10 services', { exact: true })).toBeVisible();
  await expect(page.getByText('Maison d’accueil Espoir')).toBeVisible();
});

test('a 3W workbook with an HXL row and hidden sheets: 24,089 rows grouped into services', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const rows = threeWRows(24_089);
  const groups = expectedGroups(rows);
  const fmt = (n: number) => new Intl.NumberFormat('fr-FR').format(n);
  await completeSetup(page);
  await goTo(page, 'Échanges');
  await chooseFile(page, '3w-mali.xlsx', threeWWorkbook(rows));

  // The data sheet is chosen over the read-me; the six hidden sheets are listed as hidden.
  await expect(page.getByRole('heading', { name: 'Correspondance des colonnes' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByLabel('Feuille')).toHaveValue('3W_Data');
  await expect(page.getByLabel('Feuille').locator('option', { hasText: '(masquée)' })).toHaveCount(
    6,
  );
  // The HXL row decides the mapping: #sector is the category, #activity the name, never data.
  await expect(page.getByText('Ligne de balises HXL reconnue')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Catégorie' })).toHaveValue('2');
  await expect(page.getByRole('combobox', { name: 'Nom du service (obligatoire)' })).toHaveValue(
    '3',
  );
  await expect(page.getByRole('cell', { name: '#org+name' })).toHaveCount(0);
  await expect(page.getByLabel(/Présence opérationnelle/)).toBeChecked();
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();

  await expect(page.getByRole('heading', { name: 'Valeurs des listes' })).toBeVisible({
    timeout: 60_000,
  });
  await page
    .getByRole('combobox', { name: 'Catégorie : VBG' })
    .selectOption({ label: 'Soutien psychosocial' });
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();

  // Before anything is written: rows → services.
  await expect(page.getByText(`${fmt(24_089)} lignes → ${fmt(groups)} services`)).toBeVisible({
    timeout: 120_000,
  });
  await page.screenshot({ path: '/tmp/import-3w-report.png', fullPage: true });
  await page.getByRole('button', { name: `Importer les ${fmt(groups)} lignes valides` }).click();
  await expect(page.getByText(`Import terminé : ${groups} créés`)).toBeVisible({
    timeout: 120_000,
  });
  await page.getByRole('link', { name: 'Annuaire' }).click();
  await expect(page.getByText(`${fmt(groups)} services`, { exact: true })).toBeVisible();
});

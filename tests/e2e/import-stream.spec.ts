/**
 * The import's write in batches through the real screen (issues 15 and 17): a generated office
 * sheet of a few thousand rows, the write's progress bar, Cancel during the write leaving the
 * directory without any of them, then the same import again to the end. Screenshots of the
 * write's progress in French and Arabic.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { generateCsv } from '../../shared/domain/exchange/testing';
import { catalogues } from '../../shared/i18n/catalogues';
import type { Locale } from '../../shared/i18n/define';
import { completeSetup, goTo } from './helpers';

const SHOTS = process.env.SHOTS_DIR;
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};

const ROWS = 10_000;
const VALID = ROWS - ROWS / 100;
const file = () => ({
  name: 'annuaire-national.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(generateCsv(ROWS, 100).csv),
});

/** Choose the file, go through the mapping and the values, and click Import. */
const checkAndImport = async (page: Page, locale: Locale) => {
  const m = catalogues[locale];
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: m['exchange.import.chooseFile'] }).click();
  await (await chooser).setFiles(file());
  await page.getByRole('button', { name: m['exchange.mapping.validate'] }).click();
  await expect(page.getByRole('heading', { name: m['importValues.title'] })).toBeVisible({
    timeout: 60_000,
  });
  await page.getByRole('button', { name: m['importValues.check'] }).click();
  await expect(page.getByRole('heading', { name: m['exchange.report.title'] })).toBeVisible({
    timeout: 90_000,
  });
  const confirm = locale === 'ar' ? /استيراد الأسطر الصالحة/ : /Importer les .* lignes valides/;
  await page.getByRole('button', { name: confirm }).click();
  const bar = page.getByRole('progressbar', { name: m['importStream.writingLabel'] });
  await expect(bar).toBeVisible();
  return bar;
};

const directoryCount = async (page: Page) => {
  await page.getByRole('link', { name: 'Annuaire', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Annuaire des services' })).toBeVisible();
};

test('a few thousand rows: progress while writing, Cancel leaves nothing, then the import completes', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await completeSetup(page);
  await goTo(page, 'Échanges');

  const bar = await checkAndImport(page, 'fr');
  await expect(bar).toHaveAttribute('max', String(VALID));
  // Cancel while batches are still being written.
  await page.getByRole('button', { name: 'Annuler l’enregistrement' }).click();
  await expect(page.getByText('Import annulé. Rien n’a été enregistré.')).toBeVisible({
    timeout: 60_000,
  });
  await directoryCount(page);
  await expect(page.getByText('L’annuaire est vide', { exact: false })).toBeVisible();
  await expect(page.getByText('Centre d’écoute 12', { exact: true })).toHaveCount(0);

  // Again, to the end: the bar moves batch by batch, the window answers while it does.
  await goTo(page, 'Échanges');
  const again = await checkAndImport(page, 'fr');
  await expect
    .poll(async () => Number(await again.getAttribute('value')), { timeout: 60_000 })
    .toBeGreaterThan(0);
  await shot(page, 'import-write-progress-fr');
  await expect(page.getByLabel('Langue', { exact: true })).toBeEnabled();
  await expect(
    page.getByText(`Import terminé : ${VALID} créés, 0 fusionnés, 0 ignorés.`),
  ).toBeVisible({ timeout: 300_000 });
  await directoryCount(page);
  await expect(page.getByText(/^9\s?900 services$/)).toBeVisible({ timeout: 60_000 });
});

test('the write’s progress in Arabic, and Cancel there too', async ({ page }) => {
  test.setTimeout(600_000);
  await completeSetup(page);
  await page.getByLabel('Langue', { exact: true }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.goto('./#/exchange');
  const ar = catalogues.ar;
  const bar = await checkAndImport(page, 'ar');
  await expect
    .poll(async () => Number(await bar.getAttribute('value')), { timeout: 60_000 })
    .toBeGreaterThan(0);
  await shot(page, 'import-write-progress-ar');
  await page.getByRole('button', { name: ar['importStream.cancelWrite'] }).click();
  await expect(page.getByText(ar['exchange.cancelled'])).toBeVisible({ timeout: 60_000 });
  await shot(page, 'import-write-cancelled-ar');
});

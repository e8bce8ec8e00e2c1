/**
 * Statistics (issue 14): a ministry user opens Statistics for the year, filters a region, sees
 * a chart and a table with a small cell ("< 11") and its complementary suppression ("x"),
 * exports XLSX and PDF; the PDF is read back (pdftotext) and rendered (pdftoppm), and each
 * export is in the audit trail. Referrals are made through the app's own screens.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { completeSetup, switchToNewUser } from './helpers';

const SHOTS = '/tmp/shots-statistics';
const YEAR = new Date().getFullYear();
test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

declare global {
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    printedReports: string[];
  }
}

/** The web adapter prints through a frame: keep each HTML document it is handed. */
const capturePrints = (page: Page) =>
  page.addInitScript(() => {
    window.printedReports = [];
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes)
          if (n instanceof HTMLIFrameElement && n.srcdoc) window.printedReports.push(n.srcdoc);
    }).observe(document, { childList: true, subtree: true });
  });

/** Demo shelters with their region, straight from IndexedDB (test set-up, not the app's view). */
const sheltersByRegion = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<Record<string, string>>((resolve, reject) => {
        const open = indexedDB.open('passerelle');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['services', 'locations']);
          const services = tx.objectStore('services').getAll();
          const locations = tx.objectStore('locations').getAll();
          tx.oncomplete = () => {
            type L = { id: string; address: { adminAreaCode: string } };
            const region = new Map(
              (locations.result as L[]).map((l) => [l.id, l.address.adminAreaCode]),
            );
            const out: Record<string, string> = {};
            for (const s of services.result as {
              id: string;
              category: string;
              locationIds: string[];
            }[])
              if (s.category === 'shelter') out[region.get(s.locationIds[0]!) ?? ''] ??= s.id;
            resolve(out);
          };
        };
      }),
  );

/** Refers one person to the shelter through the screens, records consent, sends it. */
const referAndSend = async (page: Page, serviceId: string, gender: string) => {
  await page.goto(`./#/referrals/new/${serviceId}`);
  await page.getByRole('radio', { name: 'Sous 72 heures' }).check();
  await page.getByRole('checkbox', { name: 'Hébergement' }).check();
  await page.getByLabel('Sexe / genre').selectOption(gender);
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.getByRole('heading', { name: /^Orientation / })).toBeVisible();
  await page.getByRole('button', { name: 'Enregistrer le consentement' }).click();
  const consent = page.getByRole('form', { name: 'Enregistrer le consentement' });
  await consent.getByLabel('Recueilli').selectOption('oral');
  await consent.getByRole('button', { name: 'Enregistrer' }).click();
  const send = page.getByRole('button', { name: 'Marquer comme envoyée' });
  await send.click();
  // Once sent, sending is no longer offered.
  await expect(send).toHaveCount(0);
};

const auditActions = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ action: string; recordId: string }[]>((resolve, reject) => {
        const open = indexedDB.open('passerelle');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const rows = open.result.transaction('audit').objectStore('audit').getAll();
          rows.onsuccess = () => resolve(rows.result as { action: string; recordId: string }[]);
        };
      }),
  );

test('a ministry user reads the year’s statistics for a region, small cells hidden, and exports them', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  await capturePrints(page);
  await completeSetup(page, { demo: true });
  const shelters = await sheltersByRegion(page);
  const segou = shelters['ML-4']!;
  const other = Object.entries(shelters).find(([r]) => r !== 'ML-4' && r.includes('-'))![1];
  await switchToNewUser(page, 'ministry_staff');

  // Ségou: 12 women and 3 men; elsewhere 2 more referrals the region filter must leave out.
  for (let i = 0; i < 12; i++) await referAndSend(page, segou, 'Feminine');
  for (let i = 0; i < 3; i++) await referAndSend(page, segou, 'Masculine');
  for (let i = 0; i < 2; i++) await referAndSend(page, other, 'Masculine');

  await page.goto('./#/referrals');
  await page.screenshot({ path: join(SHOTS, 'referrals.png'), fullPage: true });
  await page.getByRole('link', { name: 'Statistiques' }).click();
  await expect(page.getByRole('heading', { name: 'Statistiques du mécanisme' })).toBeVisible();
  const filters = page.getByRole('group', { name: 'Choix des chiffres' });
  await filters.getByLabel('Période').selectOption('year');
  await filters.getByLabel('Année').selectOption(String(YEAR));
  await filters.getByLabel('Répartir par').selectOption('gender');
  await filters.getByLabel('Compter').selectOption('referrals');
  // The whole country first: 17 referrals.
  const table = page.getByRole('table', { name: /^Orientations — / });
  await expect(table).toContainText('Repose sur 17 orientations');
  await filters.getByLabel('Zone').selectOption('region');
  await filters.getByLabel('Région', { exact: true }).selectOption({ label: 'Ségou' });
  await expect(table).toContainText(`Orientations — ${YEAR} — Ségou. Repose sur 15 orientations.`);

  // 3 men is a small cell; showing 12 women beside the total 15 would give it away, so the
  // women's figure is hidden too.
  const row = (name: string) => table.getByRole('row', { name: new RegExp(`^${name}`) });
  await expect(row('Masculin').getByRole('cell')).toHaveText(['< 11']);
  await expect(row('Féminin').getByRole('cell')).toHaveText(['x']);
  await expect(table.locator('tfoot td')).toHaveText(['15']);
  await expect(table).not.toContainText(/\b(3|12)\b/);
  await expect(page.getByRole('img', { name: /^Graphique : Orientations — / })).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'statistics.png'), fullPage: true });
  // The chart draws no bar for a hidden figure: its axis says "< 11" or "x" instead.
  const chart = page.locator('.stat-chart svg');
  await expect(chart.getByText('Masculin (< 11)')).toBeVisible();
  await expect(chart.getByText('Féminin (x)')).toBeVisible();

  // XLSX: the download, unzipped; the same suppressed figures, nothing more.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tableau en XLSX' }).click();
  const xlsx = join(SHOTS, 'statistics.xlsx');
  await (await download).saveAs(xlsx);
  const files = unzipSync(new Uint8Array(readFileSync(xlsx)));
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
  const strings = strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array());
  const all = `${sheet}${strings}`;
  expect(all).toContain('&lt; 11');
  expect(all).toContain('Masculin');
  expect(all).toContain('Ségou');
  // Numbers are cells without a shared-string type: only the total 15 is one.
  const numbers = [...sheet.matchAll(/<c r="\w+"><v>(\d+)<\/v>/g)].map((m) => m[1]);
  expect(numbers).toEqual(['15']);

  // PDF: the report's HTML as the platform received it, printed by Chromium.
  await page.getByRole('button', { name: 'Rapport en PDF' }).click();
  await expect(page.getByText(/Fichier enregistré : statistiques-BKO-.*\.pdf/)).toBeVisible();
  const html = await page.evaluate(() => window.printedReports.at(-1) ?? '');
  expect(html).toContain('Règle de masquage');
  const printer = await browser.newPage();
  await printer.setContent(html);
  const pdf = join(SHOTS, 'statistics.pdf');
  await printer.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  await printer.close();
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, ' ');
  for (const s of [
    'Rapport statistique du mécanisme national de référencement',
    'Bureau : Direction régionale de Bamako',
    `Période : ${YEAR}`,
    'Zone : Ségou',
    'moins de 11 personnes',
    '< 11',
    'Délai de réponse',
  ])
    expect(text).toContain(s);
  expect(text).not.toMatch(/Masculin 3\b|Féminin 12\b/);
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(SHOTS, 'statistics-pdf')]);

  // HTCDS: 12 women alike are kept; the 5 men (3 + 2 elsewhere) are too few even generalised.
  const htcdsDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Données HTCDS anonymisées (CSV)' }).click();
  const htcdsFile = join(SHOTS, 'htcds.csv');
  await (await htcdsDownload).saveAs(htcdsFile);
  const lines = readFileSync(htcdsFile, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n');
  expect(lines[0]).toMatch(
    /^# Fichier HTCDS 2\.0 anonymisé.*k = 11.*\(0 lignes généralisées, 5 retirées\)/,
  );
  expect(lines[1]).toMatch(/^vic_TraffickingStatus,vic_TypeOfExploitation,prs_Gender,/);
  expect(lines.slice(2)).toHaveLength(12);
  expect(lines.slice(2).every((l) => l.includes(',Feminine,'))).toBe(true);

  // Every export is in the audit trail; looking at the statistics is not.
  const audit = await auditActions(page);
  const exports = audit.filter((e) => e.action === 'statistics.export').map((e) => e.recordId);
  expect(exports).toEqual(['xlsx', 'pdf', 'htcds-csv']);
  expect(audit.some((e) => e.action === 'referral.view' && e.recordId === 'statistics')).toBe(
    false,
  );
});

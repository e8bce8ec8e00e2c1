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
import type { DimensionId } from '../../shared/domain/statistics/facts';
import { catalogues, type MessageId } from '../../shared/i18n/catalogues';
import { chartLabelReport, smallFiguresLeftToRight } from './chartLabels';
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

/**
 * No tick label of any chart on the plot area, on a bar, cut or on the wrong side, once the
 * charts have settled (ResponsiveContainer sizes them after a frame); returns what was measured.
 */
const expectClearCharts = async (page: Page, dir: 'ltr' | 'rtl') => {
  await expect(page.locator('.stat-chart svg.recharts-surface').first()).toBeVisible();
  await expect.poll(async () => (await chartLabelReport(page, dir)).problems).toEqual([]);
  const report = await chartLabelReport(page, dir);
  expect(report.labels).toBeGreaterThan(0);
  return report;
};

/** Each chart of the screen as a picture of its own, to be looked at. */
const shootCharts = async (page: Page, name: string) => {
  const charts = page.locator('.stat-chart');
  for (let i = 0; i < (await charts.count()); i++)
    await charts.nth(i).screenshot({ path: join(SHOTS, `${name}-${i + 1}.png`) });
};

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

  // Every chart in French, then in Arabic (right to left), for a breakdown with hidden
  // figures on its axis, one with a bar, and a two-way one: no tick label on the plot or on a
  // bar, none cut, the categories on the reading side; "< 11" reads left to right in the table
  // and on the chart's axis, not "11 >".
  const breakdowns: [DimensionId, DimensionId | ''][] = [
    ['gender', ''],
    ['urgency', ''],
    ['urgency', 'gender'],
  ];
  for (const lang of ['fr', 'ar'] as const) {
    const say = (key: MessageId) => catalogues[lang][key];
    if (lang === 'ar') {
      await page.getByLabel('Langue', { exact: true }).selectOption('ar');
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    }
    const choose = page.getByRole('group', { name: say('statistics.filters') });
    for (const [rows, cols] of breakdowns) {
      await choose.getByLabel(say('statistics.rows'), { exact: true }).selectOption(rows);
      await choose.getByLabel(say('statistics.cols'), { exact: true }).selectOption(cols);
      const figure = page.locator('.stat-figure').first();
      await expect(figure.locator('thead th').first()).toHaveText(say(`statistics.dim.${rows}`));
      // Every figure keeps its caption: period, area, and the records it rests on.
      await expect(figure.locator('caption')).toContainText(String(YEAR));
      const report = await expectClearCharts(page, lang === 'ar' ? 'rtl' : 'ltr');
      // 15 referrals, all within 72 hours: one bar.
      if (rows === 'urgency' && !cols) expect(report.bars).toBeGreaterThan(0);
      if (rows === 'gender') {
        const small = await smallFiguresLeftToRight(page);
        // One in the table, one on the chart's axis.
        expect(small.length).toBeGreaterThanOrEqual(2);
        expect(small.filter((f) => !f.ltr)).toEqual([]);
      }
      await shootCharts(page, `chart-${lang}-${rows}${cols ? `-${cols}` : ''}`);
    }
  }
  await page.screenshot({ path: join(SHOTS, 'statistics-ar.png'), fullPage: true });
});

/** Demo shelters with a cercle/district recorded, straight from IndexedDB (test set-up). */
const sheltersWithDistrict = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ id: string; region: string; district: string }[]>((resolve, reject) => {
        const open = indexedDB.open('passerelle');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['services', 'locations']);
          const services = tx.objectStore('services').getAll();
          const locations = tx.objectStore('locations').getAll();
          tx.oncomplete = () => {
            type A = { adminAreaCode: string; districtCode?: string };
            const place = new Map(
              (locations.result as { id: string; address: A }[]).map((l) => [l.id, l.address]),
            );
            resolve(
              (services.result as { id: string; category: string; locationIds: string[] }[])
                .filter((s) => s.category === 'shelter')
                .map((s) => {
                  const a = place.get(s.locationIds[0]!);
                  return {
                    id: s.id,
                    region: a?.adminAreaCode ?? '',
                    district: a?.districtCode ?? '',
                  };
                }),
            );
          };
        };
      }),
  );

/**
 * A screening through the form, every question skipped but one exploitation question when
 * asked; saved without a referral.
 */
const screenOnce = async (page: Page, forcedWork: boolean) => {
  await page.goto('./#/screening');
  await expect(page.getByRole('heading', { name: 'Repérage d’une personne' })).toBeVisible();
  // The screen keeps the last screening's "where to go" until a new one is started.
  const again = page.getByRole('button', { name: 'Nouveau repérage' });
  if (await again.isVisible()) await again.click();
  await page.getByRole('button', { name: 'Suivant' }).click();
  await expect(page.getByRole('heading', { name: 'Recrutement trompeur ou forcé' })).toBeVisible();
  await page.getByRole('button', { name: 'Suivant' }).click();
  await expect(page.getByRole('heading', { name: 'Exploitation', exact: true })).toBeVisible();
  if (forcedWork)
    await page
      .getByRole('group', { name: /obligé·e à travailler sans pouvoir refuser/ })
      .getByRole('radio', { name: 'Oui' })
      .check();
  await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByRole('button', { name: 'Suivant' }).click();
  await expect(page.getByRole('heading', { name: 'Besoins immédiats' })).toBeVisible();
  await page.getByRole('button', { name: 'Voir l’évaluation' }).click();
  await page.getByRole('button', { name: 'Enregistrer le repérage et voir où aller' }).click();
  await expect(page.getByRole('heading', { name: 'Où aller maintenant' })).toBeVisible();
};

test('screenings count in the statistics, suppressed, and a district narrows the referrals', async ({
  page,
}) => {
  test.setTimeout(480_000);
  await capturePrints(page);
  await completeSetup(page, { demo: true });
  // The administrator lowers the threshold to its floor, 5: fewer flows through the screens.
  await page.goto('./#/statistics');
  await page.getByText('Réglages des statistiques').click();
  await page.getByLabel('Seuil de masquage (5 à 11)').fill('5');
  await page
    .getByRole('form', { name: 'Réglages des statistiques' })
    .getByRole('button', { name: 'Enregistrer' })
    .click();
  await expect(page.getByText('Réglages enregistrés.')).toBeVisible();
  const shelters = await sheltersWithDistrict(page);
  const inDistrict = shelters.find((s) => s.district)!;
  const elsewhere = shelters.find((s) => s.district !== inDistrict.district)!;
  await switchToNewUser(page, 'coordinator');

  // 5 referrals to a shelter of the district, 1 to a shelter outside it.
  for (let i = 0; i < 5; i++) await referAndSend(page, inDistrict.id, 'Feminine');
  await referAndSend(page, elsewhere.id, 'Masculine');
  // 5 screenings with forced labour, 1 with nothing found; none referred.
  for (let i = 0; i < 5; i++) await screenOnce(page, true);
  await screenOnce(page, false);

  await page.goto('./#/statistics');
  await expect(page.getByRole('heading', { name: 'Statistiques du mécanisme' })).toBeVisible();
  const filters = page.getByRole('group', { name: 'Choix des chiffres' });
  await filters.getByLabel('Période').selectOption('year');
  await filters.getByLabel('Année').selectOption(String(YEAR));
  await filters.getByLabel('Compter').selectOption('referrals');
  // Every referral here is "within 72 hours": one row, no small cell to hide the total.
  await filters.getByLabel('Répartir par').selectOption('urgency');
  const table = page.getByRole('table', { name: /^Orientations — / });
  await expect(table).toContainText('Repose sur 6 orientations');

  // Screenings, whole country: 6, none referred; the one with nothing found is a small cell,
  // and the cells that would give it away are hidden with it.
  const screenings = page.getByRole('region', { name: 'Repérages', exact: true });
  const bySuggestion = screenings.getByRole('table', { name: /^Repérages — / });
  await expect(bySuggestion).toContainText(`Repérages — ${YEAR} — Tout le pays. Repose sur`);
  await expect(
    bySuggestion.getByRole('row', { name: /^Aucun indicateur/ }).getByRole('cell'),
  ).toHaveText(['0', '< 5', '< 5']);
  // Which cells hide it is the suppression's choice: at least two, and the 1 is nowhere.
  expect(
    await bySuggestion.getByRole('cell', { name: 'x', exact: true }).count(),
  ).toBeGreaterThanOrEqual(2);
  await expect(bySuggestion.getByRole('cell', { name: '1', exact: true })).toHaveCount(0);
  const byGroup = screenings.getByRole('table', { name: /^Repérages ayant relevé/ });
  await expect(byGroup.getByRole('row', { name: /^Exploitation/ }).getByRole('cell')).toHaveText([
    '0',
    '5',
    '5',
  ]);
  await expect(byGroup.getByRole('row', { name: /^Recrutement/ }).getByRole('cell')).toHaveText([
    '0',
    '0',
    '0',
  ]);
  await expect(
    screenings.getByRole('img', { name: /^Graphique en barres : Repérages/ }),
  ).toHaveCount(2);
  await page.screenshot({ path: join(SHOTS, 'screenings-fr.png'), fullPage: true });
  expect((await expectClearCharts(page, 'ltr')).bars).toBeGreaterThan(0);
  await shootCharts(page, 'screenings-chart-fr');

  // The district: its referrals only; screenings record no place, so none are shown there.
  await filters.getByLabel('Zone').selectOption('district');
  await filters.getByLabel('Cercle ou district').selectOption(inDistrict.district);
  await expect(table).toContainText('Repose sur 5 orientations');
  await expect(page.getByText('Au niveau du cercle ou district')).toBeVisible();
  await expect(screenings).toContainText('ne peuvent pas être comptés par cercle ou district');
  await page.screenshot({ path: join(SHOTS, 'district-fr.png'), fullPage: true });

  // Exports hold the screenings' suppressed figures beside the table.
  await filters.getByLabel('Zone').selectOption('country');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tableau en CSV' }).click();
  const csvFile = join(SHOTS, 'statistics-screenings.csv');
  await (await download).saveAs(csvFile);
  const csv = readFileSync(csvFile, 'utf8');
  expect(csv).toContain('Repérages ayant relevé des indicateurs de chaque groupe');
  expect(csv).toMatch(/Exploitation,0,5,5/);
  expect(csv).toMatch(/Aucun indicateur,0,< 5,< 5/);
  await page.getByRole('button', { name: 'Rapport en PDF' }).click();
  await expect(page.getByText(/Fichier enregistré : statistiques-BKO-.*\.pdf/)).toBeVisible();
  const html = await page.evaluate(() => window.printedReports.at(-1) ?? '');
  expect(html).toContain('Groupe d’indicateurs');
  expect(html).toContain('Aucun indicateur');

  // The same screen in Arabic, right to left.
  await page.getByLabel('Langue').selectOption('ar');
  await expect(page.getByRole('region', { name: 'عمليات الفرز' })).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'screenings-ar.png'), fullPage: true });
  // The screenings' charts, mirrored: no tick label on a bar (5 with forced labour draw bars).
  const report = await expectClearCharts(page, 'rtl');
  expect(report.bars).toBeGreaterThan(0);
  await shootCharts(page, 'screenings-chart-ar');
});

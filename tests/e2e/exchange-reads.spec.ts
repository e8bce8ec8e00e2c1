/**
 * The Exchanges screen holds no service until Export is pressed (issue 17): a window importing
 * 200k rows there used to read the whole directory again after every written batch (the export
 * section's directory search) and scan every service for demo records (the header's banner).
 * Every read of the services store in the window is counted, from the moment the screen is up.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { checkFile, chooseFile, completeSetup, goTo } from './helpers';

const SHEET = [
  'Organisation;Nom du service;Catégorie;Région;Téléphones',
  'Association Sœurs Solidaires;Maison d’accueil Sébénikoro;Hébergement;Bamako;+223 76 45 12 90',
  'ONG Jigiya;Clinique juridique de Ségou;Aide juridique;Ségou;+223 21 32 00 11',
].join('\r\n');

/** Counts reads of records of the services store (getAll, get, cursors), in the window only. */
const countServiceReads = (page: Page) =>
  page.addInitScript(() => {
    const w = window as unknown as { serviceReads: number };
    w.serviceReads = 0;
    const storeOf = (s: IDBObjectStore | IDBIndex) => ('objectStore' in s ? s.objectStore : s);
    for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype])
      for (const method of ['getAll', 'get', 'openCursor'] as const) {
        const original = proto[method] as (...args: unknown[]) => IDBRequest;
        Object.defineProperty(proto, method, {
          configurable: true,
          value: function (this: IDBObjectStore | IDBIndex, ...args: unknown[]) {
            if (storeOf(this).name === 'services') w.serviceReads += 1;
            return original.apply(this, args);
          },
        });
      }
  });

const reads = (page: Page) =>
  page.evaluate(() => (window as unknown as { serviceReads: number }).serviceReads);

test('importing on the Exchanges screen reads no service in the window until Export', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await countServiceReads(page);
  await completeSetup(page, { demo: true });
  await goTo(page, 'Échanges');
  const all = page.getByText(/Tout l’annuaire \(\d+\)/);
  await expect(all).toBeVisible();
  const before = Number(/\((\d+)\)/.exec((await all.textContent()) ?? '')?.[1]);
  expect(before).toBeGreaterThan(0);
  await page.evaluate(() => ((window as unknown as { serviceReads: number }).serviceReads = 0));

  await chooseFile(page, 'Choisir un fichier…', {
    name: 'bureau.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(SHEET),
  });
  await checkFile(page);
  await page.getByRole('button', { name: 'Importer les 2 lignes valides' }).click();
  await expect(page.getByText('Import terminé : 2 créés, 0 fusionnés, 0 ignorés.')).toBeVisible();
  // The count follows the import, and the demo banner is still there, without a read.
  await expect(page.getByText(`Tout l’annuaire (${before + 2})`)).toBeVisible();
  await expect(page.getByRole('note').filter({ hasText: /démonstration/ })).toBeVisible();
  expect(await reads(page)).toBe(0);

  // Export reads them, then.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter' }).click();
  const text = readFileSync((await (await download).path()) ?? '', 'utf8');
  expect(text).toContain('Clinique juridique de Ségou');
  expect(await reads(page)).toBeGreaterThan(0);
});

test('a filter set in the directory is what "current filter" exports, text search included', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await completeSetup(page, { demo: true });
  await page.getByRole('combobox', { name: 'Catégorie' }).selectOption({ label: 'Aide juridique' });
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill('Ségou');
  const links = page.getByRole('table').getByRole('link');
  await expect(links.first()).toBeVisible();
  const names = await links.allTextContents();
  await goTo(page, 'Échanges');
  const filtered = page.getByRole('radio', { name: `Filtre courant (${names.length})` });
  await expect(filtered).toBeChecked();
  const plural = (n: number) => (n === 1 ? `${n} service` : `${n} services`);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter' }).click();
  const csv = readFileSync((await (await download).path()) ?? '', 'utf8');
  await expect(page.getByText(`Export enregistré : ${plural(names.length)}.`)).toBeVisible();
  for (const name of names) expect(csv).toContain(name);
  // The whole directory is one choice away, and bigger.
  const total = Number(
    /\((\d+)\)/.exec((await page.getByText(/Tout l’annuaire/).textContent()) ?? '')?.[1],
  );
  expect(total).toBeGreaterThan(names.length);
  await page.getByRole('radio', { name: /Tout l’annuaire/ }).check();
  const all = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter' }).click();
  await all;
  await expect(page.getByText(`Export enregistré : ${plural(total)}.`)).toBeVisible();
});

import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { completeSetup, goTo } from './helpers';

const SHOTS = '/tmp/shots-accounts';
test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test('the audit trail: who did what, filters, a verified chain, tampering found, CSV export', async ({
  page,
}) => {
  await completeSetup(page);
  await page.getByRole('link', { name: 'Ajouter un service' }).click();
  await page.getByLabel('Nom du service').fill('Maison d’accueil Sébénikoro');
  await page.getByLabel('Organisation').fill('Association Sœurs Solidaires');
  await page.getByLabel('Catégorie').selectOption('shelter');
  await page.getByLabel('Région', { exact: true }).selectOption('ML-BKO');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { name: 'Maison d’accueil Sébénikoro' })).toBeVisible();

  await goTo(page, 'Journal');
  await expect(page.getByRole('heading', { name: 'Journal des actions' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Journal des actions' });
  // Actions and tables in words, not codes.
  await expect(table.getByRole('row').nth(1)).toContainText('Service ajouté');
  await expect(table.getByRole('row').nth(1)).toContainText('Services');
  await expect(table).toContainText('Connexion');
  await expect(table).not.toContainText('service.create');
  await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Service ajouté' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await page.getByLabel('Qui', { exact: true }).selectOption('awa');
  await expect(page.getByText('3 entrées affichée(s) sur 3')).toBeVisible();

  await page.getByRole('button', { name: 'Vérifier la chaîne' }).click();
  await expect(page.getByText(/^Chaîne intacte : \d+ entrées vérifiées/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/audit.png`, fullPage: true });

  // Someone with the database files edits entry 3 behind the app's back.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('passerelle');
        open.onsuccess = () => {
          const tx = open.result.transaction('audit', 'readwrite');
          const store = tx.objectStore('audit');
          const get = store.get(3);
          get.onsuccess = () => store.put({ ...get.result, actor: 'quelquun' });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.getByRole('button', { name: 'Vérifier la chaîne' }).click();
  await expect(page.getByRole('alert')).toHaveText('Chaîne rompue : l’entrée n° 3 a été modifiée.');
  await page.screenshot({ path: `${SHOTS}/audit-tampered.png` });

  // What is shown (awa's service.create entries) is what is exported, and the export is audited.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter en CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  const lines = csv.split('\r\n').filter(Boolean);
  expect(lines[0]).toBe('\uFEFFseq,at,actor,action,table,recordId,detail,why,prev,hash');
  expect(lines.slice(1).map((l) => l.split(',').slice(2, 4).join(' '))).toEqual(
    Array(3).fill('awa service.create'),
  );
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await expect(table.getByRole('row').nth(1)).toContainText('Journal exporté');
});

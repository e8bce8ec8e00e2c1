import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { ADMIN, completeSetup, goTo } from './helpers';

const SHOTS = process.env.SHOTS_DIR;
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};
const PASS = 'sept mots pour la sauvegarde';

/**
 * Electron cannot run here: the desktop app is stood in for by a platform global, installed
 * before the page loads as the preload would, whose "user-data folder" is an in-page list.
 * Everything else (the scheduler, the encrypted file, restore) is the real code.
 */
const installDesktop = (page: Page) =>
  page.addInitScript(() => {
    type Kept = { name: string; data: Uint8Array; modifiedAt: string };
    const folder: Kept[] = [];
    const refuse = async () => {
      throw new Error('not in this test');
    };
    Object.defineProperty(window, 'passerelle', {
      value: {
        saveFile: refuse,
        printToPdf: refuse,
        openExternal: async () => ({ opened: false }),
        appInfo: async () => ({ version: '0.0.0-test', kind: 'electron' }),
        dataKey: async () => ({ protection: 'unavailable', backend: 'test', key: null }),
        storeDataKey: async () => ({ stored: false, protection: 'unavailable' }),
        syncFolderInfo: async () => ({ supported: false, path: null }),
        syncFolderChoose: async () => ({ supported: false, path: null }),
        syncFolderList: async () => [],
        syncFolderRead: refuse,
        syncFolderWrite: refuse,
        // "Choose the backup file" picks the newest automatic backup.
        openFile: async () => {
          const f = folder.at(-1);
          return f ? { name: f.name, data: f.data } : null;
        },
        autoBackupWrite: async (a: { name: string; data: Uint8Array; keep: number }) => {
          const i = folder.findIndex((f) => f.name === a.name);
          if (i >= 0) folder.splice(i, 1);
          folder.push({ name: a.name, data: a.data, modifiedAt: new Date().toISOString() });
          folder.sort((x, y) => (x.name < y.name ? -1 : 1));
          folder.splice(0, Math.max(0, folder.length - a.keep));
          return { saved: true, kept: folder.length };
        },
        autoBackupList: async () => ({
          files: folder
            .map((f) => ({ name: f.name, size: f.data.byteLength, modifiedAt: f.modifiedAt }))
            .reverse(),
        }),
      },
    });
  });

const openSettings = async (page: Page) => {
  await goTo(page, 'Paramètres');
  await expect(page.getByRole('heading', { name: 'Sauvegarde automatique' })).toBeVisible();
};

test('in the browser, Settings says automatic backups are made by the desktop app', async ({
  page,
}) => {
  await completeSetup(page);
  await openSettings(page);
  await expect(
    page.getByText('Les sauvegardes automatiques se font dans l’application de bureau seulement'),
  ).toBeVisible();
  await expect(page.getByLabel('Sauvegarder automatiquement chaque jour')).toHaveCount(0);
  await shot(page, 'auto-backup-browser');
});

test('in the desktop app, turning automatic backup on makes one that restores', async ({
  page,
}) => {
  await installDesktop(page);
  await completeSetup(page, { demo: true });
  await openSettings(page);
  await expect(page.getByText('Aucune sauvegarde automatique pour l’instant.')).toBeVisible();
  await page.getByLabel('Sauvegarder automatiquement chaque jour').check();
  const save = page.getByRole('button', { name: 'Enregistrer la sauvegarde automatique' });
  await save.click();
  await expect(page.getByRole('alert')).toContainText('Choisissez une phrase de passe');
  await page.getByLabel('Phrase de passe des sauvegardes').fill(PASS);
  await page.getByLabel('Confirmez la phrase de passe').fill('autre chose encore');
  await save.click();
  await expect(page.getByRole('alert')).toContainText('Les deux phrases de passe diffèrent.');
  await page.getByLabel('Confirmez la phrase de passe').fill(PASS);
  await expect(page.getByLabel('Sauvegardes à garder')).toHaveValue('7');
  await save.click();
  await expect(page.getByText('Réglages de sauvegarde automatique enregistrés.')).toBeVisible();

  // The scheduler sees it is on and due: the day's file appears without a click.
  const today = await page.evaluate(() => {
    const d = new Date();
    const p = (n: number) => String(n).padStart(2, '0');
    return `passerelle-${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}.pbak`;
  });
  await expect(page.getByText('Dernière sauvegarde automatique :')).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.locator('.auto-backup-files li')).toHaveCount(1);
  await expect(page.locator('.auto-backup-files li').first()).toContainText(today);
  await shot(page, 'auto-backup-desktop');
  if (SHOTS)
    await page.locator('.auto-backup').screenshot({ path: `${SHOTS}/auto-backup-section.png` });

  // The file is a normal encrypted backup: Exchange restores it with the passphrase.
  await goTo(page, 'Échanges');
  await page.getByRole('button', { name: 'Choisir le fichier de sauvegarde…' }).click();
  await expect(page.getByText(today)).toBeVisible();
  await page.getByLabel('Phrase de passe de la sauvegarde').fill(PASS);
  await page.getByLabel('Votre mot de passe (administrateur)').fill(ADMIN.password);
  await page.getByLabel('Je comprends que les données actuelles seront remplacées').check();
  await page.getByRole('button', { name: 'Restaurer' }).click();
  await expect(page.getByText(/Sauvegarde restaurée : \d+ enregistrements\./)).toBeVisible({
    timeout: 20_000,
  });
});

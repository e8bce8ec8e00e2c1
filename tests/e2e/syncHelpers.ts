/**
 * Offices for the sync specs: each its own browser context, set up, with its own code; files
 * carried between them by download and file chooser, as a person would by e-mail or USB.
 */
import type { Browser, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { completeSetup, goTo } from './helpers';

/** An office: first-run setup, then its own code and name in Settings. */
export const office = async (browser: Browser, code: string, name: string) => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await completeSetup(page);
  if (code !== 'BKO') {
    await goTo(page, 'Paramètres');
    const form = page.getByRole('form', { name: 'Bureau', exact: true });
    await form.getByLabel('Code du bureau').fill(code);
    await form.getByLabel('Nom du bureau').fill(name);
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText('Bureau enregistré.')).toBeVisible();
  }
  return page;
};

/** Saves through a download and returns the file's path. */
export const download = async (page: Page, click: () => Promise<void>) => {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return file.path();
};

export const openWith = async (page: Page, path: string, click: () => Promise<void>) => {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click()]);
  await chooser.setFiles(path);
};

/** Each office imports the other's identity file and trusts it after seeing its fingerprint. */
export const trustEachOther = async (a: Page, b: Page) => {
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    await goTo(from, 'Paramètres');
    const fingerprint = await from.getByTestId('own-fingerprint').textContent();
    const path = await download(from, () =>
      from.getByRole('button', { name: 'Enregistrer la fiche d’identité' }).click(),
    );
    await goTo(to, 'Paramètres');
    await openWith(to, path, () =>
      to.getByRole('button', { name: 'Importer la fiche d’un bureau' }).click(),
    );
    await expect(to.getByText(`Empreinte : ${fingerprint}`)).toBeVisible();
    await to.getByRole('button', { name: 'Faire confiance', exact: true }).click();
    await expect(to.getByText(/est maintenant un bureau de confiance/)).toBeVisible();
  }
};

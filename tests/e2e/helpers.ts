import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** First-run setup as a coordinator in Bamako; optionally with the fictional demo data. */
export const completeSetup = async (page: Page, { demo = false } = {}) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Passerelle' })).toBeVisible();
  await page.getByLabel('Pays').selectOption('ML');
  await page.getByLabel('Nom du bureau').fill('Direction régionale de Bamako');
  await page.getByLabel('Code du bureau').fill('BKO');
  await page.getByLabel('Votre nom').fill('Awa Coordinatrice');
  if (demo) await page.getByLabel(/données de démonstration/).check();
  await page.getByRole('button', { name: 'Commencer' }).click();
  await expect(page.getByRole('heading', { name: 'Annuaire des services' })).toBeVisible();
};

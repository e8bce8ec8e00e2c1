/* global document */
// node scripts/screenshots.mjs [outDir]: the README's screenshots, taken in Chromium from the
// built renderer (npm run build:renderer first) with the fictional demo data.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { preview } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2] ?? join(root, 'docs/screenshots');
mkdirSync(out, { recursive: true });

const server = await preview({
  configFile: join(root, 'vite.config.ts'),
  preview: { port: 0, host: '127.0.0.1' },
});
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'fr-FR' });
  const shot = async (name) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, `${name}.png`) });
    console.log(`${name}.png`);
  };
  await page.goto(url);
  await page.getByLabel('Nom du bureau').fill('Direction régionale de Bamako');
  await page.getByLabel('Code du bureau').fill('BKO');
  await page.getByLabel('Votre nom').fill('Awa Traoré (fictive)');
  await shot('setup');
  await page.getByLabel(/données de démonstration/).check();
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.getByRole('table').waitFor();
  await shot('directory');
  await page.getByLabel('Rechercher').fill('sante segou');
  await shot('directory-search');
  await page.getByRole('table').getByRole('link').first().click();
  await page
    .getByRole('button', { name: 'Modifier' })
    .or(page.getByRole('link', { name: 'Modifier' }))
    .waitFor();
  await shot('service-detail');
  await page.getByRole('link', { name: 'Modifier' }).click();
  await page.getByLabel('Téléphone 1').fill('76-AB-12');
  await page.getByLabel('Latitude').fill('112');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.evaluate(() => document.querySelector('.error-summary')?.scrollIntoView());
  await shot('service-edit-errors');
  for (const [label, name] of [
    ['Carte', 'map'],
    ['Places', 'capacity'],
    ['Tableau de bord', 'dashboard'],
    ['Orientations', 'referrals'],
    ['Échanges', 'exchange'],
    ['Paramètres', 'settings'],
  ]) {
    const link = page.getByRole('navigation').getByRole('link', { name: label, exact: true });
    if ((await link.count()) === 0) continue;
    await link.click();
    await page.waitForTimeout(700);
    await shot(name);
  }
} finally {
  await browser.close();
  server.httpServer.close();
}

/* global document, window */
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
  // Every screen at 1280 px; the gallery's screens also at 1024 and 1920 px (README).
  const GALLERY = new Set(['directory', 'map', 'capacity', 'dashboard', 'referrals', 'users']);
  const shot = async (name) => {
    // The pointer off every control, so that no entry shows its hover colour.
    await page.mouse.move(1, 300);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, `${name}.png`) });
    console.log(`${name}.png`);
    if (!GALLERY.has(name)) return;
    for (const width of [1024, 1920]) {
      await page.setViewportSize({ width, height: width === 1920 ? 1080 : 768 });
      await page.mouse.move(1, 300);
      await page.waitForTimeout(600);
      await page.screenshot({ path: join(out, `${name}-${width}.png`) });
      console.log(`${name}-${width}.png`);
    }
    await page.setViewportSize({ width: 1280, height: 860 });
  };
  const admin = { username: 'awa', password: 'trois pirogues sur le Niger' };
  const coordinator = {
    username: 'moussa',
    temp: 'mot de passe provisoire 2026',
    own: 'la pirogue glisse sur le fleuve',
  };
  const nav = async (label, name) => {
    const link = page
      .getByRole('navigation')
      .getByRole('link', { name: new RegExp(`^${label}`) })
      .first();
    // The administration entries sit in the header's menu, hidden until it is opened.
    const menu = page.getByRole('navigation').getByRole('button', { name: 'Administration' });
    if ((await link.count()) === 0 && (await menu.count()) > 0) await menu.click();
    if ((await link.count()) === 0) return;
    await link.click();
    await page.waitForTimeout(900);
    await shot(name);
  };

  // First run, as the office's administrator, with the fictional demo data.
  await page.goto(url);
  await page.getByLabel('Nom du bureau').fill('Direction régionale de Bamako');
  await page.getByLabel('Code du bureau').fill('BKO');
  await page.getByLabel('Votre nom').fill('Awa Traoré (fictive)');
  await page.getByLabel('Nom d’utilisateur').fill(admin.username);
  await page.getByLabel('Mot de passe', { exact: true }).fill(admin.password);
  await page.getByLabel('Confirmer le mot de passe').fill(admin.password);
  await page.getByLabel(/données de démonstration/).check();
  await shot('setup');
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.getByRole('table').waitFor();
  await shot('directory');
  await page.getByLabel('Rechercher').fill('sante segou');
  await shot('directory-search');
  await page.getByLabel('Rechercher').fill('');
  await page.getByRole('table').getByRole('link').first().click();
  await page.getByRole('link', { name: 'Modifier' }).waitFor();
  await shot('service-detail');
  await page.getByRole('link', { name: 'Modifier' }).click();
  await page.getByLabel('Téléphone 1').fill('76-AB-12');
  await page.getByLabel('Latitude').fill('112');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.evaluate(() => document.querySelector('.error-summary')?.scrollIntoView());
  await shot('service-edit-errors');
  await page.getByRole('link', { name: 'Annuler' }).click();
  await page
    .getByRole('button', { name: 'Effacer les filtres' })
    .click({ timeout: 2000 })
    .catch(() => {});
  await nav('Carte', 'map');
  await nav('Échanges', 'exchange');
  await nav('Journal', 'audit');
  await nav('Synchronisation', 'sync');
  await nav('Paramètres', 'settings');

  // A coordinator, created by the administrator, does the case work.
  await page.goto(`${url}#/users`);
  await page.getByRole('button', { name: 'Nouveau compte' }).click();
  const form = page.getByRole('form', { name: 'Nouveau compte' });
  await form.getByLabel('Nom d’utilisateur').fill(coordinator.username);
  await form.getByLabel('Nom affiché').fill('Moussa Diarra (fictif)');
  await form.getByLabel('Rôle').selectOption({ label: 'Coordinateur·rice' });
  await form.getByLabel('Mot de passe', { exact: true }).fill(coordinator.temp);
  await form.getByLabel('Confirmer le mot de passe').fill(coordinator.temp);
  await form.getByRole('button', { name: 'Créer le compte' }).click();
  await page.getByText(`Compte ${coordinator.username} créé.`).waitFor();
  await shot('users');
  await page
    .getByRole('banner')
    .getByRole('button', { name: /compte, verrouiller/ })
    .click();
  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await page.getByLabel('Nom d’utilisateur').fill(coordinator.username);
  await page.getByLabel('Mot de passe', { exact: true }).fill(coordinator.temp);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByLabel('Mot de passe actuel').fill(coordinator.temp);
  await page.getByLabel('Nouveau mot de passe').fill(coordinator.own);
  await page.getByLabel('Confirmer le mot de passe').fill(coordinator.own);
  await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
  await page
    .getByRole('navigation')
    .getByRole('link', { name: /^Orientations/ })
    .waitFor();
  await nav('Places', 'capacity');
  await nav('Tableau de bord', 'dashboard');
  await nav('Repérage', 'screening');
  await nav('Statistiques', 'statistics');

  // A referral to a shelter, as a draft with the person's consent (fictional case).
  await page
    .getByRole('navigation')
    .getByRole('link', { name: /^Annuaire/ })
    .click();
  await page.getByLabel('Catégorie', { exact: true }).selectOption('shelter');
  await page.getByRole('table').getByRole('link').first().click();
  await page.getByRole('link', { name: 'Orienter une personne vers ce service' }).click();
  await page.getByRole('radio', { name: 'Sous 24 heures' }).check();
  await page.getByRole('checkbox', { name: 'Hébergement' }).check();
  await page.getByLabel('Sexe / genre').selectOption('Feminine');
  await page.getByLabel('Tranche d’âge').selectOption('18-20');
  await page.getByRole('checkbox', { name: 'Exploitation sexuelle' }).check();
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await page.getByRole('button', { name: 'Enregistrer le consentement' }).click();
  const consent = page.getByRole('form', { name: 'Enregistrer le consentement' });
  await consent.getByLabel('Recueilli').selectOption('written');
  await consent.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByRole('button', { name: 'Émettre une lettre d’orientation' }).waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('referral-detail');
  await nav('Orientations', 'referrals');

  // Right to left: the directory in Arabic, then back to French for this user.
  await page
    .getByRole('navigation')
    .getByRole('link', { name: /^Annuaire/ })
    .click();
  await page
    .getByRole('button', { name: 'Effacer les filtres' })
    .click({ timeout: 2000 })
    .catch(() => {});
  await page.getByRole('banner').getByLabel('Langue').selectOption('ar');
  await page.locator('html[dir="rtl"]').waitFor();
  await page.getByRole('table').waitFor();
  await shot('directory-ar');
  await page.getByRole('banner').getByRole('combobox').first().selectOption('fr');
} finally {
  await browser.close();
  server.httpServer.close();
}

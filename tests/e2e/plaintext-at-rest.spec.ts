/**
 * Hole 9 (issue 13), checked on disk. Second test: a restricted shelter's street, town, place
 * name and coordinates are nowhere in the profile (sealed with the data key), while a public
 * shelter's coordinates and the restricted one's service name (both stored in clear on
 * purpose) are found: the controls.
 *
 * First test: the CouchDB server password typed in Settings must be
 * nowhere in the Chromium profile (it was stored in clear in IndexedDB, where anyone with the
 * disk read it). The server's user name, stored in clear on purpose, is the control canary: it
 * must be found in the IndexedDB files, or the search proves nothing.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ADMIN, completeSetup, goTo, login } from './helpers';
import { findIn, findNumberIn, openProfile } from './profileScan';

test('the CouchDB password typed in Settings is nowhere in the profile; the control is found', async ({
  baseURL,
}) => {
  test.setTimeout(180_000);
  const profile = mkdtempSync(join(tmpdir(), 'passerelle-canary-server-'));
  const tag = randomBytes(6).toString('hex');
  const canaries = {
    password: `CANARY-SRVPW-${tag}-pirogue`,
    control: `canary-user-${tag}`,
  };
  try {
    const context = await openProfile(profile, baseURL);
    const page = context.pages()[0] ?? (await context.newPage());
    await completeSetup(page);
    await goTo(page, 'Paramètres');
    const form = page.getByRole('form', { name: 'Serveur CouchDB' });
    // Nothing listens there: the link stays offline, the settings are what is scanned.
    await form.getByLabel('Adresse du serveur').fill('http://127.0.0.1:9/passerelle');
    await form.getByLabel('Nom d’utilisateur').fill(canaries.control);
    await form.getByLabel('Mot de passe').fill(canaries.password);
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(form.getByText('Enregistré.')).toBeVisible();
    // Read back after a reload: the user name is there, the password is never shown again.
    await page.reload();
    const settings = page.getByRole('heading', { name: 'Paramètres' });
    const signIn = page.getByRole('heading', { name: 'Connexion' });
    await expect(settings.or(signIn)).toBeVisible();
    if (await signIn.isVisible()) await login(page, ADMIN.username, ADMIN.password);
    await goTo(page, 'Paramètres');
    const again = page.getByRole('form', { name: 'Serveur CouchDB' });
    await expect(again.getByLabel('Nom d’utilisateur')).toHaveValue(canaries.control);
    await expect(again.getByLabel('Mot de passe')).toHaveValue('');
    await context.close();

    const control = findIn(profile, canaries.control);
    expect(
      control.some((f) => f.includes('IndexedDB')),
      'control canary found',
    ).toBe(true);
    expect(findIn(profile, canaries.password)).toEqual([]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a restricted shelter’s address and coordinates are nowhere in the profile; the controls are found', async ({
  baseURL,
}) => {
  test.setTimeout(240_000);
  const profile = mkdtempSync(join(tmpdir(), 'passerelle-canary-place-'));
  const tag = randomBytes(6).toString('hex');
  // Coordinates with digits nobody else uses, inside Bamako's district.
  const seed = parseInt(tag.slice(0, 6), 16) / 0xffffff;
  const canaries = {
    street: `CANARY-RUE-${tag}`,
    town: `CANARY-QUARTIER-${tag}`,
    place: `CANARY-LIEU-${tag}`,
    lat: Number((12.6 + seed / 100).toFixed(7)),
    lon: Number((-8.0 - seed / 100).toFixed(7)),
    control: `Refuge-controle-${tag}`,
    publicLat: Number((12.65 + seed / 100).toFixed(7)),
  };
  try {
    const context = await openProfile(profile, baseURL);
    const page = context.pages()[0] ?? (await context.newPage());
    await completeSetup(page);
    // The restricted shelter, typed in by the administrator (allowed to see the place).
    await page.goto('./#/services/new');
    await page.getByLabel('Nom du service').fill(canaries.control);
    await page.getByLabel('Organisation').fill(`Association ${tag}`);
    await page.getByLabel('Catégorie').selectOption('shelter');
    await page.getByLabel('Nom du lieu (si différent)').fill(canaries.place);
    await page.getByLabel('Adresse', { exact: true }).fill(canaries.street);
    await page.getByLabel('Localité').fill(canaries.town);
    await page.getByLabel('Région', { exact: true }).selectOption('ML-BKO');
    await page.getByLabel('Latitude').fill(String(canaries.lat));
    await page.getByLabel('Longitude').fill(String(canaries.lon));
    await page.getByLabel('Visibilité de l’adresse').selectOption('restricted');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByRole('heading', { name: canaries.control })).toBeVisible();
    // Those allowed still read it, from the sealed row.
    await expect(page.getByText(canaries.street)).toBeVisible();
    // A public shelter: its coordinates are the control for the number scan.
    await page.goto('./#/services/new');
    await page.getByLabel('Nom du service').fill(`Centre public ${tag}`);
    await page.getByLabel('Organisation').fill(`Association publique ${tag}`);
    await page.getByLabel('Catégorie').selectOption('shelter');
    await page.getByLabel('Région', { exact: true }).selectOption('ML-BKO');
    await page.getByLabel('Latitude').fill(String(canaries.publicLat));
    await page.getByLabel('Longitude').fill('-8.01');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByRole('heading', { name: `Centre public ${tag}` })).toBeVisible();
    await context.close();

    expect(
      findIn(profile, canaries.control).some((f) => f.includes('IndexedDB')),
      'control name found',
    ).toBe(true);
    expect(
      findNumberIn(profile, canaries.publicLat).some((f) => f.includes('IndexedDB')),
      'control coordinate found',
    ).toBe(true);
    for (const text of [canaries.street, canaries.town, canaries.place])
      expect(findIn(profile, text), text).toEqual([]);
    for (const n of [canaries.lat, canaries.lon])
      expect(findNumberIn(profile, n), String(n)).toEqual([]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

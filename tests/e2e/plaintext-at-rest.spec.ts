/**
 * Hole 9 (issue 13), checked on disk: the CouchDB server password typed in Settings must be
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
import { findIn, openProfile } from './profileScan';

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

/**
 * Encryption at rest, checked on disk (issue 7): canary values go through the real repositories
 * into Chromium's IndexedDB in a profile of our own; the browser is closed; every file of the
 * profile is searched for them, as bytes in the encodings Chromium stores strings in. The sealed
 * canary and the password must be nowhere; the canary stored in a field that is not encrypted
 * must be found, or the search proves nothing.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { build } from 'vite';
import { completeSetup } from './helpers';
import { findIn, openProfile, profileFiles } from './profileScan';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
// Per worker process: a worker building into a folder another one serves from emptied it under
// that one's page (a 404, seen once in CI). Removed after its tests.
const outDir = here(
  `../../out/canary-accounts-${process.env.E2E_PORT ?? 'default'}-${process.pid}`,
);
let server: Server;
let origin = '';

// The repositories alone, in a page of their own: only this test builds and serves it, so the
// other test's worker does not rebuild it meanwhile.
test.describe('repositories writing to disk', () => {
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    await build({
      configFile: false,
      root: here('./canary'),
      base: './',
      logLevel: 'warn',
      resolve: { alias: { '@shared': here('../../shared') } },
      build: { outDir, emptyOutDir: true, target: 'chrome120' },
    });
    const types: Record<string, string> = {
      '.html': 'text/html',
      '.js': 'text/javascript',
      '.wasm': 'application/wasm',
    };
    server = createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
      const file = join(outDir, path === '/' ? 'index.html' : path);
      if (!file.startsWith(outDir) || !existsSync(file)) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  });

  test.afterAll(async () => {
    if (server) {
      // Keep-alive connections would hold close() open past the hook's minute.
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
    rmSync(outDir, { recursive: true, force: true });
  });

  test('no plaintext canary on disk, and the control canary is found', async () => {
    test.setTimeout(120_000);
    const profile = mkdtempSync(join(tmpdir(), 'passerelle-canary-'));
    const tag = randomBytes(6).toString('hex');
    const canaries = {
      sealed: `CANARY-SEALED-${tag}-Aminata-14-ans-Kayes`,
      plain: `CANARY-PLAIN-${tag}-control`,
      password: `CANARY-PASSWORD-${tag} pirogue`,
    };
    try {
      const context = await openProfile(profile);
      const page = await context.newPage();
      await page.goto(origin);
      await page.waitForFunction(() => typeof window.writeCanaries === 'function');
      expect(await page.evaluate((c) => window.writeCanaries(c), canaries)).toBe('ok');
      await context.close();

      expect(profileFiles(profile).some((f) => f.includes('IndexedDB'))).toBe(true);
      expect(findIn(profile, canaries.plain).length, 'control canary found').toBeGreaterThan(0);
      expect(findIn(profile, canaries.sealed)).toEqual([]);
      expect(findIn(profile, 'Aminata-14-ans')).toEqual([]);
      expect(findIn(profile, canaries.password)).toEqual([]);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

/** A service of the directory, typed in: its name is not case data (the scan's control). */
const addService = async (page: Page, name: string) => {
  await page.getByRole('link', { name: 'Annuaire' }).click();
  await page.getByRole('link', { name: 'Ajouter un service' }).click();
  await page.getByLabel('Nom du service').fill(name);
  await page.getByLabel('Organisation').fill('Association Sœurs Solidaires');
  await page.getByLabel('Catégorie').selectOption('shelter');
  await page.getByRole('checkbox', { name: 'Femmes' }).check();
  await page.getByLabel('Localité').fill('Sébénikoro');
  await page.getByLabel('Région', { exact: true }).selectOption('ML-BKO');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
};

test('a referral typed through the app: the name and the notes are nowhere on disk in plaintext', async ({
  baseURL,
}) => {
  test.setTimeout(180_000);
  const profile = mkdtempSync(join(tmpdir(), 'passerelle-canary-ui-'));
  const tag = randomBytes(6).toString('hex');
  const canaries = {
    control: `CANARY-SERVICE-${tag}`,
    name: `CANARY-NAME-${tag}-Aminata`,
    notes: `CANARY-NOTES-${tag}-arrivée-de-Kayes`,
    details: `CANARY-DETAILS-${tag}-pour-le-foyer`,
  };
  try {
    const context = await openProfile(profile, baseURL);
    const page = context.pages()[0] ?? (await context.newPage());
    await completeSetup(page, { as: 'coordinator' });
    await addService(page, canaries.control);
    await page.getByRole('link', { name: 'Orienter une personne vers ce service' }).click();
    await page.getByRole('radio', { name: 'Sous 24 heures' }).check();
    await page.getByRole('checkbox', { name: 'Hébergement' }).check();
    await page.getByLabel('Informations pour le service destinataire').fill(canaries.details);
    await page.getByLabel('Notes internes').fill(canaries.notes);
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect(page.getByRole('heading', { name: /^Orientation BKO-\d{4}-0001/ })).toBeVisible();
    await page.getByRole('button', { name: 'Enregistrer le consentement' }).click();
    const consent = page.getByRole('form', { name: 'Enregistrer le consentement' });
    await consent
      .getByRole('checkbox', { name: 'Que son nom soit enregistré dans Passerelle' })
      .check();
    await consent.getByLabel('Nom de la personne').fill(canaries.name);
    await consent.getByLabel('Recueilli').selectOption('written');
    await consent.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText('Nom enregistré, masqué')).toBeVisible();
    await page.getByRole('button', { name: 'Marquer comme envoyée' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Envoyée');
    // Read back through the app: the case opens with the key.
    await expect(page.getByText(canaries.notes)).toBeVisible();
    await context.close();

    // The control is found in the database files themselves, so the search can see there;
    // the case fields are nowhere in the profile (session-restore files included).
    const control = findIn(profile, canaries.control);
    expect(
      control.some((f) => f.includes('IndexedDB')),
      'control canary found',
    ).toBe(true);
    expect(findIn(profile, canaries.name)).toEqual([]);
    expect(findIn(profile, canaries.notes)).toEqual([]);
    expect(findIn(profile, canaries.details)).toEqual([]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

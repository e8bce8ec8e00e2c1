/**
 * Hole 8 (issue 13): in the desktop window, `connect-src 'self'` blocked every request to the
 * CouchDB server. Here the built app runs in Chromium under the production CSP header
 * (electron/main/window.ts, as the app:// protocol sends it), naming the configured server as
 * main does once told through the checked IPC call: replication works; a server the policy does
 * not name stays blocked; and the policy without a server (the old one) blocks it.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { contentSecurityPolicy } from '../../electron/main/window';
import { startLoopback } from '../unit/sync/loopback';
import { completeSetup, goTo } from './helpers';

// Two offices set up in one test (each with its argon2id account): more than the default minute
// on a loaded 2-core machine.
test.describe.configure({ timeout: 120_000 });

/** A new office whose every page load carries the production CSP for `serverOrigin`. */
const officeUnderCsp = async (browser: Browser, serverOrigin: string | null) => {
  const context = await browser.newContext();
  await context.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: {
        ...response.headers(),
        'content-security-policy': contentSecurityPolicy(serverOrigin),
      },
    });
  });
  const page = await context.newPage();
  const refused: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/.test(m.text())) refused.push(m.text());
  });
  await completeSetup(page);
  return { page, refused };
};

const configureServer = async (page: Page, url: string) => {
  await goTo(page, 'Paramètres');
  const form = page.getByRole('form', { name: 'Serveur CouchDB' });
  await form.getByLabel('Adresse du serveur').fill(url);
  await form.getByLabel('Nom d’utilisateur').fill('bko');
  await form.getByLabel('Mot de passe').fill('mot-de-passe-bko');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByText('Enregistré.')).toBeVisible();
};

test('replication to the configured server works under the production CSP, and only there', async ({
  browser,
}, info) => {
  const appOrigin = new URL(String(info.project.use.baseURL)).origin;
  const users = { bko: 'mot-de-passe-bko' };
  const allowed = await startLoopback({ origins: [appOrigin], users });
  const other = await startLoopback({ origins: [appOrigin], users });
  try {
    for (const s of [allowed, other])
      await fetch(`${s.url}/passerelle`, {
        method: 'PUT',
        headers: {
          authorization: `Basic ${Buffer.from('bko:mot-de-passe-bko').toString('base64')}`,
        },
      });
    const allowedOrigin = new URL(allowed.url).origin;

    // The policy names this server: the office connects and gets in step.
    const good = await officeUnderCsp(browser, allowedOrigin);
    await configureServer(good.page, `${allowed.url}/passerelle`);
    await goTo(good.page, 'Synchronisation');
    await expect(good.page.getByText('Connecté, à jour')).toBeVisible({ timeout: 30_000 });
    expect(good.refused).toEqual([]);
    const otherBefore = other.requests();

    // Another server, which the policy does not name: Chromium refuses every request to it.
    await configureServer(good.page, `${other.url}/passerelle`);
    await expect.poll(() => good.refused.length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(good.refused.join('\n')).toContain(new URL(other.url).host);
    // Blocked in the page: not one request reached that server.
    expect(other.requests()).toBe(otherBefore);

    await good.page.context().close();

    // The policy as it was before the fix (connect-src 'self'): the server is unreachable.
    const old = await officeUnderCsp(browser, null);
    const allowedBefore = allowed.requests();
    await configureServer(old.page, `${allowed.url}/passerelle`);
    await expect.poll(() => old.refused.length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(old.refused.join('\n')).toContain("connect-src 'self'");
    expect(allowed.requests()).toBe(allowedBefore);
  } finally {
    await allowed.stop();
    await other.stop();
  }
});

/**
 * Referrals by role (issues 7 and 10): a shelter manager answers the referrals addressed to
 * their shelter (accept, decline, complete) and nothing else of them; every opening of a
 * referral leaves an audit entry naming who opened it.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { completeSetup, createUser, firstLogin, logout } from './helpers';

const SHOTS = '/tmp/shots-accounts';
const NOTES = 'CANARY-NOTES-du-coordinateur';
test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

/** A demo shelter, read straight from IndexedDB (test set-up, not the app's view). */
const aShelter = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ id: string; name: string }>((resolve, reject) => {
        const open = indexedDB.open('passerelle');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('services').objectStore('services').getAll();
          all.onsuccess = () => {
            const s = (all.result as { id: string; name: string; category: string }[]).find(
              (x) => x.category === 'shelter',
            );
            if (s) resolve({ id: s.id, name: s.name });
            else reject(new Error('no shelter in the demo'));
          };
        };
      }),
  );

/** Audit entries of one record, straight from IndexedDB (actions and actors are not sealed). */
const auditOf = (page: Page, recordId: string) =>
  page.evaluate(
    (id) =>
      new Promise<{ action: string; actor: string }[]>((resolve, reject) => {
        const open = indexedDB.open('passerelle');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const rows = open.result.transaction('audit').objectStore('audit').getAll();
          rows.onsuccess = () =>
            resolve(
              (rows.result as { action: string; actor: string; recordId: string }[])
                .filter((e) => e.recordId === id)
                .map(({ action, actor }) => ({ action, actor })),
            );
        };
      }),
    recordId,
  );

test('a shelter manager answers a referral to their shelter, cannot send or withdraw it, and opening it is audited', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await completeSetup(page, { demo: true });
  const shelter = await aShelter(page);
  await createUser(page, { username: 'fatou', displayName: 'Fatou Keita', role: 'coordinator' });
  await createUser(page, {
    username: 'moussa',
    displayName: 'Moussa Diarra',
    role: 'shelter_manager',
    shelters: [shelter.name],
  });
  await logout(page);
  await firstLogin(page, 'fatou');
  await page.goto(`./#/referrals/new/${shelter.id}`);
  await page.getByRole('radio', { name: 'Sous 24 heures' }).check();
  await page.getByRole('checkbox', { name: 'Hébergement' }).check();
  await page.getByLabel('Notes internes').fill(NOTES);
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.getByRole('heading', { name: /^Orientation BKO-\d{4}-0001/ })).toBeVisible();
  await page.getByRole('button', { name: 'Passer outre le consentement' }).click();
  await page
    .getByLabel('Motif de la dérogation')
    .fill('Mineure seule, tuteur injoignable cette nuit.');
  await page.getByRole('button', { name: 'Enregistrer la dérogation' }).click();
  await page.getByRole('button', { name: 'Marquer comme envoyée' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Envoyée');
  const url = page.url();
  const id = decodeURIComponent(url.split('#/referrals/')[1] ?? '');

  await logout(page);
  await firstLogin(page, 'moussa');
  await page.goto(url);
  await expect(page.getByRole('heading', { name: /^Orientation BKO-\d{4}-0001/ })).toBeVisible();
  // The answer is theirs; sending, withdrawing, consent, letters and edits are the referrer's.
  await expect(page.getByRole('button', { name: 'Acceptée par le service' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Refusée par le service' })).toBeVisible();
  for (const name of [
    'Marquer comme envoyée',
    'Retirer l’orientation',
    'Enregistrer le consentement',
    'Passer outre le consentement',
    'Émettre une lettre d’orientation',
  ])
    await expect(page.getByRole('button', { name })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Modifier' })).toHaveCount(0);
  // The referrers' internal notes are not the manager's to read.
  expect(await page.content()).not.toContain(NOTES);
  await page.screenshot({ path: `${SHOTS}/shelter-manager-referral.png`, fullPage: true });
  await page.getByRole('button', { name: 'Acceptée par le service' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Acceptée');
  await expect(page.getByRole('button', { name: 'Marquer comme terminée' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retirer l’orientation' })).toHaveCount(0);

  const audit = await auditOf(page, id);
  expect(audit).toContainEqual({ action: 'referral.view', actor: 'fatou' });
  expect(audit).toContainEqual({ action: 'referral.view', actor: 'moussa' });
  expect(audit).toContainEqual({ action: 'referral.accept', actor: 'moussa' });
  expect(audit).toContainEqual({ action: 'referral.consentOverride', actor: 'fatou' });
});

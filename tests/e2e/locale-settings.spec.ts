/**
 * Settings → Language and dates behaves as the header's language menu: the language is shown
 * once its strings are loaded, and only then saved as the user's. One that cannot be loaded is
 * said so, in the form too, and not saved: the next start does not switch to it.
 */
import type { Request } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { completeSetup } from './helpers';

test('the language form waits for the language; one that cannot be loaded is not saved', async ({
  page,
}) => {
  await completeSetup(page);
  await page.goto('./#/settings');
  const form = page.getByRole('form', { name: 'Langue et dates' });
  await expect(form).toBeVisible();

  // Each language's strings are a script of their own (issue 15): Portuguese refused, as offline.
  const portuguese = /\/assets\/pt-[^/]*\.js$/;
  await page.route(portuguese, (r) => r.abort());
  await form.getByLabel('Langue de l’interface').selectOption('pt');
  await form.getByRole('button', { name: 'Enregistrer mes préférences' }).click();
  const failed = '« Português » n’a pas pu être chargée';
  await expect(page.getByRole('alert')).toContainText(failed);
  await expect(page.getByText('Préférences de langue enregistrées.')).toHaveCount(0);
  await expect(form).toContainText(failed);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  // Not the user's language: after a reload, with the strings reachable again, no one asks for
  // Portuguese (the user's saved language would be fetched to be shown) and French stays.
  await page.unroute(portuguese);
  const asked: Request[] = [];
  page.on('request', (r) => {
    if (portuguese.test(r.url())) asked.push(r);
  });
  await page.reload();
  await expect(form).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(asked).toEqual([]);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(form.getByLabel('Langue de l’interface')).toHaveValue('fr');

  // Reachable, it is shown, then saved, and the message is said in it.
  await form.getByLabel('Langue de l’interface').selectOption('pt');
  await form.getByRole('button', { name: 'Enregistrer mes préférences' }).click();
  await expect(page.getByRole('heading', { name: 'Língua e datas' })).toBeVisible();
  await expect(page.getByText('Preferências de língua guardadas.')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Língua e datas' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt');
});

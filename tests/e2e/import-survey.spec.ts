/**
 * A KoBoToolbox export of the HTCDS form through the real Import screen (issue 17): the
 * survey step names what is never kept, refuses a bad row with what is accepted, and writes
 * drafts that the referral register lists; importing it again updates instead of adding.
 * An administrator (who may import services but not create referrals) cannot import them.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { koboCsv, koboRows } from '../fixtures/koboExport';
import { fillSetup, goTo, switchToNewUser } from './helpers';

const chooseFile = async (page: Page, name: string, bytes: Uint8Array) => {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choisir un fichier…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(bytes) });
};

const shots = process.env.SHOTS_DIR;

/** completeSetup with the demo, waiting longer: key derivation is slow on a loaded machine. */
const setUp = async (page: Page, coordinator: boolean) => {
  await page.goto('./');
  await fillSetup(page);
  await page.getByLabel(/données de démonstration/).check();
  await page.getByRole('button', { name: 'Commencer' }).click();
  const directory = page.getByRole('heading', { name: 'Annuaire des services' });
  await expect(directory).toBeVisible({ timeout: 60_000 });
  if (!coordinator) return;
  await switchToNewUser(page, 'coordinator');
  await page.goto('./#/directory');
  await expect(directory).toBeVisible({ timeout: 60_000 });
};

test('a KoBo export of the HTCDS form becomes referral drafts, once', async ({ page }) => {
  test.setTimeout(240_000);
  await setUp(page, true);
  const rows = koboRows(6);
  rows[4]!.exploitation = 'ForcedLabour Piraterie';
  const file = koboCsv(rows);
  await goTo(page, 'Échanges');
  await chooseFile(page, 'htcds-kobo.csv', file);

  await expect(
    page.getByRole('heading', { name: 'Export d’enquête : formulaire HTCDS' }),
  ).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('6 soumissions lues : 5 brouillons prêts, 1 refusées')).toBeVisible();
  await expect(page.getByText(/Jamais conservées.*group_person\/prs_First_Name/)).toBeVisible();
  const refused = page.getByRole('row').filter({ hasText: 'Piraterie' });
  await expect(refused).toContainText('group_victim/vic_TypeOfExploitation');
  await expect(refused).toContainText('Travail forcé');
  await expect(refused.getByRole('cell').first()).toHaveText('6');

  const confirm = page.getByRole('button', { name: 'Créer les brouillons (5)' });
  await expect(confirm).toBeDisabled();
  const service = page.getByLabel('Service destinataire');
  const first = await service.locator('option').nth(1).getAttribute('value');
  await service.selectOption(first!);
  await page.getByRole('checkbox', { name: 'hébergement' }).check();
  if (shots) await page.screenshot({ path: `${shots}/survey-fr.png`, fullPage: true });
  await confirm.click();
  await expect(page.getByText('Brouillons créés : 5 ; mis à jour : 0')).toBeVisible();

  // The same export again: nothing new.
  await chooseFile(page, 'htcds-kobo.csv', file);
  await service.selectOption(first!);
  await page.getByRole('checkbox', { name: 'hébergement' }).check();
  await page.getByRole('button', { name: 'Créer les brouillons (5)' }).click();
  await expect(
    page.getByText(
      'Brouillons créés : 0 ; mis à jour : 0 ; laissés tels quels (déjà envoyés ou inchangés) : 5',
    ),
  ).toBeVisible();

  await goTo(page, 'Référencements');
  await expect(page.getByRole('row').filter({ hasText: /BKO-\d{4}-\d{4}/ })).toHaveCount(5);
});

test('an administrator may import services but not referrals', async ({ page }) => {
  test.setTimeout(180_000);
  await setUp(page, false);
  await goTo(page, 'Échanges');
  await chooseFile(page, 'htcds-kobo.csv', koboCsv(koboRows(2)));
  await expect(
    page.getByRole('heading', { name: 'Export d’enquête : formulaire HTCDS' }),
  ).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('alert')).toContainText('Votre rôle ne permet pas cette action.');
  await expect(page.getByRole('button', { name: /Créer les brouillons/ })).toHaveCount(0);
});

/**
 * Issue 13, hole 1: an administrator hands a service of this office over to a trusted partner
 * office from the service's page; the act waits, signed, for the next sync. A coordinator does
 * not see the control.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { goTo, switchToNewUser } from './helpers';
import { download, office, openWith } from './syncHelpers';

const shots = process.env.SHOTS_DIR;
const NAME = 'Foyer Dougoutigui';

const openService = async (page: Page) => {
  await page.getByRole('link', { name: 'Annuaire' }).click();
  await page
    .getByRole('table', { name: 'Annuaire des services' })
    .getByRole('link', { name: NAME })
    .click();
  await expect(page.getByRole('heading', { name: NAME })).toBeVisible();
};

test('an administrator transfers a service to a partner; a coordinator cannot', async ({
  browser,
}) => {
  test.setTimeout(150_000); // two offices set up, then a second account
  const bko = await office(browser, 'BKO', 'Direction régionale de Bamako');
  const seg = await office(browser, 'SEG', 'Direction régionale de Ségou');
  // BKO trusts SEG (one way is enough to name it as the new owner).
  await goTo(seg, 'Paramètres');
  const identity = await download(seg, () =>
    seg.getByRole('button', { name: 'Enregistrer la fiche d’identité' }).click(),
  );
  await goTo(bko, 'Paramètres');
  await openWith(bko, identity, () =>
    bko.getByRole('button', { name: 'Importer la fiche d’un bureau' }).click(),
  );
  await bko.getByRole('button', { name: 'Faire confiance', exact: true }).click();
  await expect(bko.getByText(/est maintenant un bureau de confiance/)).toBeVisible();

  await bko.getByRole('link', { name: 'Annuaire' }).click();
  await bko.getByRole('link', { name: 'Ajouter un service' }).click();
  await bko.getByLabel('Nom du service').fill(NAME);
  await bko.getByLabel('Organisation').fill('Association Sœurs Solidaires');
  await bko.getByLabel('Catégorie').selectOption('shelter');
  await bko.getByLabel('Région', { exact: true }).selectOption('ML-BKO');
  await bko.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(bko.getByRole('heading', { name: NAME })).toBeVisible();

  const panel = bko.getByRole('region', { name: 'Transférer à un bureau partenaire' });
  const start = panel.getByRole('button', { name: 'Transférer…' });
  await expect(start).toBeDisabled();
  await panel
    .getByLabel('Bureau partenaire')
    .selectOption({ label: 'Direction régionale de Ségou (SEG)' });
  await start.click();
  const dialog = panel.getByRole('alertdialog');
  await expect(dialog).toContainText('prochaine synchronisation');
  if (shots) {
    await bko.screenshot({ path: `${shots}/handover-fr.png`, fullPage: true });
    await bko.getByLabel('Langue', { exact: true }).selectOption('ar');
    await expect(bko.locator('html')).toHaveAttribute('dir', 'rtl');
    await bko.screenshot({ path: `${shots}/handover-ar.png`, fullPage: true });
    await bko.getByLabel('اللغة', { exact: true }).selectOption('fr');
  }
  await dialog.getByRole('button', { name: 'Transférer le service' }).click();
  await expect(panel.getByRole('status')).toHaveText(
    'Transfert à Direction régionale de Ségou (SEG) en attente : signé, part à la prochaine synchronisation.',
  );
  if (shots) await bko.screenshot({ path: `${shots}/handover-pending-fr.png`, fullPage: true });

  await switchToNewUser(bko, 'coordinator');
  await openService(bko);
  await expect(bko.getByRole('heading', { name: 'Transférer à un bureau partenaire' })).toHaveCount(
    0,
  );
});

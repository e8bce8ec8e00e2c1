import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { SHELTER, nav } from './demoShelters';
import { completeSetup, ownPassword } from './helpers';

/** The account completeSetup's `as: 'coordinator'` makes and uses (tests/e2e/helpers.ts). */
const COORDINATOR = { username: 'coordinator', name: 'Test Coordinateur·rice' };

/** Free beds for women in Bamako, as the dashboard's table shows them. */
const bamakoWomen = async (page: Page): Promise<number> => {
  const table = page.getByRole('table', {
    name: 'Lits libres maintenant, par région et par public',
  });
  // The table fills in as the summaries load: read it once its Women column is there.
  await expect(table.getByRole('columnheader', { name: 'Femmes', exact: true })).toBeVisible();
  const headers = await table.getByRole('columnheader').allTextContents();
  const row = table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'Bamako', exact: true }) });
  // The first column is the row header, not a cell.
  return Number(
    await row
      .getByRole('cell')
      .nth(headers.indexOf('Femmes') - 1)
      .textContent(),
  );
};

test('beds updated by keyboard; the dashboard follows; 49 h later they are flagged stale', async ({
  page,
}) => {
  await page.clock.install({ time: new Date('2026-03-02T08:00:00Z') });
  // The administrator only looks at beds (permissions.ts): a coordinator updates them.
  await completeSetup(page, { demo: true, as: 'coordinator' });

  await nav(page, 'Tableau de bord');
  await expect(page.getByText(/^\d+ hébergements$/)).toBeVisible();
  // Read until two reads agree: the first render may precede the last live-query update.
  let before = await bamakoWomen(page);
  await expect
    .poll(async () => {
      const again = await bamakoWomen(page);
      const same = again === before;
      before = again;
      return same;
    })
    .toBe(true);

  // One click from the start screen, then the shelter.
  await nav(page, 'Places');
  await expect(page.getByRole('heading', { name: 'Places en hébergement' })).toBeVisible();
  await page.getByLabel('Hébergement', { exact: true }).selectOption({ label: SHELTER });
  await expect(page.getByRole('heading', { name: SHELTER })).toBeVisible();
  const wasOpen = (await page.getByLabel(/^Statut de l/).inputValue()) === 'open';
  const wasFree = Number(await page.getByLabel('Disponibles — Femmes').textContent());
  const freeBefore = wasOpen ? Math.max(0, wasFree) : 0;

  // Keyboard only: type the totals, step occupancy with the big buttons, Enter saves.
  await page.getByLabel('Lits au total — Femmes').fill('12');
  await page.getByLabel('Lits hors service — Femmes').fill('1');
  await page.getByLabel('Lits occupés — Femmes').fill('5');
  await page.getByRole('button', { name: 'Ajouter une personne — Femmes' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByLabel('Lits occupés — Femmes')).toBeFocused();
  await expect(page.getByLabel('Lits occupés — Femmes')).toHaveValue('7');
  await expect(page.getByLabel('Disponibles — Femmes')).toHaveText('4');
  await page.getByLabel(/^Statut de l/).selectOption('open');
  await page.getByLabel('Lits occupés — Femmes').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Places enregistrées' })).toBeVisible();
  const head = page.getByRole('region', { name: SHELTER });
  await expect(
    head.getByText(`mis à jour maintenant par ${COORDINATOR.name}`).first(),
  ).toBeVisible();
  await expect(page.getByLabel('Lits occupés — Femmes')).toHaveValue('7');

  // The dashboard's figure moves by exactly what changed, and the shelter is not stale.
  await nav(page, 'Tableau de bord');
  await expect.poll(() => bamakoWomen(page)).toBe(before - freeBefore + 4);
  const stale = page.getByRole('region', { name: /Chiffres anciens ou absents/ });
  await expect(stale.getByRole('link', { name: SHELTER })).toHaveCount(0);

  // The service's page shows the same figures and their age.
  await page.goBack();
  await page.getByRole('link', { name: 'Voir la fiche du service' }).click();
  const panel = page.getByRole('region', { name: 'Places' });
  await expect(
    panel
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Femmes' }) })
      .getByRole('cell'),
  ).toHaveText([
    '4',
    '7',
    '12',
    '1',
    '0',
    new RegExp(`mis à jour maintenant par ${COORDINATOR.name}`),
  ]);

  // 49 hours later, nobody has updated: every screen says the figures are old.
  await page.clock.fastForward('49:00:00');
  // Two idle days always lock the session (accounts; 15 min by default). Waiting for the lock
  // itself, not for "lock or stale flag": the flag can show a moment before the lock lands.
  await expect(page.getByRole('heading', { name: 'Session verrouillée' })).toBeVisible();
  await page.getByLabel('Mot de passe', { exact: true }).fill(ownPassword(COORDINATOR.username));
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  const flagged = panel.getByText('Chiffres anciens').first();
  await expect(flagged).toBeVisible();
  await nav(page, 'Tableau de bord');
  await expect(stale.getByRole('link', { name: SHELTER })).toBeVisible();
  await nav(page, 'Places');
  await page.getByLabel('Hébergement', { exact: true }).selectOption({ label: SHELTER });
  await expect(page.getByText(/Plus de 48 h sans mise à jour/)).toBeVisible();
  await expect(
    head.getByText(`mis à jour il y a 2 j par ${COORDINATOR.name}`).first(),
  ).toBeVisible();

  // The directory finds it among shelters with a free bed for women, with its badge.
  await nav(page, 'Annuaire');
  await page.getByLabel('Lit libre pour').selectOption('women');
  const list = page.getByRole('table', { name: 'Annuaire des services' });
  await page.getByLabel('Rechercher').fill(SHELTER);
  await expect(list.getByRole('row').filter({ hasText: SHELTER })).toContainText(
    /\d+ lits? libres? \(Femmes\) · chiffres anciens/,
  );
});

test('impossible figures are refused with a message naming the field, and nothing is stored', async ({
  page,
}) => {
  await completeSetup(page, { demo: true, as: 'coordinator' });
  await nav(page, 'Places');
  await page.getByLabel('Hébergement', { exact: true }).selectOption({ label: SHELTER });
  const occupied = page.getByLabel('Lits occupés — Femmes');
  const baseline = page.getByLabel('Lits au total — Femmes');
  const [was, wasBaseline] = [await occupied.inputValue(), await baseline.inputValue()];

  await occupied.fill('-3');
  await baseline.fill('2,5');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('2 champs sont à corriger. Rien n’a été enregistré.');
  await expect(alert).toContainText('Lits occupés — Femmes : Le nombre ne peut pas être négatif.');
  await expect(alert).toContainText('Lits au total — Femmes : Entrez un nombre entier.');
  await expect(occupied).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Places enregistrées' })).toHaveCount(0);

  await page.reload();
  await page.getByLabel('Hébergement', { exact: true }).selectOption({ label: SHELTER });
  await expect(page.getByLabel('Lits occupés — Femmes')).toHaveValue(was);
  await expect(page.getByLabel('Lits au total — Femmes')).toHaveValue(wasBaseline);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the stale threshold is a setting, refused when impossible', async ({ page }) => {
  await completeSetup(page);
  await nav(page, 'Paramètres');
  const form = page.getByRole('form', { name: 'Places en hébergement' });
  const field = form.getByLabel('Signaler les chiffres comme anciens après (heures)');
  await expect(field).toHaveValue('48');
  await field.fill('0');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByText('Entrez un nombre entier d’heures entre 1 et 720.')).toBeVisible();
  await field.fill('24');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByText('Seuil enregistré : 24 h.')).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole('form', { name: 'Places en hébergement' }).getByLabel(/Signaler les chiffres/),
  ).toHaveValue('24');
});

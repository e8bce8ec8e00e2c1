/**
 * A KoBoToolbox export of the HTCDS form through the real Import screen (issue 17): the
 * survey step names what is never kept, refuses a bad row with what is accepted, and writes
 * drafts that the referral register lists; importing it again updates instead of adding.
 * An administrator (who may import services but not create referrals) cannot import them.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { koboCsv, koboRows, koboSplitCsv, koboSplitTable } from '../fixtures/koboExport';
import { toCsv } from '../../shared/domain/exchange/csv';
import { checkFile, fillSetup, goTo, switchToNewUser } from './helpers';

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
  test.setTimeout(400_000);
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
  // The report's row (the answers table above lists "Piraterie" too, to choose for it).
  const refused = page
    .getByRole('row')
    .filter({ hasText: 'Piraterie' })
    .filter({ hasText: 'Valeurs acceptées' });
  await expect(refused).toContainText('group_victim/vic_TypeOfExploitation');
  await expect(refused).toContainText('Travail forcé');
  await expect(refused.getByRole('cell').first()).toHaveText('6');

  const confirm = page.getByRole('button', { name: 'Créer les brouillons (5)' });
  await expect(confirm).toBeDisabled();
  const service = page.getByLabel('Service destinataire');
  const first = await service.locator('option').nth(1).getAttribute('value');
  await service.selectOption(first!);
  await page.getByRole('checkbox', { name: 'hébergement' }).check();
  if (shots) {
    await page.screenshot({ path: `${shots}/survey-fr.png`, fullPage: true });
    await page.getByLabel('Langue', { exact: true }).selectOption('ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await page.screenshot({ path: `${shots}/survey-ar.png`, fullPage: true });
    await page.getByLabel('اللغة', { exact: true }).selectOption('fr');
  }
  await confirm.click();
  await expect(page.getByText('Brouillons créés : 5 ; mis à jour : 0')).toBeVisible();

  // The same export again: nothing new.
  await chooseFile(page, 'htcds-kobo.csv', file);
  await expect(confirm).toBeVisible({ timeout: 60_000 });
  await service.selectOption(first!);
  await page.getByRole('checkbox', { name: 'hébergement' }).check();
  await page.getByRole('button', { name: 'Créer les brouillons (5)' }).click();
  await expect(
    page.getByText(
      'Brouillons créés : 0 ; mis à jour : 0 ; laissés tels quels (déjà envoyés ou inchangés) : 5',
    ),
  ).toBeVisible();

  await goTo(page, 'Orientations');
  await expect(page.getByRole('row').filter({ hasText: /BKO-\d{4}-\d{4}/ })).toHaveCount(5);
});

/** The case field shown on a referral's page (label, then its value). */
const fact = (page: Page, label: string) =>
  page.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');

/** Each of the `n` drafts in the register: the first line of its notes → its types. */
const draftTypes = async (page: Page, n: number): Promise<string[]> => {
  const drafts = page.getByRole('row').filter({ hasText: /BKO-\d{4}-\d{4}/ });
  await expect(drafts).toHaveCount(n);
  const found: string[] = [];
  for (let i = 0; i < n; i++) {
    await drafts.nth(i).getByRole('link').first().click();
    await expect(fact(page, 'Forme d’exploitation')).toBeVisible();
    const notes = await fact(page, 'Notes internes').innerText();
    found.push(
      `${notes.split('\n')[0]!.trim()} → ${(await fact(page, 'Forme d’exploitation').innerText()).trim()}`,
    );
    await goTo(page, 'Orientations');
  }
  return found;
};

test('an answer the form does not name: refused, chosen by the user, imported, chosen again', async ({
  page,
}) => {
  test.setTimeout(400_000);
  await setUp(page, true);
  // "Garimpo" (gold panning, in Mozambique's Portuguese): no value of the form names it; nor
  // does "Travail domestique", a label with a space, which is one answer, not two words.
  const rows = koboRows(4);
  rows[1]!.exploitation = 'SexualExploitation Garimpo';
  rows[2]!.exploitation = 'Garimpo';
  rows[3]!.exploitation = 'Travail domestique';
  const file = koboCsv(rows);
  await goTo(page, 'Échanges');
  await chooseFile(page, 'htcds-local.csv', file);

  await expect(page.getByText('4 soumissions lues : 1 brouillons prêts, 3 refusées')).toBeVisible({
    timeout: 60_000,
  });
  // Refused first, with the allowed values named in the interface language.
  const refused = page
    .getByRole('row')
    .filter({ hasText: 'Garimpo' })
    .filter({ hasText: 'Valeurs acceptées' });
  await expect(refused).toHaveCount(2);
  await expect(refused.first()).toContainText('Servitude');
  await expect(refused.first()).toContainText('Travail forcé');

  const answers = page.getByRole('table', { name: 'Réponses hors liste : Forme d’exploitation' });
  const garimpo = answers.getByRole('row').filter({ hasText: 'Garimpo' });
  await expect(garimpo.getByRole('cell').first()).toHaveText('2');
  await expect(answers.getByRole('rowheader')).toHaveText(['Garimpo', 'Travail domestique']);
  const pick = page.getByRole('combobox', {
    name: 'Forme d’exploitation : ce que devient « Garimpo »',
  });
  await expect(pick).toHaveValue('');
  await expect(pick.locator('option', { hasText: 'Mendicité forcée' })).toHaveCount(1);
  await expect(page.getByText('2 réponses à choisir')).toBeVisible();
  if (shots) {
    await page.screenshot({ path: `${shots}/survey-unmatched-fr.png`, fullPage: true });
    await page.getByLabel('Langue', { exact: true }).selectOption('ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByText('إجابتان تنتظران الاختيار')).toBeVisible();
    await page.screenshot({ path: `${shots}/survey-unmatched-ar.png`, fullPage: true });
    await page.getByLabel('اللغة', { exact: true }).selectOption('fr');
  }
  // A select_multiple answer may become several values: each is shown by its label.
  await pick.selectOption({ label: 'Servitude' });
  await expect(page.getByText('4 soumissions lues : 3 brouillons prêts, 1 refusées')).toBeVisible({
    timeout: 60_000,
  });
  await pick.selectOption({ label: 'Travail forcé' });
  const garimpoValues = page.getByRole('list', { name: 'Valeurs choisies pour « Garimpo »' });
  await expect(garimpoValues.getByRole('listitem')).toHaveText(['Servitude×', 'Travail forcé×']);
  await page
    .getByRole('combobox', { name: 'Forme d’exploitation : ce que devient « Travail domestique »' })
    .selectOption({ label: 'Servitude' });

  // Checked again with the choices: every row valid, nothing left to choose.
  await expect(page.getByText('4 soumissions lues : 4 brouillons prêts, 0 refusées')).toBeVisible({
    timeout: 60_000,
  });
  await expect(refused).toHaveCount(0);
  await expect(page.getByText(/réponses? à choisir/)).toHaveCount(0);
  await expect(garimpoValues.getByRole('listitem')).toHaveText(['Servitude×', 'Travail forcé×']);

  const service = page.getByLabel('Service destinataire');
  const first = await service.locator('option').nth(1).getAttribute('value');
  await service.selectOption(first!);
  await page.getByRole('checkbox', { name: 'hébergement' }).check();
  if (shots) {
    await page.screenshot({ path: `${shots}/survey-choices-fr.png`, fullPage: true });
    await page.getByLabel('Langue', { exact: true }).selectOption('ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(
      page.getByRole('button', { name: 'إزالة «العمل القسري» من الإجابة «Garimpo»' }),
    ).toBeVisible();
    await page.screenshot({ path: `${shots}/survey-choices-ar.png`, fullPage: true });
    await page.getByLabel('اللغة', { exact: true }).selectOption('fr');
  }
  await page.getByRole('button', { name: 'Créer les brouillons (4)' }).click();
  await expect(page.getByText('Brouillons créés : 4 ; mis à jour : 0')).toBeVisible();

  // Another export of the same form (same layout, other rows) with another local answer: it is
  // chosen too, and the first choice is kept for the layout although this file lacks it.
  const later = koboRows(5);
  later[4]!.gender = 'Mulher';
  await chooseFile(page, 'htcds-local-later.csv', koboCsv(later));
  await expect(page.getByText('5 soumissions lues : 4 brouillons prêts, 1 refusées')).toBeVisible({
    timeout: 60_000,
  });
  await page
    .getByRole('combobox', { name: 'Sexe / genre : ce que devient « Mulher »' })
    .selectOption({ label: 'Féminin' });
  await expect(page.getByText('5 soumissions lues : 5 brouillons prêts, 0 refusées')).toBeVisible({
    timeout: 60_000,
  });
  await page.getByRole('button', { name: 'Abandonner cet import' }).click();

  // The first export again: its choice is there already, and every row is valid at once.
  await chooseFile(page, 'htcds-local-again.csv', file);
  await expect(page.getByText('4 soumissions lues : 4 brouillons prêts, 0 refusées')).toBeVisible({
    timeout: 60_000,
  });
  await expect(garimpoValues.getByRole('listitem')).toHaveText(['Servitude×', 'Travail forcé×']);
  await expect(page.getByText('2 choix repris de l’import précédent de même forme.')).toBeVisible();
  await page.getByRole('button', { name: 'Abandonner cet import' }).click();

  // The drafts of the "Garimpo" submissions (Ségou, Sikasso) hold every chosen code.
  await goTo(page, 'Orientations');
  const found = await draftTypes(page, 4);
  expect(found.sort()).toEqual([
    'Signalé à Kayes → Servitude',
    'Signalé à Mopti → Travail forcé',
    'Signalé à Sikasso → Servitude, Travail forcé',
    'Signalé à Ségou → Exploitation sexuelle, Servitude, Travail forcé',
  ]);
});

test('one column per choice (KoBo, ODK): read into the answer, both forms must agree', async ({
  page,
}) => {
  test.setTimeout(400_000);
  await setUp(page, true);
  // KoBo's "both" layout: the one column and a column per choice. Row 3's one column is empty
  // (read from its columns per choice); row 4's columns per choice say otherwise.
  const rows = koboRows(4);
  rows[2]!.picked = 'ForcedBegging';
  rows[3]!.picked = 'ForcedMarriage Servitude';
  const table = koboSplitTable(rows, { layout: 'both' });
  table[3]![table[0]!.indexOf('group_victim/vic_TypeOfExploitation')] = '';
  await goTo(page, 'Échanges');
  await chooseFile(page, 'htcds-kobo-both.csv', new TextEncoder().encode(toCsv(table, ',')));
  await expect(page.getByText('4 soumissions lues : 3 brouillons prêts, 1 refusées')).toBeVisible({
    timeout: 60_000,
  });
  const refused = page.getByRole('row').filter({ hasText: 'Ne concorde pas' });
  await expect(refused).toHaveCount(1);
  await expect(refused.getByRole('cell').first()).toHaveText('5');
  await expect(refused).toContainText('group_victim/vic_TypeOfExploitation');
  await expect(refused).toContainText('ChildLabour');
  await expect(refused).toContainText(
    'group_victim/vic_TypeOfExploitation/ForcedMarriage, group_victim/vic_TypeOfExploitation/Servitude',
  );
  // Read, so not among the questions left out.
  await expect(page.getByText(/Questions sans champ de dossier/)).not.toContainText('/Servitude');
  if (shots) {
    await page.screenshot({ path: `${shots}/survey-split-fr.png`, fullPage: true });
    await page.getByLabel('Langue', { exact: true }).selectOption('ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('row').filter({ hasText: 'لا يتطابق' })).toHaveCount(1);
    await page.screenshot({ path: `${shots}/survey-split-ar.png`, fullPage: true });
    await page.getByLabel('اللغة', { exact: true }).selectOption('fr');
  }
  await page.getByRole('button', { name: 'Abandonner cet import' }).click();

  // Columns per choice only, cells True/False, one for a choice the form does not name
  // ("Garimpo"): chosen on screen like an answer, then every row becomes a draft.
  const split = koboRows(3);
  split[2]!.exploitation = 'ForcedBegging Garimpo';
  await chooseFile(
    page,
    'htcds-kobo-split.csv',
    koboSplitCsv(split, { layout: 'split', yes: 'True', no: 'False' }),
  );
  await expect(page.getByText('3 soumissions lues : 2 brouillons prêts, 1 refusées')).toBeVisible({
    timeout: 60_000,
  });
  const garimpo = page
    .getByRole('row')
    .filter({ hasText: 'Valeurs acceptées' })
    .filter({ hasText: 'group_victim/vic_TypeOfExploitation/Garimpo' });
  await expect(garimpo.getByRole('cell').first()).toHaveText('4');
  await page
    .getByRole('combobox', { name: 'Forme d’exploitation : ce que devient « Garimpo »' })
    .selectOption({ label: 'Travail forcé' });
  await expect(page.getByText('3 soumissions lues : 3 brouillons prêts, 0 refusées')).toBeVisible({
    timeout: 60_000,
  });
  const service = page.getByLabel('Service destinataire');
  await service.selectOption((await service.locator('option').nth(1).getAttribute('value'))!);
  await page.getByRole('checkbox', { name: 'hébergement' }).check();
  await page.getByRole('button', { name: 'Créer les brouillons (3)' }).click();
  await expect(page.getByText('Brouillons créés : 3 ; mis à jour : 0')).toBeVisible();

  await goTo(page, 'Orientations');
  const found = await draftTypes(page, 3);
  expect(found.sort()).toEqual([
    'Signalé à Mopti → Travail forcé',
    'Signalé à Sikasso → Travail forcé, Mendicité forcée',
    'Signalé à Ségou → Travail forcé, Exploitation sexuelle',
  ]);
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

/** Mali: Ségou is near 13.4 N, 6.2 W; the second and third points are written the other way. */
const SERVICES = [
  'Organisation;Nom;Région;Catégorie;Latitude;Longitude',
  'ONG Jigiya;Refuge Jigiya;Ségou;Hébergement;13.4;-6.2',
  'ONG Jigiya;Clinique Jigiya;Ségou;;-6.2;13.4',
  'ONG Sabati;Écoute Sabati;Mopti;;-4.2;14.5',
].join('\r\n');

test('report fixes: one swapped point by a click, the rest for all, a category for all', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await setUp(page, false);
  await goTo(page, 'Échanges');
  await chooseFile(page, 'points.csv', new TextEncoder().encode(SERVICES));
  await checkFile(page);
  const report = page.getByRole('heading', { name: 'Rapport de vérification' });
  await expect(report).toBeVisible({ timeout: 60_000 });

  await page.getByRole('button', { name: 'Inverser latitude et longitude, ligne 3' }).click();
  await expect(
    page.getByRole('button', { name: 'Inverser latitude et longitude, ligne 3' }),
  ).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Inverser pour les 1 lignes' })).toBeVisible();
  await page.getByLabel('Catégorie pour ces lignes').selectOption('medical');
  if (shots) await page.screenshot({ path: `${shots}/fixes-fr.png`, fullPage: true });
  if (shots) {
    await page.getByLabel('Langue', { exact: true }).selectOption('ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await page.screenshot({ path: `${shots}/fixes-ar.png`, fullPage: true });
    await page.getByLabel('اللغة', { exact: true }).selectOption('fr');
  }
  await page.getByRole('button', { name: 'Choisir pour les 2 lignes' }).click();
  await page.getByRole('button', { name: 'Inverser pour les 1 lignes' }).click();
  await expect(page.getByRole('button', { name: /Inverser/ })).toHaveCount(0);
  await expect(page.getByText('Pas de catégorie', { exact: false })).toHaveCount(0);
  await page.getByRole('button', { name: 'Importer les 3 lignes valides' }).click();
  await expect(page.getByText('Import terminé : 3 créés')).toBeVisible({ timeout: 30_000 });
});

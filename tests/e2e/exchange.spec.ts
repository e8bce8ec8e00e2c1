import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import readXlsx from 'read-excel-file/node';
import { ADMIN, checkFile as verify, chooseFile, completeSetup, goTo } from './helpers';

const SHOTS = process.env.SHOTS_DIR;
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};

// An office sheet whose headers are not ours: "Intitulé" and "Zone" must be mapped by hand.
// Row 3 has a phone number that is not one; row 4's name starts with "=" (a formula to Excel).
const SHEET = [
  'Structure;Intitulé;Type;Zone;Tél',
  'Association Sœurs Solidaires;Maison d’accueil Sébénikoro;Hébergement / refuge;Bamako;+223 76 45 12 90',
  'ONG Jigiya;Clinique juridique;Aide juridique;Ségou;pas de numéro',
  'ONG Jigiya;=Centre d’écoute;Soutien psychosocial;ML-5;+223 20 22 33 44',
].join('\r\n');

const download = async (page: Page, click: () => Promise<void>) => {
  const event = page.waitForEvent('download');
  await click();
  const d = await event;
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
};

const countServices = async (page: Page, n: number) => {
  await page.getByRole('link', { name: 'Annuaire' }).click();
  await expect(
    n === 0
      ? page.getByText('L’annuaire est vide')
      : page.getByText(`${n} services`, { exact: true }),
  ).toBeVisible();
  await goTo(page, 'Échanges');
};

test('import a sheet with mapping and a bad row, export CSV and XLSX, back up and restore', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await completeSetup(page);
  await goTo(page, 'Échanges');
  await expect(page.getByRole('heading', { name: 'Import, export et sauvegarde' })).toBeVisible();

  // Import: the mapping step suggests what it recognises, the user maps the rest.
  await chooseFile(page, 'Choisir un fichier…', {
    name: 'bureau.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(SHEET),
  });
  await expect(page.getByRole('heading', { name: 'Correspondance des colonnes' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Organisation (obligatoire)' })).toHaveValue('0');
  await expect(page.getByRole('combobox', { name: 'Téléphones' })).toHaveValue('4');
  await expect(page.getByRole('alert')).toContainText('Nom du service');
  await page
    .getByRole('combobox', { name: 'Nom du service (obligatoire)' })
    .selectOption({ label: 'Intitulé' });
  await page.getByRole('combobox', { name: 'Catégorie' }).selectOption({ label: 'Type' });
  await page
    .getByRole('combobox', { name: 'Région (nom ou code ISO)' })
    .selectOption({ label: 'Zone' });
  await expect(page.getByRole('cell', { name: 'Maison d’accueil Sébénikoro' })).toBeVisible();
  await shot(page, 'import-mapping');
  await verify(page);

  // Report: every problem with row, column and reason; nothing written yet.
  await expect(page.getByRole('heading', { name: 'Rapport de vérification' })).toBeVisible();
  await expect(page.getByText('3 lignes lues : 2 valides, 1 rejetées')).toBeVisible();
  const report = page.getByRole('table', { name: 'Rapport de vérification' });
  await expect(report.getByRole('row').nth(1)).toContainText('3');
  await expect(report.getByRole('row').nth(1)).toContainText('Tél');
  await expect(report.getByRole('row').nth(1)).toContainText('Numéro de téléphone non valide');
  const rep = await download(page, () =>
    page.getByRole('button', { name: 'Télécharger le rapport (CSV)' }).click(),
  );
  expect(rep.bytes.toString('utf8')).toContain('3,Tél,Erreur,');
  await shot(page, 'import-report');
  await countServices(page, 0);
  // The report is gone with the navigation: run the check again (the mapping is remembered).
  await chooseFile(page, 'Choisir un fichier…', {
    name: 'bureau.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(SHEET),
  });
  await expect(page.getByText('Correspondance reprise d’un import précédent')).toBeVisible();
  await verify(page);
  await page.getByRole('button', { name: 'Importer les 2 lignes valides' }).click();
  await expect(page.getByText('Import terminé : 2 créés, 0 fusionnés, 0 ignorés.')).toBeVisible();
  await countServices(page, 2);

  // Export CSV: formulas neutralised, accents intact.
  const csv = await download(page, () => page.getByRole('button', { name: 'Exporter' }).click());
  expect(csv.name).toMatch(/^annuaire-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = csv.bytes.toString('utf8');
  expect(text).toContain('Maison d’accueil Sébénikoro');
  expect(text).toContain("'=Centre d’écoute");
  expect(text).toContain("'+223 76 45 12 90");
  // Export XLSX: text cells, neutralised the same way.
  await page.getByLabel('Format').selectOption('xlsx');
  const xlsx = await download(page, () => page.getByRole('button', { name: 'Exporter' }).click());
  expect(xlsx.name).toMatch(/\.xlsx$/);
  const [sheet] = await readXlsx(xlsx.bytes);
  const rows = sheet!.data;
  expect(rows[0]).toContain('organization');
  const names = rows.slice(1).map((r) => r[rows[0]!.indexOf('name')]);
  expect(names.sort()).toEqual(["'=Centre d’écoute", 'Maison d’accueil Sébénikoro']);
  await shot(page, 'export');

  // The exported workbook comes back in (read in the worker): same ids, so both rows merge.
  await chooseFile(page, 'Choisir un fichier…', {
    name: xlsx.name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: xlsx.bytes,
  });
  await expect(page.getByRole('combobox', { name: 'Identifiant du service' })).not.toHaveValue('');
  await verify(page);
  await expect(page.getByText('2 lignes lues : 2 valides, 0 rejetées')).toBeVisible();
  await expect(page.getByText(/même identifiant/).first()).toBeVisible();
  await page.getByRole('button', { name: 'Importer les 2 lignes valides' }).click();
  await expect(page.getByText('Import terminé : 0 créés, 2 fusionnés, 0 ignorés.')).toBeVisible();
  await countServices(page, 2);

  // The same sheet again: both rows are likely duplicates, shown with a choice each.
  await chooseFile(page, 'Choisir un fichier…', {
    name: 'bureau.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(SHEET),
  });
  await verify(page);
  await expect(page.getByRole('heading', { name: 'Doublons probables (2)' })).toBeVisible();
  await expect(
    page
      .getByRole('group', { name: 'Décision pour la ligne 2' })
      .getByRole('radio', { name: 'Ignorer' }),
  ).toBeChecked();
  await shot(page, 'import-duplicates');
  await page.getByRole('button', { name: 'Abandonner cet import' }).click();

  // Backup, then change something, then restore (the administrator's password asked again).
  await page.getByLabel('Votre mot de passe (administrateur)').fill(ADMIN.password);
  await page.getByLabel('Phrase de passe', { exact: true }).fill('cinq mots pour le bureau');
  await page.getByLabel('Confirmez la phrase de passe').fill('cinq mots pour le bureau');
  const backup = await download(page, () =>
    page.getByRole('button', { name: 'Créer la sauvegarde' }).click(),
  );
  expect(backup.name).toMatch(/\.backup$/);
  await expect(page.getByText(/Sauvegarde enregistrée/)).toBeVisible();
  await expect(page.getByText(/Dernière sauvegarde :/)).toBeVisible();

  await chooseFile(page, 'Choisir un fichier…', {
    name: 'encore.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Organisation;Nom\nONG Nouvelle;Service ajouté après la sauvegarde\n'),
  });
  await verify(page);
  await page.getByRole('button', { name: 'Importer la ligne valide' }).click();
  await expect(page.getByText('Import terminé : 1 créés')).toBeVisible();
  await countServices(page, 3);

  const restore = async (buffer: Buffer, pass: string) => {
    await chooseFile(page, 'Choisir le fichier de sauvegarde…', {
      name: backup.name,
      mimeType: 'application/octet-stream',
      buffer,
    });
    await page.getByLabel('Phrase de passe de la sauvegarde').fill(pass);
    await page.getByLabel('Votre mot de passe (administrateur)').fill(ADMIN.password);
    await page.getByLabel('Je comprends que les données actuelles seront remplacées').check();
    await page.getByRole('button', { name: 'Restaurer' }).click();
  };
  // Wrong passphrase: refused, nothing changed.
  await restore(backup.bytes, 'pas la bonne phrase');
  await expect(page.getByRole('alert')).toContainText(
    'Phrase de passe incorrecte, ou fichier modifié',
  );
  await shot(page, 'backup-refused');
  await countServices(page, 3);
  // One changed byte: refused, nothing changed.
  const tampered = Buffer.from(backup.bytes);
  tampered[tampered.length - 20]! ^= 0x01;
  await restore(tampered, 'cinq mots pour le bureau');
  await expect(page.getByRole('alert')).toContainText(
    'Phrase de passe incorrecte, ou fichier modifié',
  );
  await countServices(page, 3);
  // The right file and passphrase: everything back as it was at the backup.
  await restore(backup.bytes, 'cinq mots pour le bureau');
  await expect(page.getByText(/Sauvegarde restaurée : \d+ enregistrements\./)).toBeVisible();
  await shot(page, 'backup-restored');
  await countServices(page, 2);
});

test('a large import shows progress and can be cancelled, leaving nothing written', async ({
  page,
}) => {
  test.setTimeout(120_000); // 150,000 rows generated, read and checked in the worker
  await completeSetup(page);
  await goTo(page, 'Échanges');
  const lines = ['Organisation;Nom;Région;Téléphone'];
  for (let i = 0; i < 150_000; i++)
    lines.push(
      `ONG ${i % 500};Service ${i};Ségou;+223 20 ${String(i % 100).padStart(2, '0')} 11 22`,
    );
  await chooseFile(page, 'Choisir un fichier…', {
    name: 'gros.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(lines.join('\n')),
  });
  await verify(page);
  const bar = page.getByRole('progressbar', { name: 'Progression de la vérification' });
  await expect(bar).toBeVisible();
  await expect
    .poll(async () => Number(await bar.getAttribute('value')), { timeout: 30_000 })
    .toBeGreaterThan(0);
  await shot(page, 'import-progress');
  // The window stays responsive while the worker checks: the language menu still answers.
  await expect(page.getByLabel('Langue')).toBeEnabled();
  await page.getByRole('button', { name: 'Annuler' }).click();
  await expect(page.getByText('Import annulé. Rien n’a été enregistré.')).toBeVisible();
  await countServices(page, 0);
});

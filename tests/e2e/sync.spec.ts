/**
 * Two offices in two browser contexts keep in step: by bundle files saved in one and opened in
 * the other (the e-mail path), and through a loopback CouchDB-protocol server started here.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { startLoopback } from '../unit/sync/loopback';
import { switchToNewUser, goTo } from './helpers';
import { download, office, openWith, trustEachOther } from './syncHelpers';

// Two offices set up in one test (each with its argon2id account): more than the default minute
// on a loaded 2-core machine.
test.describe.configure({ timeout: 120_000 });

const createService = async (page: Page, name: string) => {
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

const renameService = async (page: Page, from: string, to: string) => {
  await page.getByRole('link', { name: 'Annuaire' }).click();
  await page
    .getByRole('table', { name: 'Annuaire des services' })
    .getByRole('link', { name: from })
    .click();
  await page.getByRole('link', { name: 'Modifier' }).click();
  await page.getByLabel('Nom du service').fill(to);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { name: to })).toBeVisible();
};

/** The shelter manager records beds for women: 12 in all, 1 out of service, 5 occupied. */
const updateBeds = async (page: Page, shelter: string) => {
  await page.getByRole('navigation').getByRole('link', { name: 'Places', exact: true }).click();
  const choice = page.getByLabel('Hébergement', { exact: true });
  if (await choice.isVisible()) await choice.selectOption({ label: shelter });
  await expect(page.getByRole('heading', { name: shelter })).toBeVisible();
  await page.getByLabel('Lits au total — Femmes').fill('12');
  await page.getByLabel('Lits hors service — Femmes').fill('1');
  await page.getByLabel('Lits occupés — Femmes').fill('5');
  const waiting = page.getByLabel('En attente — Femmes', { exact: true });
  if ((await waiting.inputValue()) === '') await waiting.fill('0');
  await page.getByLabel(/^Statut de l/).selectOption('open');
  await page.getByLabel('Lits occupés — Femmes').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Places enregistrées' })).toBeVisible();
};

const expectBeds = async (page: Page, shelter: string) => {
  await page.getByRole('link', { name: 'Annuaire' }).click();
  await page
    .getByRole('table', { name: 'Annuaire des services' })
    .getByRole('link', { name: shelter })
    .click();
  const panel = page.getByRole('region', { name: 'Places' });
  await expect(
    panel
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Femmes' }) })
      .getByRole('cell'),
  ).toHaveText(['6', '5', '12', '1', '0', /par Test Coordinat/]);
};

const expectListed = async (page: Page, name: string) => {
  await page.getByRole('link', { name: 'Annuaire' }).click();
  await expect(
    page.getByRole('table', { name: 'Annuaire des services' }).getByRole('link', { name }),
  ).toBeVisible({ timeout: 20_000 });
};

test('a service edit reaches the other office through bundle files', async ({ browser }) => {
  const bko = await office(browser, 'BKO', 'Direction régionale de Bamako');
  const seg = await office(browser, 'SEG', 'Direction régionale de Ségou');
  await trustEachOther(bko, seg);
  await createService(bko, 'Maison d’accueil Sébénikoro');

  const exchange = async () => {
    await goTo(bko, 'Synchronisation');
    const path = await download(bko, () =>
      bko.getByRole('button', { name: 'Enregistrer un paquet' }).click(),
    );
    await expect(bko.getByText(/Paquet enregistré : \d+ document/)).toBeVisible();
    await goTo(seg, 'Synchronisation');
    await openWith(seg, path, () => seg.getByRole('button', { name: 'Ouvrir un paquet' }).click());
    await expect(seg.getByText(/Paquet de BKO appliqué/)).toBeVisible();
    return path;
  };
  const first = await exchange();
  await expectListed(seg, 'Maison d’accueil Sébénikoro');

  await renameService(
    bko,
    'Maison d’accueil Sébénikoro',
    'Maison d’accueil de Sébénikoro (Bamako)',
  );
  await exchange();
  await expectListed(seg, 'Maison d’accueil de Sébénikoro (Bamako)');

  // The same bundle opened again changes nothing; a tampered one is refused whole.
  await goTo(seg, 'Synchronisation');
  await openWith(seg, first, () => seg.getByRole('button', { name: 'Ouvrir un paquet' }).click());
  await expect(seg.getByText(/était déjà appliqué/)).toBeVisible();
  const bytes = await readFile(first);
  bytes[bytes.length - 80] = bytes[bytes.length - 80]! ^ 1;
  const [chooser] = await Promise.all([
    seg.waitForEvent('filechooser'),
    seg.getByRole('button', { name: 'Ouvrir un paquet' }).click(),
  ]);
  await chooser.setFiles({
    name: 'altere.pbundle',
    mimeType: 'application/octet-stream',
    buffer: bytes,
  });
  await expect(seg.getByText(/Paquet refusé, rien n’a été appliqué/)).toBeVisible();
  await expect(seg.getByText('Refusé (BKO)')).toBeVisible();
  await expect(seg.getByText(/À jour il y a/).first()).toBeVisible();
});

test('a service edit reaches the other office through a CouchDB server', async ({
  browser,
}, info) => {
  const origin = new URL(String(info.project.use.baseURL)).origin;
  const server = await startLoopback({
    origins: [origin],
    users: { bko: 'mot-de-passe-bko', seg: 'mot-de-passe-seg' },
  });
  try {
    const db = `${server.url}/passerelle`;
    await fetch(db, {
      method: 'PUT',
      headers: { authorization: `Basic ${Buffer.from('bko:mot-de-passe-bko').toString('base64')}` },
    });
    const bko = await office(browser, 'BKO', 'Direction régionale de Bamako');
    const seg = await office(browser, 'SEG', 'Direction régionale de Ségou');
    await trustEachOther(bko, seg);
    for (const [page, user] of [
      [bko, 'bko'],
      [seg, 'seg'],
    ] as const) {
      await goTo(page, 'Paramètres');
      const form = page.getByRole('form', { name: 'Serveur CouchDB' });
      await form.getByLabel('Adresse du serveur').fill(db);
      await form.getByLabel('Nom d’utilisateur').fill(user);
      await form.getByLabel('Mot de passe').fill(`mot-de-passe-${user}`);
      await form.getByRole('button', { name: 'Enregistrer' }).click();
      await expect(form.getByText('Enregistré.')).toBeVisible();
    }
    await createService(bko, 'Centre Jigiya de Ségou');
    await expectListed(seg, 'Centre Jigiya de Ségou');
    await renameService(bko, 'Centre Jigiya de Ségou', 'Centre Jigiya (Ségou)');
    await expectListed(seg, 'Centre Jigiya (Ségou)');
    // Beds are recorded by a coordinator: the administrator may only look at them.
    await switchToNewUser(bko, 'coordinator');
    await updateBeds(bko, 'Centre Jigiya (Ségou)');
    await expect(async () => expectBeds(seg, 'Centre Jigiya (Ségou)')).toPass({ timeout: 30_000 });
    await goTo(seg, 'Synchronisation');
    await expect(seg.getByText('Connecté, à jour')).toBeVisible();
  } finally {
    await server.stop();
  }
});

const shot = async (page: Page, name: string) => {
  if (process.env.SYNC_SHOTS)
    await page.screenshot({ path: `${process.env.SYNC_SHOTS}/${name}.png`, fullPage: true });
};

test('two desks of one office edit the same service: both versions are kept, then one is chosen', async ({
  browser,
}) => {
  const desk1 = await office(browser, 'BKO', 'Direction régionale de Bamako');
  const desk2 = await office(browser, 'BKO', 'Direction régionale de Bamako');
  await trustEachOther(desk1, desk2);
  await createService(desk1, 'Clinique juridique Bénkadi');
  const send = async (from: Page, to: Page) => {
    await goTo(from, 'Synchronisation');
    const path = await download(from, () =>
      from.getByRole('button', { name: 'Enregistrer un paquet' }).click(),
    );
    await goTo(to, 'Synchronisation');
    await openWith(to, path, () => to.getByRole('button', { name: 'Ouvrir un paquet' }).click());
    await expect(to.getByText(/Paquet de BKO appliqué/)).toBeVisible();
  };
  await send(desk1, desk2);
  await renameService(desk1, 'Clinique juridique Bénkadi', 'Clinique juridique Bénkadi (Bamako)');
  await renameService(desk2, 'Clinique juridique Bénkadi', 'Clinique Bénkadi — aide juridique');
  await send(desk1, desk2);
  await send(desk2, desk1);
  for (const desk of [desk1, desk2]) {
    await goTo(desk, 'Synchronisation');
    await expect(
      desk
        .getByRole('region', { name: 'Conflits' })
        .getByRole('link', { name: 'Comparer' })
        .first(),
    ).toBeVisible();
  }
  await shot(desk1, 'sync-screen');
  await desk1
    .getByRole('region', { name: 'Conflits' })
    .getByRole('row')
    .filter({ hasText: 'Service' })
    .getByRole('link', { name: 'Comparer' })
    .click();
  const table = desk1.getByRole('table');
  await expect(
    table.getByRole('row').filter({ hasText: 'Différent' }).filter({ hasText: 'name' }),
  ).toContainText('Clinique Bénkadi — aide juridique');
  await shot(desk1, 'sync-conflict');
  const keep = await table.getByRole('columnheader').nth(1).textContent();
  const choice =
    (await table
      .getByRole('row')
      .filter({ hasText: 'name' })
      .getByRole('cell')
      .nth(0)
      .textContent()) ?? '';
  await desk1.getByRole('button', { name: 'Garder la version 1' }).click();
  await expect(desk1.getByText('Conflit résolu')).toBeVisible();
  expect(keep).toContain('Version 1');
  // The other records saved with it (its location) conflict too: each is resolved the same way.
  await desk1.getByRole('link', { name: 'Retour' }).click();
  const conflicts = desk1.getByRole('region', { name: 'Conflits' });
  while (await conflicts.getByRole('link', { name: 'Comparer' }).count()) {
    await conflicts.getByRole('link', { name: 'Comparer' }).first().click();
    await desk1.getByRole('button', { name: 'Garder la version 1' }).click();
    await expect(desk1.getByText('Conflit résolu')).toBeVisible();
    await desk1.getByRole('link', { name: 'Retour' }).click();
  }
  await expect(conflicts.getByText('Aucun conflit.')).toBeVisible();
  await send(desk1, desk2);
  await goTo(desk2, 'Synchronisation');
  await expect(
    desk2.getByRole('region', { name: 'Conflits' }).getByText('Aucun conflit.'),
  ).toBeVisible();
  await expectListed(desk2, choice);
  await goTo(desk1, 'Paramètres');
  await shot(desk1, 'sync-settings');
});

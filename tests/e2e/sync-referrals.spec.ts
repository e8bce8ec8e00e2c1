/**
 * A referral between two offices in two browser contexts, exchanged by bundle files (issue 10):
 * Ségou's shelter reaches Bamako; a Bamako coordinator refers a person there; a Ségou
 * coordinator accepts it; Bamako sees it accepted. The bundles carry the case sealed to the two
 * offices (the name and the notes typed at Bamako are not in them in plaintext), and the
 * internal notes are Bamako's alone.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { inflateSync } from 'fflate';
import { parseBundleFrame } from '../../shared/domain/sync/bundle';
import {
  ADMIN,
  createUser,
  firstLogin,
  login,
  logout,
  ownPassword,
  goTo,
  sessionMenu,
} from './helpers';
import { download, office, openWith, trustEachOther } from './syncHelpers';

const SHOTS = process.env.SYNC_SHOTS;
const CANARY = { name: 'CANARY-NOM-Fanta-Sikasso', notes: 'CANARY-NOTES-arrivée-à-pied' };
const SHELTER = 'Refuge Sabati de Ségou';

/** The administrators carry the bundle from one office to the other; returns its bytes. */
const carry = async (from: Page, to: Page, code: string) => {
  await goTo(from, 'Synchronisation');
  const path = await download(from, () =>
    from.getByRole('button', { name: 'Enregistrer un paquet' }).click(),
  );
  await goTo(to, 'Synchronisation');
  await openWith(to, path, () => to.getByRole('button', { name: 'Ouvrir un paquet' }).click());
  await expect(to.getByText(new RegExp(`Paquet de ${code} appliqué`))).toBeVisible();
  return new Uint8Array(readFileSync(path));
};

const as = async (page: Page, username: string, first = false) => {
  await logout(page);
  if (first) await firstLogin(page, username);
  else
    await login(
      page,
      username,
      username === ADMIN.username ? ADMIN.password : ownPassword(username),
    );
  await expect(sessionMenu(page)).toBeVisible();
};

test('a referral made in Bamako is accepted in Ségou, and Bamako sees it accepted', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const bko = await office(browser, 'BKO', 'Direction régionale de Bamako');
  const seg = await office(browser, 'SEG', 'Direction régionale de Ségou');
  await trustEachOther(bko, seg);
  await createUser(bko, { username: 'fatou', displayName: 'Fatou Keita', role: 'coordinator' });
  await createUser(seg, { username: 'oumar', displayName: 'Oumar Coulibaly', role: 'coordinator' });

  // Ségou's shelter, in Ségou's directory, reaches Bamako.
  await seg.getByRole('link', { name: 'Annuaire' }).click();
  await seg.getByRole('link', { name: 'Ajouter un service' }).click();
  await seg.getByLabel('Nom du service').fill(SHELTER);
  await seg.getByLabel('Organisation').fill('Association Sabati');
  await seg.getByLabel('Catégorie').selectOption('shelter');
  await seg.getByRole('checkbox', { name: 'Femmes' }).check();
  await seg.getByLabel('Localité').fill('Ségou');
  await seg.getByLabel('Région', { exact: true }).selectOption('ML-4');
  await seg.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(seg.getByRole('heading', { name: SHELTER })).toBeVisible();
  await carry(seg, bko, 'SEG');

  // A Bamako coordinator refers a person there, with a written reason instead of consent.
  await as(bko, 'fatou', true);
  await bko.goto('./#/directory');
  await bko
    .getByRole('table', { name: 'Annuaire des services' })
    .getByRole('link', { name: SHELTER })
    .click();
  await bko.getByRole('link', { name: 'Orienter une personne vers ce service' }).click();
  await bko.getByRole('radio', { name: 'Sous 24 heures' }).check();
  await bko.getByRole('checkbox', { name: 'Hébergement' }).check();
  await bko.getByLabel('Notes internes').fill(CANARY.notes);
  await bko.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  const title = bko.getByRole('heading', { name: /^Orientation BKO-\d{4}-0001/ });
  await expect(title).toBeVisible();
  const caseCode = (await title.innerText()).match(/BKO-\d{4}-0001/)![0];
  await bko.getByRole('button', { name: 'Enregistrer le consentement' }).click();
  const consent = bko.getByRole('form', { name: 'Enregistrer le consentement' });
  await consent
    .getByRole('checkbox', { name: 'Que son nom soit enregistré dans Passerelle' })
    .check();
  await consent.getByLabel('Nom de la personne').fill(CANARY.name);
  await consent.getByLabel('Recueilli').selectOption('written');
  await consent.getByRole('button', { name: 'Enregistrer' }).click();
  await bko.getByRole('button', { name: 'Marquer comme envoyée' }).click();
  await expect(bko.getByRole('heading', { level: 1 })).toContainText('Envoyée');
  await expect(bko.getByText(/Le bureau SEG répond pour ce service/)).toBeVisible();
  // Bamako answers nothing for Ségou's shelter.
  await expect(bko.getByRole('button', { name: 'Acceptée par le service' })).toHaveCount(0);
  await as(bko, ADMIN.username);
  const sent = await carry(bko, seg, 'BKO');
  const frame = parseBundleFrame(sent);
  const body = frame.kind === 'ok' ? new TextDecoder().decode(inflateSync(frame.body)) : '';
  expect(body).toContain(`referrals:`);
  for (const canary of Object.values(CANARY)) expect(body).not.toContain(canary);

  // A Ségou coordinator finds it in the register, reads the case, accepts it.
  await as(seg, 'oumar', true);
  await seg.goto('./#/referrals');
  await seg
    .getByRole('table', { name: 'Registre des orientations' })
    .getByRole('link', { name: caseCode })
    .click();
  await expect(seg.getByText(/Orientation reçue du bureau BKO/)).toBeVisible();
  await expect(seg.getByText('Sous 24 heures')).toBeVisible();
  // The internal notes stay in Bamako.
  await expect(seg.getByText(CANARY.notes)).toHaveCount(0);
  await expect(seg.getByRole('button', { name: 'Marquer comme envoyée' })).toHaveCount(0);
  await expect(seg.getByRole('button', { name: 'Retirer l’orientation' })).toHaveCount(0);
  await expect(seg.getByRole('button', { name: 'Enregistrer le consentement' })).toHaveCount(0);
  if (SHOTS) await seg.screenshot({ path: `${SHOTS}/referral-received.png`, fullPage: true });
  await seg.getByRole('button', { name: 'Acceptée par le service' }).click();
  await expect(seg.getByRole('heading', { level: 1 })).toContainText('Acceptée');
  await as(seg, ADMIN.username);
  await carry(seg, bko, 'SEG');

  // Bamako sees Ségou's answer.
  await as(bko, 'fatou');
  await bko.goto('./#/referrals');
  const row = bko.getByRole('table', { name: 'Registre des orientations' }).getByRole('row', {
    name: new RegExp(caseCode),
  });
  await expect(row).toContainText('Acceptée');
  await row.getByRole('link', { name: caseCode }).click();
  const history = bko.getByRole('region', { name: 'Historique' });
  await expect(history.getByText('bureau SEG')).toBeVisible();
  if (SHOTS) await bko.screenshot({ path: `${SHOTS}/referral-answered.png`, fullPage: true });
});

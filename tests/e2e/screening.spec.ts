/**
 * The frontline identification pathway (issue 16), end to end: an administrator sets up the
 * directory and the accounts; a shelter manager gives beds for girls; a frontline worker
 * screens a girl (forced labour indicators, shelter tonight), sees the child-protection flag,
 * picks the nearest shelter with a free bed for girls, records consent, sends and issues the
 * letter; the shelter's manager sees the referral. Each step is photographed in French,
 * English, Portuguese and Arabic (to /tmp/shots-screening).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { chromium, expect, test } from '@playwright/test';
import { nav } from './demoShelters';
import {
  completeSetup,
  createUser,
  firstLogin,
  login,
  logout,
  ownPassword,
  setLetterhead,
} from './helpers';
import { findIn } from './profileScan';

const SHOTS = '/tmp/shots-screening';
test.use({ actionTimeout: 15_000 });

/**
 * The screen as it is, then the same in English, Portuguese and Arabic (right to left), back
 * in French to go on.
 */
export const shoot = async (page: Page, name: string) => {
  await page.screenshot({ path: `${SHOTS}/${name}-fr.png`, fullPage: true });
  await page.getByLabel('Langue').selectOption('en');
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/${name}-en.png`, fullPage: true });
  await page.getByLabel('Language').selectOption('pt');
  await expect(page.getByRole('navigation', { name: 'Navegação principal' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/${name}-pt.png`, fullPage: true });
  await page.getByLabel('Língua', { exact: true }).selectOption('ar');
  await expect(page.getByRole('navigation', { name: 'التنقل الرئيسي' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.screenshot({ path: `${SHOTS}/${name}-ar.png`, fullPage: true });
  await page.getByLabel('اللغة', { exact: true }).selectOption('fr');
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
};

type NewService = {
  name: string;
  category: string;
  populations?: string[];
  region: string;
  lat: string;
  lon: string;
  restricted?: boolean;
  languages?: string[];
  delay?: string;
  phone?: string;
};

/** A service typed into the directory by the administrator. */
export const addService = async (page: Page, s: NewService) => {
  await page.goto('./#/services/new');
  await page.getByLabel('Nom du service').fill(s.name);
  await page.getByLabel('Organisation').fill(`Association ${s.name}`);
  await page.getByLabel('Catégorie').selectOption(s.category);
  for (const p of s.populations ?? []) await page.getByRole('checkbox', { name: p }).check();
  for (const l of s.languages ?? [])
    await page
      .getByRole('group', { name: 'Langues parlées' })
      .getByRole('checkbox', { name: l })
      .check();
  if (s.delay) await page.getByLabel('Délai de réponse habituel (heures)').fill(s.delay);
  if (s.phone) await page.getByLabel('Téléphone 1').fill(s.phone);
  await page.getByLabel('Région', { exact: true }).selectOption(s.region);
  await page.getByLabel('Latitude').fill(s.lat);
  await page.getByLabel('Longitude').fill(s.lon);
  if (s.restricted) await page.getByLabel('Visibilité de l’adresse').selectOption('restricted');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { name: s.name })).toBeVisible();
};

/** A shelter manager's figures for girls in one of their shelters. */
const girlsBeds = async (page: Page, shelter: string, total: number, occupied: number) => {
  await page.goto('./#/capacity');
  await page.getByLabel('Hébergement', { exact: true }).selectOption({ label: shelter });
  await expect(page.getByRole('heading', { name: shelter })).toBeVisible();
  await page.getByLabel('Lits au total — Filles').fill(String(total));
  await page.getByLabel('Lits hors service — Filles').fill('0');
  await page.getByLabel('Lits occupés — Filles').fill(String(occupied));
  await page.getByLabel(/^Statut de l/).selectOption('open');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Places enregistrées' })).toBeVisible();
};

/** A question of the form, answered "Oui". */
const yes = (page: Page, question: RegExp) =>
  page.getByRole('group', { name: question }).getByRole('radio', { name: 'Oui' }).check();

test('a frontline worker screens a girl, refers her to the nearest free bed for girls, with consent and a letter', async ({
  page,
}) => {
  // Ten screens in four languages each, on a shared machine.
  test.setTimeout(480_000);
  await completeSetup(page);
  // No letter is issued, nor its number used, without a letterhead and a signatory.
  await setLetterhead(page);

  // The directory: the nearest shelter takes women only; two take girls, one far away.
  await addService(page, {
    name: 'Foyer Badala',
    category: 'shelter',
    populations: ['Femmes'],
    region: 'ML-BKO',
    lat: '12.64',
    lon: '-8.0',
  });
  await addService(page, {
    name: 'Foyer Kanuya',
    category: 'shelter',
    populations: ['Filles'],
    region: 'ML-BKO',
    lat: '12.62',
    lon: '-7.95',
    restricted: true,
    languages: ['Français', 'Bambara'],
    delay: '2',
  });
  await addService(page, {
    name: 'Foyer Sini',
    category: 'shelter',
    populations: ['Filles'],
    region: 'ML-4',
    lat: '13.45',
    lon: '-6.26',
    restricted: true,
  });
  await addService(page, {
    name: 'Allô Enfance Mali',
    category: 'hotline',
    region: 'ML-BKO',
    lat: '12.65',
    lon: '-8.01',
    phone: '80 00 11 11',
  });

  // The office's screening settings: the office is in Bamako.
  await nav(page, 'Formulaire de repérage');
  await expect(
    page.getByRole('heading', { name: 'Formulaire de repérage du bureau' }),
  ).toBeVisible();
  await page.getByLabel('Région du bureau (origine « au bureau »)').selectOption('ML-BKO');
  await expect(page.getByRole('status')).toContainText('Formulaire enregistré (version 1)');
  await shoot(page, '0-settings');

  await createUser(page, {
    username: 'fatou',
    displayName: 'Fatou Keïta',
    role: 'shelter_manager',
    shelters: ['Foyer Kanuya', 'Foyer Sini'],
  });
  await createUser(page, { username: 'moussa', displayName: 'Moussa Diallo', role: 'frontline' });
  await logout(page);

  // The shelter manager counts beds for girls in both shelters.
  await firstLogin(page, 'fatou');
  await girlsBeds(page, 'Foyer Kanuya', 6, 2);
  await girlsBeds(page, 'Foyer Sini', 4, 0);
  await logout(page);

  // The frontline worker: screening, and no referral register.
  await firstLogin(page, 'moussa');
  const menu = page.getByRole('navigation');
  await expect(menu.getByRole('link', { name: 'Repérage', exact: true })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Orientations' })).toHaveCount(0);
  await nav(page, 'Repérage');
  await expect(page.getByRole('heading', { name: 'Repérage d’une personne' })).toBeVisible();
  await expect(page.getByText('Ne demandez jamais le nom de la personne')).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);

  // The person: a girl of 9 to 17 who speaks Bambara.
  await page
    .getByRole('group', { name: 'La personne a-t-elle moins de 18 ans ?' })
    .getByRole('radio', { name: 'Oui' })
    .check();
  await page.getByLabel('Tranche d’âge').selectOption('9-17');
  await page.getByLabel('Genre').selectOption('Feminine');
  await page.getByRole('checkbox', { name: 'Bambara' }).check();
  await shoot(page, '1-person');
  await page.getByRole('button', { name: 'Suivant' }).click();
  // Recruitment: skipped entirely.
  await expect(page.getByRole('heading', { name: 'Recrutement trompeur ou forcé' })).toBeVisible();
  await page.getByRole('button', { name: 'Suivant' }).click();
  await expect(page.getByRole('heading', { name: 'Exploitation', exact: true })).toBeVisible();
  await yes(page, /obligé·e à travailler sans pouvoir refuser/);
  await yes(page, /garde-t-il votre salaire/);
  await yes(page, /très longues heures/);
  await shoot(page, '2-exploitation');
  await page.getByRole('button', { name: 'Suivant' }).click();
  await yes(page, /garde-t-il vos papiers/);
  await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByRole('button', { name: 'Suivant' }).click();
  await expect(page.getByRole('heading', { name: 'Besoins immédiats' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Hébergement ce soir' }).check();
  await page.getByRole('button', { name: 'Voir l’évaluation' }).click();

  // The assessment: child protection first; a suggestion, not a decision.
  await expect(page.getByRole('alert')).toContainText(
    'Enfant possible : protection de l’enfance en premier',
  );
  await expect(page.getByText('Suggestion : victime potentielle de traite')).toBeVisible();
  await expect(page.getByText('jamais une décision')).toBeVisible();
  const found = page.locator('.screening-found-group');
  await expect(found).toHaveCount(2);
  await expect(found.first()).toContainText('Travail forcé');
  await expect(page.locator('.screening-assessment ol li').first()).toHaveText(
    'Protection de l’enfance',
  );
  await shoot(page, '3-assessment');
  await page.getByRole('button', { name: 'Enregistrer le repérage et voir où aller' }).click();

  // Where to go now, from the office in Bamako: hotline first; the nearest free bed for girls.
  await expect(page.getByRole('heading', { name: 'Où aller maintenant' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('protection de l’enfance');
  await expect(page.getByText('Lits recherchés pour : Filles')).toBeVisible();
  const need = page.locator('.screening-need').filter({ hasText: 'Hébergement ce soir' });
  const options = need.locator('.screening-option');
  await expect(options).toHaveCount(3);
  await expect(options.nth(0)).toContainText('Foyer Kanuya');
  await expect(options.nth(0)).toContainText('4 lits libres · Filles');
  await expect(options.nth(0)).toContainText('Parle la langue de la personne');
  // The frontline worker may not see the shelter's address: measured from the region centre.
  await expect(options.nth(0)).toContainText('position approximative');
  await expect(options.nth(1)).toContainText('Foyer Sini');
  await expect(options.nth(2)).toContainText('Foyer Badala');
  await expect(options.nth(2)).toContainText('N’accueille pas : Filles');
  await expect(page.locator('.screening-where > ol').first()).toContainText('Allô Enfance Mali');
  await shoot(page, '4-where-to-go');
  await options
    .nth(0)
    .getByRole('button', { name: /Orienter vers ce service/ })
    .click();

  // The referral, its consent (a guardian's), sending, the letter.
  await expect(page.getByRole('heading', { name: /^Orientation BKO-\d{4}-0001/ })).toBeVisible();
  await expect(page.getByText('Vers : Foyer Kanuya')).toBeVisible();
  const consent = page.getByRole('form', { name: 'Enregistrer le consentement' });
  await consent.getByLabel('Recueilli').selectOption('guardian');
  await shoot(page, '5-consent');
  await consent.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Consentement enregistré.')).toBeVisible();
  await page.getByRole('button', { name: 'Marquer comme envoyée' }).click();
  await expect(page.locator('.screening-refer h2')).toContainText('Envoyée');
  await page.getByRole('button', { name: 'Émettre la lettre' }).click();
  const letterLink = page.getByRole('link', { name: /^Voir la lettre MRN\/BKO/ });
  await expect(letterLink).toBeVisible();
  await shoot(page, '6-referred');
  await letterLink.click();
  await expect(page.getByRole('heading', { name: /^Lettre MRN\/BKO/ })).toBeVisible();
  const letter = page.getByRole('document', { name: /^Aperçu de la lettre/ });
  await expect(letter).toContainText('Foyer Kanuya');
  await shoot(page, '7-letter');

  // Still no register for the frontline worker, even typed in.
  await page.goto('./#/referrals');
  await expect(page.getByRole('alert')).toBeVisible();

  // Their own screenings: this one, the referral it led to, worked from there.
  await page.goto('./#/screening/history');
  const row = page.getByRole('table', { name: 'Mes repérages' }).getByRole('row').nth(1);
  await expect(row).toContainText('Mineur possible');
  await expect(row).toContainText(/BKO-\d{4}-0001/);
  await expect(row).toContainText('Envoyée');
  // No link into a register they may not open.
  await expect(row.getByRole('link', { name: /BKO-/ })).toHaveCount(0);
  await row.getByRole('link', { name: /^Ouvrir le repérage du/ }).click();
  await expect(page.getByRole('heading', { name: /^Orientation BKO-\d{4}-0001/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Voir la lettre MRN\/BKO/ })).toBeVisible();
  await shoot(page, '9-history-record');
  await logout(page);

  // The shelter's manager sees the referral, with the screening that led to it.
  await login(page, 'fatou', ownPassword('fatou'));
  await nav(page, 'Orientations');
  await page.getByRole('link', { name: /BKO-\d{4}-0001/ }).click();
  await expect(page.getByRole('heading', { name: /^Orientation BKO-\d{4}-0001/ })).toBeVisible();
  await expect(page.getByText('Foyer Kanuya').first()).toBeVisible();
  const screening = page.getByRole('region', { name: 'Repérage de première ligne' });
  await expect(screening.getByRole('alert')).toContainText('protection de l’enfance');
  await expect(screening).toContainText('Papiers confisqués');
  await shoot(page, '8-shelter-manager');
});

/**
 * The screening on disk: a coordinator screens and refers through the app in a profile of our
 * own; the browser is closed; nothing the screening recorded is in the profile's storage in
 * plaintext, while a directory entry (not case data) is, so the search can see there. The
 * HTTP caches hold the app's own code, whose shipped form contains the same words: not data.
 */
test('nothing of a screening is on disk in plaintext', async ({ baseURL }) => {
  test.setTimeout(240_000);
  const profile = mkdtempSync(join(tmpdir(), 'passerelle-canary-screening-'));
  const control = `CANARY-SERVICE-${randomBytes(6).toString('hex')}`;
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
      baseURL: baseURL ?? '',
      locale: 'fr-FR',
      timezoneId: 'Africa/Bamako',
    });
    context.setDefaultTimeout(15_000);
    const page = context.pages()[0] ?? (await context.newPage());
    await completeSetup(page, { as: 'coordinator' });
    await addService(page, {
      name: control,
      category: 'shelter',
      populations: ['Filles'],
      region: 'ML-BKO',
      lat: '12.62',
      lon: '-7.95',
    });
    await nav(page, 'Repérage');
    await page
      .getByRole('group', { name: 'La personne a-t-elle moins de 18 ans ?' })
      .getByRole('radio', { name: 'Oui' })
      .check();
    await page.getByLabel('Genre').selectOption('Feminine');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await yes(page, /obligé·e à travailler sans pouvoir refuser/);
    await yes(page, /garde-t-il votre salaire/);
    await page.getByRole('button', { name: 'Suivant' }).click();
    await yes(page, /garde-t-il vos papiers/);
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('checkbox', { name: 'Hébergement ce soir' }).check();
    await page.getByRole('button', { name: 'Voir l’évaluation' }).click();
    await page.getByRole('button', { name: 'Enregistrer le repérage et voir où aller' }).click();
    await page
      .getByRole('button', { name: new RegExp(`Orienter vers ce service : ${control}`) })
      .click();
    const consent = page.getByRole('form', { name: 'Enregistrer le consentement' });
    await consent.getByLabel('Recueilli').selectOption('guardian');
    await consent.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText('Consentement enregistré.')).toBeVisible();
    await context.close();

    const stored = (text: string) =>
      findIn(profile, text).filter((f) => !/[/\\](Code )?Cache[/\\]/.test(f));
    expect(
      stored(control).some((f) => f.includes('IndexedDB')),
      'control canary found',
    ).toBe(true);
    for (const recorded of [
      'forced-work',
      'documents-kept',
      'WithholdsDocuments',
      'TakesEarnings',
      'ForcedLabour',
      'shelter_tonight',
      'PossibleVictimOfTrafficking',
      'Papiers confisqués',
    ])
      expect(stored(recorded), recorded).toEqual([]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import {
  ADMIN,
  completeSetup,
  createUser,
  firstLogin,
  login,
  logout,
  ownPassword,
  TEMP_PASSWORD,
  type Role,
  goTo,
  sessionAction,
} from './helpers';
import { demo } from './demoShelters';

const SHOTS = '/tmp/shots-accounts';
test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

/**
 * Restricted demo shelters, from the demo's own generator (seeded: the same ids and places the
 * app loads for office BKO). Not from IndexedDB: a restricted place is sealed there.
 */
const restrictedShelters = (_page: Page) => {
  const locs = new Map(demo.locations.map((l) => [l.id, l]));
  return Promise.resolve(
    [...demo.services]
      .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
      .filter((s) => s.category === 'shelter')
      .flatMap((s) => {
        const l = locs.get(s.locationIds[0] ?? '');
        // The coordinates as the detail page prints them.
        return l && l.visibility === 'restricted' && l.latitude !== null && l.longitude !== null
          ? [
              {
                id: s.id,
                name: s.name,
                point: `${l.latitude.toFixed(5)}, ${l.longitude.toFixed(5)}`,
              },
            ]
          : [];
      }),
  );
};

const NAV_ENTRIES = [
  'Annuaire',
  'Carte',
  'Places',
  'Tableau de bord',
  'Orientations',
  'Repérage',
  'Statistiques',
  'Échanges',
  'Synchronisation',
  'Utilisateurs',
  'Journal',
  'Paramètres',
  'Formulaire de repérage',
] as const;
type Entry = (typeof NAV_ENTRIES)[number];

/** What each role sees in the menu (the header, then its Administration menu). */
const NAV: Record<Role, readonly Entry[]> = {
  administrator: [
    'Annuaire',
    'Carte',
    'Places',
    'Tableau de bord',
    'Statistiques',
    'Échanges',
    'Synchronisation',
    'Utilisateurs',
    'Journal',
    'Paramètres',
    'Formulaire de repérage',
  ],
  coordinator: [
    'Annuaire',
    'Carte',
    'Places',
    'Tableau de bord',
    'Orientations',
    'Repérage',
    'Statistiques',
    'Échanges',
    'Synchronisation',
  ],
  shelter_manager: ['Annuaire', 'Carte', 'Places', 'Tableau de bord', 'Orientations'],
  ministry_staff: [
    'Annuaire',
    'Carte',
    'Places',
    'Tableau de bord',
    'Orientations',
    'Statistiques',
  ],
  viewer: ['Annuaire', 'Carte'],
  frontline: ['Annuaire', 'Carte', 'Places', 'Tableau de bord', 'Repérage'],
};

/** Routes a role may not open, typed in the address bar: the guard says so. */
const REFUSED: Record<Role, readonly string[]> = {
  administrator: ['#/referrals', '#/referrals/new', '#/screening'],
  coordinator: ['#/users', '#/audit', '#/settings', '#/screening/settings'],
  shelter_manager: [
    '#/users',
    '#/audit',
    '#/settings',
    '#/referrals/new',
    '#/services/new',
    '#/statistics',
  ],
  ministry_staff: ['#/users', '#/audit', '#/exchange', '#/services/new'],
  viewer: [
    '#/referrals',
    '#/capacity',
    '#/users',
    '#/audit',
    '#/settings',
    '#/services/new',
    '#/statistics',
  ],
  frontline: [
    '#/referrals',
    '#/referrals/new',
    '#/users',
    '#/screening/settings',
    '#/services/new',
    '#/statistics',
  ],
};

const CAN_EDIT_DIRECTORY: Record<Role, boolean> = {
  administrator: true,
  coordinator: true,
  shelter_manager: false,
  ministry_staff: false,
  viewer: false,
  frontline: false,
};

const checkRole = async (page: Page, role: Role, shelter: { id: string; name: string }) => {
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  // The administration entries sit in one menu: open it to see them all.
  const admin = nav.getByRole('button', { name: 'Administration' });
  if ((await admin.count()) > 0) await admin.click();
  await expect(nav.getByRole('link')).toHaveText([...NAV[role]]);
  for (const entry of NAV_ENTRIES)
    await expect(nav.getByRole('link', { name: entry, exact: true })).toHaveCount(
      NAV[role].includes(entry) ? 1 : 0,
    );
  await page.goto('./#/directory');
  await expect(page.getByRole('link', { name: 'Ajouter un service' })).toHaveCount(
    CAN_EDIT_DIRECTORY[role] ? 1 : 0,
  );
  await page.goto(`./#/services/${shelter.id}`);
  await expect(page.getByRole('heading', { name: shelter.name })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Modifier' })).toHaveCount(
    CAN_EDIT_DIRECTORY[role] ? 1 : 0,
  );
  for (const hash of REFUSED[role]) {
    await page.goto(`./${hash}`);
    await expect(page.getByRole('heading', { name: 'Accès non autorisé' })).toBeVisible();
  }
};

test('each role sees the menu entries and actions of its role, and the guard refuses the rest', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await completeSetup(page, { demo: true });
  const [mine] = await restrictedShelters(page);
  if (!mine) throw new Error('the demo has no restricted shelter');

  await checkRole(page, 'administrator', mine);
  const people: [Role, string, string[]?][] = [
    ['coordinator', 'fatou'],
    ['shelter_manager', 'moussa', [mine.name]],
    ['ministry_staff', 'ibrahim'],
    ['viewer', 'lecteur'],
    ['frontline', 'agent'],
  ];
  for (const [role, username, shelters] of people)
    await createUser(page, { username, displayName: `Nom ${username}`, role, shelters });
  await expect(page.getByRole('table', { name: 'Utilisateurs' }).getByRole('row')).toHaveCount(7);
  await page.screenshot({ path: `${SHOTS}/users.png`, fullPage: true });

  for (const [role, username] of people) {
    await logout(page);
    await firstLogin(page, username);
    await expect(
      page.getByRole('banner').getByRole('button', { name: new RegExp(`Nom ${username}`) }),
    ).toBeVisible();
    await checkRole(page, role, mine);
  }
});

test('restricted addresses: shown to the shelter’s own manager, withheld from other managers and viewers', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await completeSetup(page, { demo: true });
  const [mine, other] = await restrictedShelters(page);
  if (!mine || !other) throw new Error('the demo needs two restricted shelters');
  await createUser(page, {
    username: 'moussa',
    displayName: 'Moussa Diarra',
    role: 'shelter_manager',
    shelters: [mine.name],
  });
  await createUser(page, { username: 'lecteur', displayName: 'Lecteur', role: 'viewer' });

  const expectAddress = async (shelter: { id: string; point: string }, shown: boolean) => {
    await page.goto(`./#/services/${shelter.id}`);
    await expect(page.getByText('Restreinte')).toBeVisible();
    await expect(page.getByText(shelter.point)).toHaveCount(shown ? 1 : 0);
    await expect(page.getByText(/^Adresse réservée/)).toHaveCount(shown ? 0 : 1);
  };
  await logout(page);
  await firstLogin(page, 'moussa');
  await expectAddress(mine, true);
  await expectAddress(other, false);
  await page.screenshot({ path: `${SHOTS}/shelter-manager.png` });

  await logout(page);
  await firstLogin(page, 'lecteur');
  await expectAddress(mine, false);
  await page.screenshot({ path: `${SHOTS}/viewer-restricted.png`, fullPage: true });
});

/** Typed into a referral's internal notes: never in a page the viewer is shown. */
const NOTES_CANARY = 'CANARY-NOTES-vue-par-le-lecteur';

test('a viewer cannot open a referral that a coordinator made', async ({ page }) => {
  test.setTimeout(120_000);
  await completeSetup(page, { demo: true });
  const [shelter] = await restrictedShelters(page);
  if (!shelter) throw new Error('no shelter');
  await createUser(page, { username: 'fatou', displayName: 'Fatou Keita', role: 'coordinator' });
  await createUser(page, { username: 'lecteur', displayName: 'Lecteur', role: 'viewer' });
  await logout(page);
  await firstLogin(page, 'fatou');
  await page.goto(`./#/referrals/new/${shelter.id}`);
  await page.getByRole('radio', { name: 'Sous 24 heures' }).check();
  await page.getByRole('checkbox', { name: 'Hébergement' }).check();
  await page.getByLabel('Notes internes').fill(NOTES_CANARY);
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  const heading = page.getByRole('heading', { name: /^Orientation BKO-\d{4}-0001/ });
  await expect(heading).toBeVisible();
  await expect(page.getByText(NOTES_CANARY)).toBeVisible();
  const url = page.url();

  await logout(page);
  await firstLogin(page, 'lecteur');
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Accès non autorisé' })).toBeVisible();
  await expect(page.getByText(/BKO-\d{4}-0001/)).toHaveCount(0);
  // Nothing of the case is in the page at all, visible or not.
  const html = await page.content();
  expect(html).not.toContain(NOTES_CANARY);
  expect(html).not.toMatch(/BKO-\d{4}-0001/);
  await page.screenshot({ path: `${SHOTS}/not-allowed.png` });
});

test('login throttles guessing, the lock screen hides everything, and inactivity locks', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.clock.install();
  await completeSetup(page, { demo: true });
  await logout(page);
  for (let i = 0; i < 4; i++) {
    await login(page, ADMIN.username, 'pas le bon mot de passe');
    await expect(page.getByRole('alert')).toHaveText(
      'Nom d’utilisateur ou mot de passe incorrect.',
    );
  }
  await login(page, ADMIN.username, 'pas le bon mot de passe');
  await expect(page.getByRole('alert')).toHaveText(/bloqué 1 minute/);
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('alert')).toHaveText(/bloqué 1 minute/);
  await page.screenshot({ path: `${SHOTS}/login-locked.png` });
  await page.clock.fastForward('01:01');
  await login(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { name: 'Annuaire des services' })).toBeVisible();

  // Locking by hand: nothing of the directory stays in the page.
  const firstService = await page
    .getByRole('table', { name: 'Annuaire des services' })
    .getByRole('link')
    .first()
    .innerText();
  await sessionAction(page, 'Verrouiller');
  await expect(page.getByRole('heading', { name: 'Session verrouillée' })).toBeVisible();
  expect(await page.content()).not.toContain(firstService);
  await page.screenshot({ path: `${SHOTS}/lock.png` });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Session verrouillée' })).toBeVisible();
  await page.getByLabel('Mot de passe').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  await expect(page.getByRole('heading', { name: 'Annuaire des services' })).toBeVisible();

  // Inactivity: 2 minutes in Settings, then the clock runs on with nobody at the keyboard.
  await goTo(page, 'Paramètres');
  await page.getByLabel('Verrouiller après (minutes d’inactivité)').fill('2');
  await page
    .getByRole('form', { name: 'Sécurité' })
    .getByRole('button', { name: 'Enregistrer' })
    .click();
  await expect(page.getByText('Réglage de sécurité enregistré.')).toBeVisible();
  await expect(
    page.getByText(/dans le navigateur, protégée seulement par le mot de passe/),
  ).toBeVisible();
  await page.getByRole('heading', { name: 'Sécurité' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/settings-security.png` });
  await page.clock.fastForward('01:30');
  await expect(page.getByRole('heading', { name: 'Paramètres' })).toBeVisible();
  await page.clock.fastForward('00:45');
  await expect(page.getByRole('heading', { name: 'Session verrouillée' })).toBeVisible();
});

test('an administrator resets a password; the user must choose a new one', async ({ page }) => {
  await completeSetup(page);
  await createUser(page, { username: 'fatou', displayName: 'Fatou Keita', role: 'coordinator' });
  await logout(page);
  await firstLogin(page, 'fatou');
  await logout(page);
  await login(page, ADMIN.username, ADMIN.password);
  await page.goto('./#/users');
  await page.getByRole('button', { name: 'Réinitialiser le mot de passe de fatou' }).click();
  const form = page.getByRole('form', { name: 'Nouveau mot de passe pour fatou' });
  await form.getByLabel('Mot de passe', { exact: true }).fill('azertyuiop');
  await form.getByLabel('Confirmer le mot de passe').fill('azertyuiop');
  await form.getByRole('button', { name: 'Réinitialiser le mot de passe' }).click();
  await expect(form.getByLabel('Mot de passe', { exact: true })).toHaveAccessibleDescription(
    /Ce mot de passe est trop courant\./,
  );
  await form.getByLabel('Mot de passe', { exact: true }).fill(TEMP_PASSWORD);
  await form.getByLabel('Confirmer le mot de passe').fill(TEMP_PASSWORD);
  await form.getByRole('button', { name: 'Réinitialiser le mot de passe' }).click();
  await expect(page.getByText(/Mot de passe de fatou réinitialisé/)).toBeVisible();
  await expect(page.getByRole('row', { name: /fatou/ })).toContainText(
    'Doit changer son mot de passe',
  );
  await logout(page);
  await login(page, 'fatou', ownPassword('fatou'));
  await expect(page.getByRole('alert')).toHaveText('Nom d’utilisateur ou mot de passe incorrect.');
  await firstLogin(page, 'fatou');
});

import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The first administrator made at setup. */
export const ADMIN = { username: 'awa', password: 'trois pirogues sur le Niger' } as const;

export type Role =
  'administrator' | 'coordinator' | 'shelter_manager' | 'ministry_staff' | 'viewer' | 'frontline';

const ROLE_LABELS: Record<Role, string> = {
  administrator: 'Administrateur·rice',
  coordinator: 'Coordinateur·rice',
  shelter_manager: 'Responsable de foyer',
  ministry_staff: 'Agent du ministère',
  viewer: 'Consultation',
  frontline: 'Agent de première ligne',
};

/**
 * The administrator's temporary password for a new account, and the one each test user then
 * chooses (a password may not contain the user's name, so neither does).
 */
export const TEMP_PASSWORD = 'mot de passe provisoire 2026';
export const ownPassword = (_username: string) => 'ma propre phrase secrète du fleuve';

export const login = async (page: Page, username: string, password: string) => {
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await page.getByLabel('Nom d’utilisateur').fill(username);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
};

/** The logged-in user's menu in the header (account, lock, log out). */
export const sessionMenu = (page: Page) =>
  page.getByRole('banner').getByRole('button', { name: /compte, verrouiller, se déconnecter/ });

/** Lock or log out, through the user's menu as a user does. */
export const sessionAction = async (page: Page, name: 'Verrouiller' | 'Se déconnecter') => {
  const menu = sessionMenu(page);
  if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  await page.getByRole('banner').getByRole('button', { name, exact: true }).click();
};

export const logout = async (page: Page) => {
  await sessionAction(page, 'Se déconnecter');
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
};

/**
 * As an administrator on the Users screen: creates an account with the temporary password,
 * optionally for the shelters named.
 */
export const createUser = async (
  page: Page,
  user: { username: string; displayName: string; role: Role; shelters?: string[] },
) => {
  await page.goto('./#/users');
  await page.getByRole('button', { name: 'Nouveau compte' }).click();
  const form = page.getByRole('form', { name: 'Nouveau compte' });
  await form.getByLabel('Nom d’utilisateur').fill(user.username);
  await form.getByLabel('Nom affiché').fill(user.displayName);
  await form.getByLabel('Rôle').selectOption({ label: ROLE_LABELS[user.role] });
  for (const shelter of user.shelters ?? [])
    await form.getByRole('checkbox', { name: shelter }).check();
  await form.getByLabel('Mot de passe', { exact: true }).fill(TEMP_PASSWORD);
  await form.getByLabel('Confirmer le mot de passe').fill(TEMP_PASSWORD);
  await form.getByRole('button', { name: 'Créer le compte' }).click();
  await expect(page.getByText(`Compte ${user.username} créé.`)).toBeVisible();
};

/** First login of a created account: the temporary password, then one of their own. */
export const firstLogin = async (page: Page, username: string) => {
  await login(page, username, TEMP_PASSWORD);
  await expect(page.getByRole('heading', { name: 'Changer mon mot de passe' })).toBeVisible();
  await page.getByLabel('Mot de passe actuel').fill(TEMP_PASSWORD);
  await page.getByLabel('Nouveau mot de passe').fill(ownPassword(username));
  await page.getByLabel('Confirmer le mot de passe').fill(ownPassword(username));
  await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
  await expect(sessionMenu(page)).toBeVisible();
};

/**
 * As the administrator: creates an account for `role` (named after it) and switches to it.
 * For tests whose setup person must also do a coordinator's work (referrals, capacity).
 */
export const switchToNewUser = async (page: Page, role: Role, shelters?: string[]) => {
  const username = role.replace('_', '-');
  await createUser(page, { username, displayName: `Test ${ROLE_LABELS[role]}`, role, shelters });
  await logout(page);
  await firstLogin(page, username);
  return username;
};

/**
 * First-run setup in Bamako: the office, then the first administrator (Awa Coordinatrice,
 * username "awa"), who is logged in; optionally with the fictional demo data. With `as`, an
 * account of that role is created and used from then on.
 */
/** The setup form filled for the Bamako office and its first administrator, not submitted. */
export const fillSetup = async (page: Page) => {
  await page.getByLabel('Pays').selectOption('ML');
  await page.getByLabel('Nom du bureau').fill('Direction régionale de Bamako');
  await page.getByLabel('Code du bureau').fill('BKO');
  await page.getByLabel('Votre nom').fill('Awa Coordinatrice');
  await page.getByLabel('Nom d’utilisateur').fill(ADMIN.username);
  await page.getByLabel('Mot de passe', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Confirmer le mot de passe').fill(ADMIN.password);
};

export const completeSetup = async (
  page: Page,
  { demo = false, as }: { demo?: boolean; as?: Exclude<Role, 'administrator'> } = {},
) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Passerelle' })).toBeVisible();
  await fillSetup(page);
  if (demo) await page.getByLabel(/données de démonstration/).check();
  await page.getByRole('button', { name: 'Commencer' }).click();
  await expect(page.getByRole('heading', { name: 'Annuaire des services' })).toBeVisible();
  if (as) {
    await switchToNewUser(page, as);
    await page.goto('./#/directory');
    await expect(page.getByRole('heading', { name: 'Annuaire des services' })).toBeVisible();
  }
};

const ADMIN_ENTRIES = new Set([
  'Échanges',
  'Synchronisation',
  'Utilisateurs',
  'Journal',
  'Paramètres',
  'Formulaire de repérage',
]);

/**
 * Follows a header entry by name; the administration entries sit in the "Administration" menu,
 * which is opened first (as a user does).
 */
export const goTo = async (page: Page, name: string) => {
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  if (ADMIN_ENTRIES.has(name)) {
    const menu = nav.getByRole('button', { name: 'Administration' });
    if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  }
  await nav.getByRole('link', { name, exact: true }).click();
};

/** As an administrator: the letterhead a letter cannot go without (issuer, place, signatory). */
export const setLetterhead = async (page: Page) => {
  await goTo(page, 'Paramètres');
  const lh = page.getByRole('form', { name: 'En-tête des lettres' });
  await lh
    .getByLabel('Autorité (en haut à gauche)')
    .fill('Comité national de lutte contre la traite');
  await lh.getByLabel('Lieu (« Fait à »)').fill('Bamako');
  await lh.getByLabel('Signataire par défaut').fill('Fatoumata Diarra');
  await lh.getByLabel('Titre du signataire').fill('La Directrice régionale');
  await lh.getByRole('button', { name: 'Enregistrer l’en-tête' }).click();
  await expect(page.getByText('En-tête des lettres enregistré.')).toBeVisible();
};

export const chooseFile = async (
  page: Page,
  button: string,
  file: { name: string; mimeType: string; buffer: Buffer },
) => {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(file);
};

/** Past the column mapping and, when lists are mapped, the value step (issue 17). */
export const checkFile = async (page: Page) => {
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  const values = page.getByRole('heading', { name: 'Valeurs des listes' });
  const report = page.getByRole('heading', { name: 'Rapport de vérification' });
  await expect(values.or(report)).toBeVisible({ timeout: 60_000 });
  if (await values.isVisible())
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
};

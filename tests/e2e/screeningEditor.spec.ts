/**
 * The office's screening form, edited, and a worker's own screenings (issue 16): an
 * administrator adds a question to a group (the editor refuses it empty, naming each field),
 * saves a new version; a frontline worker is asked the question, answers it, finds the
 * screening in their list, opens it (read with the form version it was made with) and resumes
 * it; the administrator goes back to the default form, and the screening still reads with the
 * question it was asked with. Every screen is photographed in French, Portuguese and Arabic (to /tmp/screening2-shots),
 * and the Arabic screens are checked to run right to left.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import {
  ADMIN,
  createUser,
  completeSetup,
  firstLogin,
  goTo,
  login,
  logout,
  ownPassword,
} from './helpers';

const SHOTS = '/tmp/screening2-shots';
test.use({ actionTimeout: 15_000 });

/** The screen in French, Portuguese and Arabic (checked right to left), then back in French. */
const shoot = async (page: Page, name: string) => {
  await page.screenshot({ path: `${SHOTS}/${name}-fr.png`, fullPage: true });
  await page.getByLabel('Langue', { exact: true }).selectOption('pt');
  await expect(page.getByRole('navigation', { name: 'Navegação principal' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/${name}-pt.png`, fullPage: true });
  await page.getByLabel('Língua', { exact: true }).selectOption('ar');
  await expect(page.getByRole('navigation', { name: 'التنقل الرئيسي' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.screenshot({ path: `${SHOTS}/${name}-ar.png`, fullPage: true });
  await page.getByLabel('اللغة', { exact: true }).selectOption('fr');
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
};

const COERCION = 'Contrainte sur le lieu de destination';
const QUESTION = {
  fr: 'Vous a-t-on interdit de parler à votre famille ?',
  en: 'Were you forbidden to speak to your family?',
  pt: 'Foi-lhe proibido falar com a sua família?',
  ar: 'هل مُنعت من التحدث إلى عائلتك؟',
};
const LABEL = {
  fr: 'Coupé·e de sa famille',
  en: 'Cut off from family',
  pt: 'Isolado·a da família',
  ar: 'معزول عن عائلته',
};
const LANGS = { fr: 'français', en: 'anglais', pt: 'portugais', ar: 'arabe' } as const;

test('an administrator adds a question; a frontline worker is asked it and finds the screening in their list', async ({
  page,
}) => {
  // Two roles, eight screens in three languages each, on a shared machine.
  test.setTimeout(480_000);
  await completeSetup(page);

  // The editor: the shipped form, its questions by group.
  await goTo(page, 'Formulaire de repérage');
  const editor = page.getByRole('form', { name: 'Modifier le formulaire' });
  await expect(editor).toBeVisible();
  await expect(page.getByText('Version 1 : 20 questions, 2 règles, 5 besoins.')).toBeVisible();
  const coercion = editor.getByRole('group', { name: COERCION, exact: true });
  await expect(coercion.locator('.sf-item')).toHaveCount(6);
  await shoot(page, '1-editor');

  // A new question in "coercion": refused empty, each field named in the summary.
  await coercion.getByRole('button', { name: `Ajouter une question : ${COERCION}` }).click();
  await editor.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
  const summary = editor.getByRole('alert');
  await expect(summary).toContainText('8 champs sont à corriger. Rien n’a été enregistré.');
  const link = summary.getByRole('link', {
    name: `${COERCION}, question 7 — Texte de la question (arabe) : Ce champ est obligatoire.`,
  });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByLabel('Texte de la question (arabe)')).toBeFocused();
  await shoot(page, '2-editor-errors');

  for (const [l, name] of Object.entries(LANGS) as [keyof typeof LANGS, string][]) {
    await page.getByLabel(`Texte de la question (${name})`).fill(QUESTION[l]);
    await page.getByLabel(`Nom court (évaluation et orientation) (${name})`).fill(LABEL[l]);
  }
  await expect(page.getByLabel('Texte de la question (arabe)')).toHaveAttribute('dir', 'rtl');
  await page.getByLabel('Force de l’indicateur').selectOption('strong');
  await page.getByLabel('Valeur HTCDS 2.0').selectOption('vic_MethodsOfControl:PsychologicalAbuse');
  // Asked before "isolated": one place up.
  await coercion.getByRole('button', { name: `Monter : question 7 (${COERCION})` }).click();
  await expect(coercion.locator('.sf-item').nth(5)).toContainText(QUESTION.fr);
  await expect(summary).toHaveCount(0);
  await editor.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Formulaire enregistré' })).toContainText(
    'Formulaire enregistré : version 2',
  );
  await expect(page.getByText('Version 2 : 21 questions, 2 règles, 5 besoins.')).toBeVisible();

  await createUser(page, { username: 'moussa', displayName: 'Moussa Diallo', role: 'frontline' });
  await logout(page);

  // The frontline worker is asked the new question, in its place.
  await firstLogin(page, 'moussa');
  await goTo(page, 'Repérage');
  await expect(page.getByRole('heading', { name: 'Repérage d’une personne' })).toBeVisible();
  await page
    .getByRole('group', { name: 'La personne a-t-elle moins de 18 ans ?' })
    .getByRole('radio', { name: 'Oui' })
    .check();
  await page.getByLabel('Genre').selectOption('Masculine');
  await shoot(page, '3-person');
  await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByRole('button', { name: 'Suivant' }).click();
  await page
    .getByRole('group', { name: /obligé·e à travailler sans pouvoir refuser/ })
    .getByRole('radio', { name: 'Oui' })
    .check();
  await page.getByRole('button', { name: 'Suivant' }).click();
  await expect(page.getByRole('heading', { name: COERCION })).toBeVisible();
  const questions = page.locator('.screening-question legend');
  await expect(questions.nth(5)).toHaveText(QUESTION.fr);
  await page.getByRole('group', { name: QUESTION.fr }).getByRole('radio', { name: 'Oui' }).check();
  await shoot(page, '4-new-question');
  await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByRole('checkbox', { name: 'Hébergement ce soir' }).check();
  await page.getByRole('button', { name: 'Voir l’évaluation' }).click();
  // Strong indicators in two groups: the office's rule suggests a possible victim.
  await expect(page.getByText('Suggestion : victime potentielle de traite')).toBeVisible();
  await expect(page.locator('.screening-found-group').nth(1)).toContainText(LABEL.fr);
  await shoot(page, '5-assessment');
  await page.getByRole('button', { name: 'Enregistrer le repérage et voir où aller' }).click();
  await expect(page.getByRole('heading', { name: 'Où aller maintenant' })).toBeVisible();
  await shoot(page, '6-where-to-go');

  // Their list: the screening, its assessment in short, no referral yet.
  await page.getByRole('link', { name: 'Mes repérages' }).click();
  await expect(page.getByRole('heading', { name: 'Mes repérages' })).toBeVisible();
  const rows = page.getByRole('table', { name: 'Mes repérages' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  const row = rows.nth(1);
  await expect(row).toContainText('Mineur possible');
  await expect(row).toContainText('Suggestion : victime potentielle de traite');
  await expect(row).toContainText(
    'Indicateurs : Exploitation, Contrainte sur le lieu de destination',
  );
  await expect(row).toContainText('24 h');
  await expect(row).toContainText('Pas encore d’orientation.');
  await shoot(page, '7-history');

  // Right to left in Arabic: the date column is the rightmost.
  await page.getByLabel('Langue', { exact: true }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const headers = page.getByRole('columnheader');
  const first = await headers.first().boundingBox();
  const last = await headers.last().boundingBox();
  expect(first && last && first.x > last.x).toBe(true);
  await expect(page.getByRole('heading', { name: 'عمليات الفرز التي أجريتها' })).toBeVisible();
  await page.getByLabel('اللغة', { exact: true }).selectOption('fr');

  // Opened: read with the form it was made with (version 2), the answers given.
  await row.getByRole('link', { name: /^Ouvrir le repérage du/ }).click();
  await expect(page.getByRole('heading', { name: /^Repérage du / })).toBeVisible();
  await expect(
    page.getByText('Formulaire : Formulaire de repérage (par défaut), version 2'),
  ).toBeVisible();
  const answers = page.getByRole('region', { name: 'Réponses données' });
  await expect(answers).toContainText(QUESTION.fr);
  await expect(page.getByRole('alert')).toContainText('protection de l’enfance en premier');
  await shoot(page, '8-record');

  // Resumed where it was left: the assessment, to correct or go on.
  await page.getByRole('link', { name: 'Reprendre' }).click();
  await expect(page.getByRole('heading', { name: 'Évaluation' })).toBeVisible();
  await expect(page.locator('.screening-found-group').nth(1)).toContainText(LABEL.fr);
  await page.getByRole('button', { name: 'Enregistrer le repérage et voir où aller' }).click();
  await expect(page.getByRole('heading', { name: 'Où aller maintenant' })).toBeVisible();
  // Corrected, not duplicated.
  await page.getByRole('link', { name: 'Mes repérages' }).click();
  await expect(page.getByRole('table', { name: 'Mes repérages' }).getByRole('row')).toHaveCount(2);
  await logout(page);

  // The administrator goes back to the shipped form: a new version (3), after a question.
  await login(page, ADMIN.username, ADMIN.password);
  await goTo(page, 'Formulaire de repérage');
  await page.getByRole('button', { name: 'Revenir au formulaire par défaut' }).click();
  const confirm = page.getByRole('group', { name: /^Remplacer le formulaire du bureau/ });
  await confirm.getByRole('button', { name: 'Oui, revenir au formulaire par défaut' }).click();
  await expect(page.getByText('Version 3 : 20 questions, 2 règles, 5 besoins.')).toBeVisible();
  await logout(page);

  // The past screening still reads with the question it was made with.
  await login(page, 'moussa', ownPassword('moussa'));
  await page.goto('./#/screening/history');
  await page.getByRole('link', { name: /^Ouvrir le repérage du/ }).click();
  await expect(
    page.getByText('Formulaire : Formulaire de repérage (par défaut), version 2'),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Réponses données' })).toContainText(QUESTION.fr);
});

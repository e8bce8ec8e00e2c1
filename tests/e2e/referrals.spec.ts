import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { completeSetup, switchToNewUser, goTo } from './helpers';

const SHOTS = '/tmp/shots-referrals';
const YEAR = new Date().getFullYear();
const CASE = `BKO-${YEAR}-0001`;
const REF = `MRN/BKO-1/${YEAR}/0001`;
const NAME = 'Aïcha Nomconfidentiel';

declare global {
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    printedLetters: string[];
  }
}

/**
 * The web adapter prints a letter by loading its HTML in a frame and calling the browser's
 * print dialog, which headless Chromium cannot capture: keep each HTML document handed to it,
 * exactly as the platform received it, to print it with page.pdf() as Electron would.
 */
const capturePrints = (page: Page) =>
  page.addInitScript(() => {
    window.printedLetters = [];
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes)
          if (n instanceof HTMLIFrameElement && n.srcdoc) window.printedLetters.push(n.srcdoc);
    }).observe(document, { childList: true, subtree: true });
  });

/** A 120×60 checkered PNG: a small real logo. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAHgAAAA8CAIAAAAiz+n/AAAAlElEQVR42u3ZsQ0AIAwDsO68yEm8wX+cwAdVJ1QJS1mzeEzi7Egy5kqiW+8GLNCgQYMGDRoWaNCgQbeFxvGmCws0aNCgQYOGBRo0aNB9oXHYOkCDBg0aNCzQoEGDBu0zxGHrAA0aNGjQsECDBg0atM8Qh60DNGjQoEHDAg0aNGjQPkMctg7QoEGDBg0LNGhd0KC/7V4mEJqO3rw/WwAAAABJRU5ErkJggg==',
  'base64',
);

const text = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-']).toString();

test.beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

test('refer a person from a service page, record consent, issue the letter as PDF and DOCX', async ({
  page,
  browser,
}) => {
  await capturePrints(page);
  await completeSetup(page, { demo: true });

  // The letterhead, once, in Settings, with a logo chosen through the platform's file dialog.
  await goTo(page, 'Paramètres');
  const lh = page.getByRole('form', { name: 'En-tête des lettres' });
  await lh
    .getByLabel('Autorité (en haut à gauche)')
    .fill(
      'Ministère de la Promotion de la Femme, de l’Enfant et de la Famille\nComité national de lutte contre la traite',
    );
  await lh
    .getByLabel('Mention (en haut à droite)')
    .fill('RÉPUBLIQUE DU MALI\nUn Peuple – Un But – Une Foi');
  await lh.getByLabel('Pied de page').fill('Mécanisme national de référencement — Bamako');
  await lh.getByLabel('Lieu (« Fait à »)').fill('Bamako');
  await lh.getByLabel('Signataire par défaut').fill('Fatoumata Diarra');
  await lh.getByLabel('Titre du signataire').fill('La Directrice régionale');
  await expect(lh.getByText(`Prochaine référence : ${REF}`)).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await lh.getByRole('button', { name: 'Choisir un logo…' }).click();
  await (await chooser).setFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
  await expect(lh.getByRole('img', { name: 'Logo actuel' })).toBeVisible();
  await lh.getByRole('button', { name: 'Enregistrer l’en-tête' }).click();
  await expect(page.getByText('En-tête des lettres enregistré.')).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'settings-letterhead.png'), fullPage: true });
  // The administrator reads no case file: a coordinator does the referral.
  await switchToNewUser(page, 'coordinator');

  // A shelter in Ségou, from the directory.
  await page.goto('./#/directory');
  await page.getByLabel('Région', { exact: true }).selectOption({ label: 'Ségou' });
  await page.getByLabel('Catégorie', { exact: true }).selectOption('shelter');
  const table = page.getByRole('table', { name: 'Annuaire des services' });
  await table.getByRole('row').nth(1).getByRole('link').first().click();
  const serviceName = (
    await page.getByRole('heading', { level: 1 }).locator('bdi').innerText()
  ).trim();

  await page.getByRole('link', { name: 'Orienter une personne vers ce service' }).click();
  await expect(page.getByRole('heading', { name: 'Nouvelle orientation' })).toBeVisible();
  const service = page.getByLabel('Service destinataire', { exact: true });
  await expect(service.locator('option:checked')).toHaveText(new RegExp(`^${serviceName}`));
  await page.getByRole('radio', { name: 'Sous 24 heures' }).check();
  await page.getByRole('checkbox', { name: 'Hébergement' }).check();
  await page.getByRole('checkbox', { name: 'Soins médicaux' }).check();
  await page.getByLabel('Sexe / genre').selectOption('Feminine');
  await page.getByLabel('Tranche d’âge').selectOption('18-20');
  await page.getByRole('checkbox', { name: 'Exploitation sexuelle' }).check();
  await page.getByLabel('Nationalité', { exact: true }).selectOption('NG');
  await page.getByRole('checkbox', { name: 'anglais' }).check();
  await page
    .getByLabel('Informations pour le service destinataire')
    .fill('<b>Arrivée</b> hier soir, <script>alert(1)</script> accompagnement souhaité.');
  await page.getByLabel('Notes internes').fill('Note interne : jamais dans la lettre.');
  await page.screenshot({ path: join(SHOTS, 'referral-new.png'), fullPage: true });
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();

  // A draft without consent: no letter and no "sent", and the screen says why.
  await expect(page.getByRole('heading', { name: `Orientation ${CASE}` })).toBeVisible();
  const issue = page.getByRole('button', { name: 'Émettre une lettre d’orientation' });
  await expect(issue).toBeDisabled();
  await expect(issue).toHaveAccessibleDescription(/Aucun consentement ne nomme ce service/);
  await expect(page.getByRole('button', { name: 'Marquer comme envoyée' })).toBeDisabled();

  // Consent: to this service, to record the name but not to share it.
  await page.getByRole('button', { name: 'Enregistrer le consentement' }).click();
  const consent = page.getByRole('form', { name: 'Enregistrer le consentement' });
  await expect(
    consent.getByRole('checkbox', { name: /Être orientée vers le destinataire/ }),
  ).toBeChecked();
  await consent
    .getByRole('checkbox', { name: 'Que son nom soit enregistré dans Passerelle' })
    .check();
  await consent.getByLabel('Nom de la personne').fill(NAME);
  await consent.getByLabel('Recueilli').selectOption('written');
  await consent.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Nom enregistré, masqué')).toBeVisible();
  await expect(page.getByText(NAME)).toHaveCount(0);
  await expect(issue).toBeEnabled();

  await issue.click();
  const form = page.getByRole('form', { name: 'Émettre une lettre d’orientation' });
  await expect(
    form.getByRole('checkbox', { name: 'Le service a besoin du nom de la personne' }),
  ).toBeDisabled();
  await form.getByRole('button', { name: 'Émettre la lettre' }).click();
  await expect(page.getByText(`Lettre ${REF} émise.`)).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'referral-detail.png'), fullPage: true });

  // PDF: the HTML handed to the platform, printed by Chromium as Electron prints it.
  await page
    .getByRole('button', { name: `Imprimer ou enregistrer la lettre ${REF} en PDF` })
    .click();
  // The browser's print dialog never says whether a file was made: "sent to print", not
  // "file produced" (Electron's printToPDF does say so).
  await expect(page.getByText(/^Lettre envoyée à l’impression/)).toBeVisible();
  await expect(page.getByText(`Fichier MRN-BKO-1-${YEAR}-0001.pdf produit.`)).toHaveCount(0);
  const html = await page.evaluate(() => window.printedLetters.at(-1) ?? '');
  expect(html).toContain(CASE);
  const printer = await browser.newPage();
  await printer.setContent(html);
  const pdf = join(SHOTS, 'letter.pdf');
  await printer.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  await printer.close();
  const pdfText = text(pdf).replace(/\s+/g, ' ');
  for (const s of [
    REF,
    CASE,
    serviceName,
    'réponse attendue sous 24 heures',
    'Hébergement et soins médicaux',
  ])
    expect(pdfText).toContain(s);
  expect(pdfText).toContain('<b>Arrivée</b> hier soir, <script>alert(1)</script>');
  expect(pdfText).not.toContain('Aïcha');
  expect(pdfText).not.toContain('Note interne');
  expect(pdfText).not.toContain('Exploitation sexuelle');
  execFileSync('pdftoppm', ['-png', '-r', '80', pdf, join(SHOTS, 'letter-pdf')]);

  // DOCX: the download, unzipped.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: `Enregistrer la lettre ${REF} en DOCX (Word)` }).click();
  const docx = join(SHOTS, `MRN-BKO-1-${YEAR}-0001.docx`);
  await (await download).saveAs(docx);
  const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(docx)))['word/document.xml']!);
  const docxText = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) =>
      m[1]!
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&'),
    )
    .join(' ');
  for (const s of [REF, CASE, serviceName, 'réponse attendue sous 24 heures', '<b>Arrivée</b>'])
    expect(docxText).toContain(s);
  expect(docxText).not.toContain('Aïcha');
  expect(docxText).not.toContain('Note interne');
  // Rendering the DOCX through LibreOffice is for people looking at it (LETTER_SHOTS=1), not CI.
  const lo = ['libreoffice', 'soffice'].find((b) => existsSync(`/usr/bin/${b}`));
  if (lo && process.env.LETTER_SHOTS) {
    execFileSync(lo, ['--headless', '--convert-to', 'pdf', '--outdir', SHOTS, docx], {
      timeout: 120_000,
    });
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      docx.replace(/\.docx$/, '.pdf'),
      join(SHOTS, 'letter-docx'),
    ]);
  }

  // The history says which files were made, when, by whom.
  const history = page.getByRole('region', { name: 'Historique' });
  await expect(history.getByText('Lettre émise')).toBeVisible();
  await expect(
    history.getByText(`Envoyée à l’impression MRN-BKO-1-${YEAR}-0001.pdf`),
  ).toBeVisible();
  await expect(history.getByText(`DOCX MRN-BKO-1-${YEAR}-0001.docx`)).toBeVisible();

  // The preview shows the same letter, from the stored snapshot.
  await page.getByRole('link', { name: REF }).click();
  const preview = page.getByRole('document', { name: `Aperçu de la lettre ${REF}` });
  await expect(preview.getByText(`N° ${REF}`)).toBeVisible();
  await expect(preview.getByText(CASE).first()).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'letter-preview.png'), fullPage: true });

  // Sent, then listed in the register by case code only.
  await page.getByRole('link', { name: `Orientation ${CASE}` }).click();
  await page.getByRole('button', { name: 'Marquer comme envoyée' }).click();
  await expect(page.getByRole('heading', { name: `Orientation ${CASE}` })).toContainText('Envoyée');
  await page.getByRole('link', { name: 'Orientations', exact: true }).click();
  const register = page.getByRole('table', { name: 'Registre des orientations' });
  await expect(register.getByRole('link', { name: CASE })).toBeVisible();
  await expect(register).not.toContainText('Aïcha');
});

test('a sent referral unanswered within its urgency becomes overdue, in "needs action"', async ({
  page,
}) => {
  await completeSetup(page, { demo: true, as: 'coordinator' });
  await page.getByLabel('Catégorie', { exact: true }).selectOption('medical');
  await page
    .getByRole('table', { name: 'Annuaire des services' })
    .getByRole('row')
    .nth(1)
    .getByRole('link')
    .first()
    .click();
  await page.getByRole('link', { name: 'Orienter une personne vers ce service' }).click();
  await page.getByRole('radio', { name: 'Sous 24 heures' }).check();
  await page.getByRole('checkbox', { name: 'Soins médicaux' }).check();
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();

  // An override instead of consent: a written reason, recorded and shown.
  await page.getByRole('button', { name: 'Passer outre le consentement' }).click();
  await page.getByLabel('Motif de la dérogation').fill('court');
  await page.getByRole('button', { name: 'Enregistrer la dérogation' }).click();
  await expect(page.getByText('Expliquez la décision en 20 caractères au moins.')).toBeVisible();
  await page
    .getByLabel('Motif de la dérogation')
    .fill('Mineure seule, tuteur injoignable cette nuit.');
  await page.getByRole('button', { name: 'Enregistrer la dérogation' }).click();
  await expect(
    page.getByText(/Dérogation au consentement décidée par Test Coordinateur·rice/),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Marquer comme envoyée' }).click();
  await expect(page.getByText(/Réponse attendue dans/)).toBeVisible();

  await page.getByRole('link', { name: 'Orientations', exact: true }).click();
  await expect(page.getByRole('button', { name: 'À traiter (0)' })).toBeVisible();
  // 25 hours later, with no answer from the service.
  await page.clock.setFixedTime(new Date(Date.now() + 25 * 3_600_000));
  await page.getByRole('link', { name: 'Annuaire', exact: true }).click();
  await page.getByRole('link', { name: 'Orientations', exact: true }).click();
  await expect(page.getByRole('button', { name: 'À traiter (1)' })).toBeVisible();
  await page.getByRole('button', { name: 'À traiter (1)' }).click();
  const row = page
    .getByRole('table', { name: 'Registre des orientations' })
    .getByRole('row')
    .nth(1);
  await expect(row).toContainText(/En retard depuis 1 heure/);
  await expect(row).toHaveClass(/follow-overdue/);
  await page.screenshot({ path: join(SHOTS, 'register-needs-action.png'), fullPage: true });

  // Declining needs a reason; the referral then leaves "needs action".
  await row.getByRole('link').click();
  await page.getByRole('button', { name: 'Refusée par le service' }).click();
  await page.getByLabel('Motif du refus').fill('Plus de lit disponible');
  await page.getByRole('button', { name: 'Confirmer' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Refusée');
  await expect(page.getByRole('button', { name: 'Marquer comme envoyée' })).toHaveCount(0);
  await page.screenshot({ path: join(SHOTS, 'referral-declined.png'), fullPage: true });
});

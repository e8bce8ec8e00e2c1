/**
 * A coordinator's first day (issue 19): each place where a new user stumbled, tried again as
 * they would, so that none comes back.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { SHELTER } from './demoShelters';
import {
  ADMIN,
  completeSetup,
  fillSetup,
  createUser,
  firstLogin,
  goTo,
  login,
  logout,
} from './helpers';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const header = (page: Page) => page.getByRole('banner');
const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Navigation principale' });

test.describe('start and setup', () => {
  test('setup clears old errors at once, says the demo is loading, and leads to a standalone office', async ({
    page,
  }) => {
    await page.goto('./');
    await page.getByRole('button', { name: 'Commencer' }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toBeFocused();
    await expect(page.locator('.field-invalid').first()).toBeVisible();

    await fillSetup(page);
    await page.getByLabel(/données de démonstration/).check();
    // The loading may be brief: watch the page for it, and for errors still shown meanwhile.
    await page.evaluate(() => {
      const seen = { loading: false, staleErrors: false };
      Object.assign(window, { seen });
      new MutationObserver(() => {
        if (!document.body.textContent?.includes('Chargement des données de démonstration…'))
          return;
        seen.loading = true;
        if (document.querySelector('[aria-invalid="true"]')) seen.staleErrors = true;
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await page.getByRole('button', { name: 'Commencer' }).click();
    await expect(page.getByRole('heading', { name: 'Annuaire des services' })).toBeVisible();
    // The wait was explained, and the previous errors had gone with the click.
    expect(await page.evaluate(() => (window as unknown as { seen: object }).seen)).toEqual({
      loading: true,
      staleErrors: false,
    });

    // No partner, no server: nothing is "never synchronised" in red.
    await expect(header(page).getByText('Poste autonome')).toBeVisible();
    await expect(header(page).getByText('Jamais synchronisé')).toHaveCount(0);

    // About shows the package's version.
    await goTo(page, 'Paramètres');
    await expect(page.getByText(`Version ${pkg.version}`)).toBeVisible();
  });
});

test.describe('header, navigation and keyboard', () => {
  /** One row: not much taller than one entry, every entry and control at the same height. */
  const expectOneRow = async (page: Page) => {
    const box = await header(page).boundingBox();
    const link = await mainNav(page).getByRole('link', { name: 'Annuaire' }).boundingBox();
    expect(box && link).toBeTruthy();
    expect(box!.height).toBeLessThan(link!.height * 2.2);
    const tops = await mainNav(page)
      .locator(':scope > ul > li')
      .evaluateAll((items) => items.map((i) => Math.round(i.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    // The language menu, the sync state and the session menu sit beside the entries, not below.
    const below = await header(page)
      .locator(':scope > *')
      .evaluateAll(
        (items, bottom) => items.filter((i) => i.getBoundingClientRect().top >= bottom).length,
        link!.y + link!.height,
      );
    expect(below).toBe(0);
  };

  for (const width of [1024, 1280, 1920]) {
    test(`the header is one row for an administrator at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await completeSetup(page);
      await expectOneRow(page);
    });
  }

  // A coordinator has the longest menu (referrals, screening, statistics and Administration).
  test('the header is one row for a coordinator from 1024 px up, and names what its icons stand for', async ({
    page,
  }) => {
    await completeSetup(page, { as: 'coordinator' });
    for (const width of [1024, 1200, 1280, 1440, 1920]) {
      await page.setViewportSize({ width, height: 800 });
      await expectOneRow(page);
    }
    // Narrow: Administration and the sync state are icons, still named by their words.
    await page.setViewportSize({ width: 1024, height: 800 });
    const admin = mainNav(page).getByRole('button', { name: 'Administration' });
    await expect(admin).toBeVisible();
    expect((await admin.boundingBox())!.width).toBeLessThan(60);
    const sync = header(page).getByRole('link', { name: 'Poste autonome' });
    await expect(sync).toBeVisible();
    await expect(sync).toHaveAttribute('title', 'Poste autonome');
    expect((await sync.boundingBox())!.width).toBeLessThan(40);
  });

  test('the administration menu opens, lists its entries, closes with Escape', async ({ page }) => {
    await completeSetup(page);
    const menu = mainNav(page).getByRole('button', { name: 'Administration' });
    await expect(mainNav(page).getByRole('link', { name: 'Utilisateurs' })).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    for (const name of ['Échanges', 'Synchronisation', 'Utilisateurs', 'Journal', 'Paramètres'])
      await expect(mainNav(page).getByRole('link', { name, exact: true })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();
    await goTo(page, 'Journal');
    await expect(page.getByRole('heading', { name: 'Journal des actions' })).toBeVisible();
    await expect(mainNav(page).getByRole('link', { name: 'Journal' })).toBeHidden();
  });

  test('a skip link leads to the main content; opening a service puts focus on its heading', async ({
    page,
  }) => {
    await completeSetup(page, { demo: true });
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Aller au contenu principal' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Annuaire des services' })).toBeFocused();

    const table = page.getByRole('table', { name: 'Annuaire des services' });
    const first = table.getByRole('link').first();
    const name = (await first.textContent()) ?? '';
    await first.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name, level: 1 })).toBeFocused();
  });

  test('the next user lands on their own home, not on the page the previous one left', async ({
    page,
  }) => {
    await completeSetup(page);
    await createUser(page, { username: 'issa', displayName: 'Issa Koné', role: 'coordinator' });
    await logout(page);
    await firstLogin(page, 'issa');
    await logout(page);
    // The administrator works on Users, then leaves.
    await login(page, ADMIN.username, ADMIN.password);
    await goTo(page, 'Utilisateurs');
    await expect(page.getByRole('heading', { name: 'Utilisateurs' })).toBeVisible();
    await logout(page);
    await login(page, 'issa', 'ma propre phrase secrète du fleuve');
    await expect(page.getByRole('heading', { name: 'Annuaire des services' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Accès non autorisé' })).toHaveCount(0);
  });
});

test.describe('forms and settings', () => {
  test('Save with errors takes the user to the summary, whose links lead to each field', async ({
    page,
  }) => {
    await completeSetup(page);
    await page.getByRole('link', { name: 'Ajouter un service' }).click();
    await page.getByLabel('Téléphone 1').fill('76-AB-12');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toBeFocused();
    await expect(summary).toBeInViewport();
    const toPhone = summary.getByRole('link', { name: /^Téléphone 1/ });
    await expect(toPhone).toBeVisible();
    await toPhone.click();
    await expect(page.getByLabel('Téléphone 1')).toBeFocused();
    await summary.getByRole('link', { name: /^Nom du service/ }).click();
    await expect(page.getByLabel('Nom du service')).toBeFocused();
  });

  test('a text over its limit says what the limit is, beside the field and in the summary', async ({
    page,
  }) => {
    await completeSetup(page);
    await page.getByRole('link', { name: 'Ajouter un service' }).click();
    await page.getByLabel('Nom du service').fill('Centre '.repeat(30));
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const limit = 'Ce texte est trop long : 200 caractères au plus.';
    await expect(
      page.getByRole('alert').getByRole('link', { name: /^Nom du service/ }),
    ).toHaveAccessibleName(`Nom du service : ${limit}`);
    await expect(page.getByLabel('Nom du service')).toHaveAccessibleDescription(limit);
  });

  test('removing the demo data asks first', async ({ page }) => {
    await completeSetup(page, { demo: true });
    await goTo(page, 'Paramètres');
    await page.getByRole('button', { name: 'Retirer les données de démonstration' }).click();
    const ask = page.getByRole('group', { name: /Retirer tous les services de démonstration/ });
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: 'Annuler' }).click();
    await expect(ask).toBeHidden();
    await expect(page.getByText(/services de démonstration retirés/)).toHaveCount(0);
    await page.getByRole('button', { name: 'Retirer les données de démonstration' }).click();
    await page.getByRole('button', { name: 'Oui, retirer les données de démonstration' }).click();
    await expect(page.getByText(/\d+ services de démonstration retirés/)).toBeVisible();
  });
});

test.describe('directory, map and beds', () => {
  test('with "free bed for girls" the list counts girls’ beds, as the map does', async ({
    page,
  }) => {
    await completeSetup(page, { demo: true });
    await page.getByLabel('Lit libre pour').selectOption({ label: 'Filles' });
    const table = page.getByRole('table', { name: 'Annuaire des services' });
    const badges = table.locator('.capacity-badge');
    await expect(badges.first()).toBeVisible();
    const texts = await badges.allTextContents();
    // Every shown figure is the girls' one, said as such.
    for (const text of texts) expect(text).toMatch(/\(Filles\)|Aucun lit libre|Fermé|\?/);
  });

  test('"View on the map" opens the map centred on the service with its popup open', async ({
    page,
  }) => {
    await completeSetup(page, { demo: true });
    const table = page.getByRole('table', { name: 'Annuaire des services' });
    const first = table.getByRole('link').first();
    const name = ((await first.textContent()) ?? '').trim();
    await first.click();
    await page.getByRole('link', { name: 'Voir sur la carte' }).click();
    await expect(page.getByRole('heading', { name: 'Carte des services' })).toBeVisible();
    const popup = page.locator('.leaflet-popup');
    await expect(popup).toBeVisible();
    await expect(popup).toContainText(name);
  });

  test('by keyboard alone, a service in view opens its popup and "near here"', async ({ page }) => {
    await completeSetup(page, { demo: true });
    await page.goto('./#/map');
    const side = page.getByRole('complementary');
    const show = side.getByRole('button', { name: /^Afficher sur la carte : / }).first();
    await show.focus();
    await page.keyboard.press('Enter');
    const popup = page.locator('.leaflet-popup');
    await expect(popup).toBeVisible();
    // Focus is inside the popup: its links and "near here" are reachable with Tab.
    await expect
      .poll(() => page.evaluate(() => !!document.activeElement?.closest('.leaflet-popup')))
      .toBe(true);
  });

  test('region names are drawn above the service markers', async ({ page }) => {
    await completeSetup(page, { demo: true });
    await page.goto('./#/map');
    const z = (pane: string) =>
      page.locator(`.leaflet-${pane}-pane`).evaluate((el) => Number(getComputedStyle(el).zIndex));
    await expect(page.locator('.leaflet-passerelle-labels-pane')).toBeAttached();
    expect(await z('passerelle-labels')).toBeGreaterThan(await z('passerelle-markers'));
  });

  test('an over-occupied shelter says "full, N over capacity", not a negative number', async ({
    page,
  }) => {
    await completeSetup(page, { demo: true, as: 'coordinator' });
    await goTo(page, 'Places');
    await page.getByLabel('Hébergement', { exact: true }).selectOption({ label: SHELTER });
    await expect(page.getByRole('heading', { name: SHELTER })).toBeVisible();
    await page.getByLabel('Lits au total — Femmes').fill('3');
    await page.getByLabel('Lits hors service — Femmes').fill('0');
    await page.getByLabel('Lits occupés — Femmes').fill('8');
    await expect(page.getByLabel('Disponibles — Femmes')).toHaveText(
      'Complet, 5 personnes au-delà de la capacité',
    );
  });
});

test.describe('letters', () => {
  test('no letter, and no number used, until the letterhead and the signatory are complete', async ({
    page,
  }) => {
    await completeSetup(page, { demo: true, as: 'coordinator' });
    await page.getByLabel('Catégorie', { exact: true }).selectOption('shelter');
    const table = page.getByRole('table', { name: 'Annuaire des services' });
    await table.getByRole('row').nth(1).getByRole('link').first().click();
    await page.getByRole('link', { name: 'Orienter une personne vers ce service' }).click();
    await page.getByRole('radio', { name: 'Sous 24 heures' }).check();
    await page.getByRole('checkbox', { name: 'Hébergement' }).check();
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.getByRole('button', { name: 'Enregistrer le consentement' }).click();
    const consent = page.getByRole('form', { name: 'Enregistrer le consentement' });
    await consent.getByLabel('Recueilli').selectOption('written');
    await consent.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('button', { name: 'Émettre une lettre d’orientation' }).click();
    const form = page.getByRole('form', { name: 'Émettre une lettre d’orientation' });
    const submit = form.getByRole('button', { name: 'Émettre la lettre' });
    // Nothing set in Settings: the form says what is missing, and who can fix it.
    await expect(submit).toBeDisabled();
    await expect(submit).toHaveAccessibleDescription(
      /il manque l’autorité de l’en-tête, le lieu .*, le nom du signataire et le titre du signataire/,
    );
    await expect(
      form.getByText('Un administrateur complète l’en-tête dans Paramètres.'),
    ).toBeVisible();
    // A signatory typed for this letter fills two of the gaps, not the letterhead's.
    await form.getByLabel('Nom du signataire').fill('Fatoumata Diarra');
    await form.getByLabel('Titre du signataire').fill('La Directrice régionale');
    await expect(submit).toHaveAccessibleDescription(
      /il manque l’autorité de l’en-tête et le lieu/,
    );
    await expect(submit).toBeDisabled();
    await expect(page.getByRole('table', { name: 'Lettres' })).toHaveCount(0);
  });
});

/**
 * Languages (issue 18): setup in Portuguese, the app in Arabic and right to left, the language
 * chosen on the login screen, one language per user of the same computer, Arabic-Indic digits
 * and dates typed in the interface's order. Screenshots of every screen in Arabic and in
 * Portuguese go to /tmp/i18n-shots.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { completeSetup } from './helpers';
import { openSomePopup } from './mapHelpers';

const SHOTS = '/tmp/i18n-shots';
const ADMIN = { username: 'celia', password: 'tres barcos no rio Zambeze' };
const COORD = {
  username: 'amina',
  temp: 'senha provisoria de 2026',
  own: 'my own long river phrase',
};

/** The login form's labels on the Portuguese (office default) login screen. */
const PT_LOGIN = { user: 'Nome de utilizador', password: 'Palavra-passe', submit: 'Entrar' };

const shot = async (page: Page, name: string) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};

/** Every screen an administrator opens, by its heading, for screenshots. */
const ADMIN_SCREENS = [
  'directory',
  'map',
  'capacity',
  'dashboard',
  'exchange',
  'sync',
  'users',
  'audit',
  'settings',
  'account',
  'services/new',
];

const shootAll = async (page: Page, prefix: string, screens: readonly string[]) => {
  for (const screen of screens) {
    await page.goto(`./#/${screen}`);
    await expect(page.locator('main h1').first()).toBeVisible();
    await page.waitForTimeout(300); // live queries and the map settle
    await shot(page, `${prefix}-${screen.replace('/', '-')}`);
  }
};

const setupInPortuguese = async (page: Page) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Passerelle' })).toBeVisible();
  await page.getByLabel('Langue', { exact: true }).selectOption('pt');
  await expect(page.getByRole('heading', { name: 'Bem-vindo ao Passerelle' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt');
  await shot(page, 'pt-setup');
  await page.getByLabel('País').selectOption('MZ');
  await page.getByLabel('Nome do escritório').fill('Direção Provincial de Maputo');
  await page.getByLabel('Código do escritório').fill('MPT');
  await page.getByLabel('O seu nome').fill('Célia Machava');
  await page.getByLabel('Nome de utilizador').fill(ADMIN.username);
  await page.getByLabel('Palavra-passe', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Confirmar a palavra-passe').fill(ADMIN.password);
  await page.getByLabel(/dados de demonstração/).check();
  await page.getByRole('button', { name: 'Começar' }).click();
  await expect(page.getByRole('heading', { name: 'Diretório de serviços' })).toBeVisible();
};

const login = async (
  page: Page,
  labels: { user: string; password: string; submit: string },
  who: { username: string },
  password: string,
) => {
  await page.getByLabel(labels.user).fill(who.username);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: labels.submit }).click();
};

test('setup in Portuguese, the app in Arabic and mirrored, a language per user', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await setupInPortuguese(page);
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await shootAll(page, 'pt', ADMIN_SCREENS);

  // Arabic: right to left for real, the navigation starting at the right edge.
  await page.goto('./#/directory');
  await page.getByLabel('Língua', { exact: true }).selectOption('ar');
  await expect(page.getByRole('heading', { name: 'دليل الخدمات' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  const nav = page.getByRole('navigation', { name: 'التنقل الرئيسي' });
  const first = (await nav.getByRole('link').first().boundingBox())!;
  const second = (await nav.getByRole('link').nth(1).boundingBox())!;
  const width = page.viewportSize()!.width;
  expect(first.x).toBeGreaterThan(second.x);
  expect(first.x + first.width).toBeGreaterThan(width / 2);
  const search = (await page.getByLabel('بحث', { exact: true }).boundingBox())!;
  expect(search.x + search.width).toBeGreaterThan(width / 2);
  await shootAll(page, 'ar', ADMIN_SCREENS);

  // The map's zoom buttons sit at the start of the line: top right.
  await page.goto('./#/map');
  const zoom = (await page.getByRole('button', { name: 'تكبير' }).boundingBox())!;
  const canvas = (await page.getByRole('region', { name: 'خريطة الخدمات' }).boundingBox())!;
  expect(zoom.x).toBeGreaterThan(canvas.x + canvas.width / 2);

  // Arabic-Indic digits and Hijri dates, kept for this user.
  await page.goto('./#/settings');
  const prefs = page.getByRole('form', { name: 'اللغة والتواريخ' });
  await prefs.getByLabel(/عربية مشرقية/).check();
  await prefs.getByLabel(/التاريخ الهجري/).check();
  await prefs.getByRole('button', { name: 'حفظ تفضيلاتي' }).click();
  await page.goto('./#/directory');
  await expect(page.getByRole('status').filter({ hasText: /[٠-٩]/ }).first()).toBeVisible();
  await shot(page, 'ar-digits-directory');

  // A coordinator account for the second user of this computer.
  await page.goto('./#/users');
  await page.getByRole('button', { name: 'حساب جديد' }).click();
  const form = page.getByRole('form', { name: 'حساب جديد' });
  await form.getByLabel('اسم المستخدم').fill(COORD.username);
  await form.getByLabel('الاسم المعروض').fill('Amina Tembe');
  await form.getByLabel('الدور').selectOption({ label: 'منسق' });
  await form.getByLabel('كلمة المرور', { exact: true }).fill(COORD.temp);
  await form.getByLabel('تأكيد كلمة المرور').fill(COORD.temp);
  await form.getByRole('button', { name: 'إنشاء الحساب' }).click();
  await expect(page.getByText(`أُنشئ الحساب ${COORD.username}`)).toBeVisible();
  await page
    .getByRole('banner')
    .getByRole('button', { name: /تسجيل الخروج$/ })
    .click();
  await page.getByRole('button', { name: 'تسجيل الخروج', exact: true }).click();

  // The login screen speaks the office's language (chosen at setup) and offers the others.
  await expect(page.getByRole('heading', { name: 'Iniciar sessão' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await shot(page, 'pt-login');
  await page.getByLabel('Língua', { exact: true }).selectOption('en');
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await login(
    page,
    { user: 'Username', password: 'Password', submit: 'Log in' },
    COORD,
    COORD.temp,
  );
  await expect(page.getByRole('heading', { name: 'Change my password' })).toBeVisible();
  await page.getByLabel('Current password').fill(COORD.temp);
  await page.getByLabel('New password').fill(COORD.own);
  await page.getByLabel('Confirm password').fill(COORD.own);
  await page.getByRole('button', { name: 'Change my password' }).click();
  await expect(
    page.getByRole('banner').getByRole('button', { name: /account, lock, log out$/ }),
  ).toBeVisible();

  // Dates typed in the interface's order, not the browser's.
  await page.goto('./#/referrals');
  const from = page.getByLabel('Created from');
  await expect(from).toHaveAttribute('placeholder', 'DD/MM/YYYY');
  await from.fill('23/11/2026');
  await from.blur();
  await expect(from).toHaveValue('23/11/2026');
  await expect(from).not.toHaveAttribute('aria-invalid', 'true');
  await from.fill('31/02/2026');
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await from.fill('');
  // The referral screens (closed to the administrator) in each language.
  const referralScreens = ['referrals', 'referrals/new'];
  await shootAll(page, 'en-coordinator', referralScreens);
  for (const [lang, menu] of [
    ['ar', 'Language'],
    ['pt', 'اللغة'],
    ['en', 'Língua'],
  ] as const) {
    await page.getByLabel(menu, { exact: true }).selectOption(lang);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    if (lang !== 'en') await shootAll(page, `${lang}-coordinator`, referralScreens);
  }
  await page
    .getByRole('banner')
    .getByRole('button', { name: /account, lock, log out$/ })
    .click();
  await page.getByRole('button', { name: 'Log out', exact: true }).click();

  // Each user gets their own language back; the login screen the office's.
  await expect(page.getByRole('heading', { name: 'Iniciar sessão' })).toBeVisible();
  await login(page, PT_LOGIN, ADMIN, ADMIN.password);
  // (Back on the last screen opened, whichever it is: the navigation says the language.)
  await expect(page.getByRole('navigation', { name: 'التنقل الرئيسي' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page
    .getByRole('banner')
    .getByRole('button', { name: /تسجيل الخروج$/ })
    .click();
  await page.getByRole('button', { name: 'تسجيل الخروج', exact: true }).click();
  await login(page, PT_LOGIN, COORD, COORD.own);
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});

test('Arabic screens of a coordinator: referrals and a typed date with Arabic digits', async ({
  page,
}) => {
  await setupInPortuguese(page);
  // The administrator reads no case file; Arabic screens of the referral register come from
  // the date field's point of view here (the first test covers the rest).
  await page.getByLabel('Língua', { exact: true }).selectOption('ar');
  await page.goto('./#/audit');
  const from = page.getByLabel('من', { exact: true });
  await expect(from).toHaveAttribute('placeholder', 'يوم/شهر/سنة');
  await from.fill('٢٣/١١/٢٠٢٦');
  await from.blur();
  await expect(from).toHaveValue('23/11/2026');
  await expect(from).not.toHaveAttribute('aria-invalid', 'true');
  await shot(page, 'ar-audit-date');
});

test('the map in Arabic: zoom buttons on the right, popups mirrored', async ({ page }) => {
  await completeSetup(page, { demo: true });
  await page.getByLabel('Langue', { exact: true }).selectOption('ar');
  await page.goto('./#/map');
  const region = page.getByRole('region', { name: 'خريطة الخدمات' });
  await expect(page.locator('canvas.map-markers')).toHaveAttribute('data-markers', /service/);
  await openSomePopup(page, region);
  const popup = page.locator('.leaflet-popup-content-wrapper');
  const close = page.getByRole('button', { name: 'إغلاق' });
  const box = (await popup.boundingBox())!;
  const closeBox = (await close.boundingBox())!;
  // The close button sits at the start of the line: the popup's left edge in Arabic.
  expect(closeBox.x - box.x).toBeLessThan(box.width / 2);
  await expect(popup).toHaveCSS('text-align', 'start');
  await shot(page, 'ar-map-popup');
});

/**
 * Accessibility of every screen, for every role, with axe-core (issue 19): no serious or
 * critical violation of WCAG 2.1 A/AA rules, in French and in every right-to-left language the
 * interface offers. A failure names the screen, the rule and the elements.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { SHELTER } from './demoShelters';
import { completeSetup, switchToNewUser } from './helpers';
import type { Role } from './helpers';

const SCREENS: Record<Role, readonly string[]> = {
  administrator: ['#/exchange', '#/sync', '#/users', '#/audit', '#/settings', '#/account'],
  coordinator: [
    '#/directory',
    '#/services/new',
    '#/referrals',
    '#/referrals/new',
    '#/capacity',
    '#/dashboard',
    '#/map',
  ],
  shelter_manager: ['#/capacity', '#/referrals', '#/directory'],
  ministry_staff: ['#/referrals', '#/dashboard'],
  viewer: ['#/directory', '#/map'],
  frontline: ['#/screening'],
};

type Problem = { screen: string; rule: string; impact: string; nodes: string[] };

const scan = async (page: Page, screen: string): Promise<Problem[]> => {
  await page.goto(`./${screen}`);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      screen,
      rule: v.id,
      impact: v.impact ?? '',
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
};

const LANGUAGE = /^(Langue|Language|Idioma|اللغة)$/;

const checkRole = async (page: Page, role: Role, language: string) => {
  await page.getByLabel(LANGUAGE).selectOption(language);
  const problems: Problem[] = [];
  for (const screen of SCREENS[role]) problems.push(...(await scan(page, screen)));
  // The service page, reached as a user does.
  if (role === 'administrator' || role === 'coordinator') {
    await page.goto('./#/directory');
    await page.getByRole('table').getByRole('link', { name: SHELTER }).first().click();
    await expect(page.getByRole('heading', { name: SHELTER })).toBeVisible();
    problems.push(...(await scan(page, new URL(page.url()).hash)));
  }
  expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
};

// French, and Arabic (right to left) wherever the interface offers it.
for (const language of ['fr', 'ar']) {
  for (const role of [
    'administrator',
    'coordinator',
    'shelter_manager',
    'ministry_staff',
    'viewer',
    'frontline',
  ] as const) {
    test(`every ${role} screen passes axe in ${language}`, async ({ page }) => {
      test.setTimeout(240_000);
      await completeSetup(page, { demo: true });
      const offered = await page
        .getByLabel(LANGUAGE)
        .locator('option')
        .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
      test.skip(!offered.includes(language), `${language} is not offered yet`);
      if (role !== 'administrator')
        await switchToNewUser(page, role, role === 'shelter_manager' ? [SHELTER] : undefined);
      await checkRole(page, role, language);
      if (role === 'administrator') {
        // An open menu is part of the screen too.
        await page.goto('./#/settings');
        await page.getByRole('navigation').getByRole('button').first().click();
        const open = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
        expect(
          open.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious'),
        ).toEqual([]);
      }
    });
  }
}

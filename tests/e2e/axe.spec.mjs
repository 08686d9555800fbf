// Accessibility: axe-core on every screen and view, with the demo data loaded, in each
// language. Fails on any serious or critical violation.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { firstCustomerId, loadDemo, openScreen, screens } from './screens.mjs';

const languages = ['de', 'en'];

async function chooseLanguage(page, language) {
  if (language === 'de') return;
  await page.goto('/einstellungen');
  await page.getByTestId('lang-switch').selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', new RegExp(`^${language}`));
}

async function seriousViolations(page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const language of languages) {
  test.describe(`axe, ${language}`, () => {
    test(`first start, before any data (${language})`, async ({ page }) => {
      await chooseLanguage(page, language);
      await page.goto('/');
      await expect(page.getByTestId('demo-load')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    for (const screen of screens(':id')) {
      test(`${screen.name} (${language})`, async ({ page }) => {
        await loadDemo(page);
        await chooseLanguage(page, language);
        const path = screen.path.replace(':id', await firstCustomerId(page));
        await openScreen(page, { ...screen, path });
        expect(await seriousViolations(page), screen.name).toEqual([]);
        for (const tab of screen.tabs ?? []) {
          await page.getByTestId(tab).click();
          expect(await seriousViolations(page), `${screen.name}, ${tab}`).toEqual([]);
        }
      });
    }
  });
}

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

    test(`practice in action: rehearsal, drill and the projector view (${language})`, async ({ page }) => {
      await loadDemo(page);
      await chooseLanguage(page, language);
      await page.goto('/ueben');
      await page.getByTestId('trainee-name').fill('Axe');
      await page.getByTestId('trainee-new').click();
      await page.getByTestId('practice-start').click();
      await page.getByTestId('practice-answer').fill('Schön, dass Sie anrufen');
      await page.getByTestId('practice-reveal').click();
      await expect(page.getByTestId('practice-score')).toBeVisible();
      expect(await seriousViolations(page), 'rehearsal').toEqual([]);
      await page.getByTestId('practice-tab-drill').click();
      await page.getByTestId('drill-start').click();
      const cls = await page.getByTestId('drill-card').getAttribute('data-class');
      await page.getByTestId(`drill-class-${cls}`).click();
      await page.locator(`[data-testid="drill-option"][data-class="${cls}"]`).click();
      await expect(page.getByTestId('drill-result')).toBeVisible();
      expect(await seriousViolations(page), 'drill').toEqual([]);
      await page.getByTestId('practice-tab-session').click();
      await page.getByTestId('session-start').click();
      await page.getByTestId('session-reveal').click();
      await expect(page.getByTestId('session-agreed-line')).toBeVisible();
      expect(await seriousViolations(page), 'projector').toEqual([]);
    });

    test(`call card with an objection's answer shown (${language})`, async ({ page }) => {
      await loadDemo(page);
      await chooseLanguage(page, language);
      await page.goto('/anruf');
      await page.getByTestId('call-search').fill('a');
      await page.getByTestId('call-search').press('Enter');
      await expect(page.getByTestId('call-card')).toBeVisible();
      await page.getByTestId('objection-search').fill('teuer');
      await expect(page.getByTestId('objection-item').first()).toBeVisible();
      await page.getByTestId('objection-search').press('ArrowDown');
      await expect(page.getByTestId('objection-answer')).toBeVisible();
      expect(await seriousViolations(page), 'call card with objection').toEqual([]);
    });

    test(`playbook editor writing an objection (${language})`, async ({ page }) => {
      await loadDemo(page);
      await chooseLanguage(page, language);
      await page.goto('/leitfaden');
      await page.getByTestId('playbook-new').click();
      await page.getByTestId('playbook-kind').selectOption('objection');
      await page.getByTestId('playbook-class').selectOption('');
      await expect(page.getByTestId('playbook-direction')).toHaveCount(0);
      expect(await seriousViolations(page), 'objection editor').toEqual([]);
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

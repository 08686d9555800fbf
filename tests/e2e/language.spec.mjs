// The language switch: German by default, English on request, remembered, with dates and
// amounts in the language's format; user data such as the demo set stays German.
import { test, expect } from '@playwright/test';
import { openApp, createCustomer } from './helpers.mjs';

test('switching to English changes every label and format, and is remembered', async ({ page }) => {
  await createCustomer(page, { name: 'Erika Muster', revenue: '12.345,67' });
  await expect(page.getByTestId('nav-board')).toHaveText('Board');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('lang-switch').selectOption('en');
  await expect(page.getByTestId('nav-customers')).toHaveText('Customers');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByTestId('nav-customers')).toHaveText('Customers');
  await expect(page.getByTestId('lang-switch')).toHaveValue('en');
  await page.getByTestId('nav-customers').click();
  const row = page.getByTestId('customer-row').filter({ hasText: 'Erika Muster' });
  await expect(row).toContainText('€12,346');
  await row.locator('a').first().click();
  // The form shows and reads amounts the English way.
  const revenue = page.getByTestId('customer-revenue');
  await expect(revenue).toHaveValue('12,345.67');
  await revenue.fill('2,500.50');
  await page.getByTestId('customer-save').click();
  await page.reload();
  await expect(page.getByTestId('customer-revenue')).toHaveValue('2,500.50');
  await page.getByTestId('nav-data').click();
  await page.getByTestId('backup-export').click();
  await expect(page.getByTestId('backup-last')).toContainText(/\d{2}\/\d{2}\/\d{4}/);
  // Back to German.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('lang-switch').selectOption('de');
  await expect(page.getByTestId('nav-customers')).toHaveText('Kunden');
  await page.getByTestId('nav-customers').click();
  await expect(page.getByTestId('customer-row').filter({ hasText: 'Erika Muster' })).toContainText('2.501 €');
});

test('in English the starter playbook and demo data stay as written', async ({ page }) => {
  await openApp(page, '/einstellungen');
  await page.getByTestId('lang-switch').selectOption('en');
  await expect(page.getByTestId('nav-playbook')).toHaveText('Playbook');
  await page.getByTestId('nav-data').click();
  await page.getByTestId('demo-load').click();
  await expect(page.getByTestId('storage-meter')).toContainText('more customers');
  await page.getByTestId('nav-playbook').click();
  await expect(page.getByTestId('playbook-line').first()).toContainText(/Sie|Ihnen/);
});

import { test, expect } from '@playwright/test';
import { createCustomer, fillStorage, openApp } from './helpers.mjs';

test('the demo data loads on first start', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await page.getByTestId('demo-load').click();
  await expect(page.getByTestId('board-column')).toHaveCount(4);
  await page.getByTestId('nav-customers').click();
  const rows = page.getByTestId('customer-row');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThanOrEqual(50);
  for (const cls of ['A', 'B', 'O', 'C']) {
    expect(await page.locator(`[data-testid="customer-row"][data-class="${cls}"]`).count()).toBeGreaterThan(0);
  }
  await page.reload();
  await expect(page.getByTestId('customer-row').first()).toBeVisible();
  expect(await page.getByTestId('customer-row').count()).toBeGreaterThanOrEqual(50);
});

test('a full quota shows the error banner and keeps the earlier data', async ({ page }) => {
  await createCustomer(page, { name: 'Quentin Quota', notes: 'vorher' });
  await fillStorage(page);
  const noise = Array.from({ length: 3000 }, (_, i) => ((i * 7919) % 9973).toString(36)).join(' ');
  await page.getByTestId('customer-notes').fill(noise);
  await page.getByTestId('customer-save').click();
  await expect(page.getByTestId('storage-error')).toBeVisible();
  await expect(page.getByTestId('storage-error')).toContainText('Browserspeicher ist voll');
  await page.reload();
  await expect(page.getByTestId('customer-file-name')).toHaveText('Quentin Quota');
  await expect(page.getByTestId('customer-notes')).toHaveValue('vorher');
});

test('a corrupt stored value is quarantined and listed, and the app still starts', async ({ page }) => {
  await createCustomer(page, { name: 'Karl Kaputt' });
  await page.evaluate(() => localStorage.setItem('kb:c:005', 'Z9:\u0001kaputt'));
  await page.reload();
  await expect(page.getByTestId('storage-error')).toContainText('Quarantäne');
  await expect(page.getByTestId('customer-file-name')).toHaveText('Karl Kaputt');
  await page.getByTestId('nav-data').click();
  const entry = page.locator('[data-testid="quarantine-list"] [data-testid="quarantine-entry"]');
  await expect(entry).toHaveCount(1);
  await expect(entry).toHaveAttribute('data-key', 'kb:c:005');
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kb:q:')).map((k) => localStorage.getItem(k)));
  expect(kept).toEqual(['Z9:\u0001kaputt']);
});

test('blocked storage gives a clear message, and the app still works for the session', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await openApp(page);
  await expect(page.getByTestId('storage-error')).toContainText('lokale Speicher des Browsers ist gesperrt');
  await page.getByTestId('nav-customers').click();
  await page.getByTestId('customer-new').click();
  await page.getByTestId('customer-name').fill('Paula Privat');
  await page.getByTestId('customer-save').click();
  await expect(page.getByTestId('customer-file-name')).toHaveText('Paula Privat');
});

import { test, expect } from '@playwright/test';
import { createCustomer } from './helpers.mjs';

test('a change in tab 1 appears in tab 2 without a reload', async ({ page, context }) => {
  const id = await createCustomer(page, { name: 'Tina Tab' });
  const other = await context.newPage();
  await other.goto(`/kunden/${id}`);
  await expect(other.getByTestId('customer-file-name')).toHaveText('Tina Tab');
  await page.getByTestId('customer-name').fill('Tina Tab-Neu');
  await page.getByTestId('customer-class').selectOption('A');
  await page.getByTestId('customer-save').click();
  await expect(page.getByTestId('save-status')).toBeVisible();
  await expect(other.getByTestId('customer-file-name')).toHaveText('Tina Tab-Neu');
  await expect(other.getByTestId('customer-name')).toHaveValue('Tina Tab-Neu');
  await expect(other.getByTestId('customer-file-class')).toContainText('A-Kunde');
});

test('two tabs editing two customers at the same moment keep both edits', async ({ page, context }) => {
  const first = await createCustomer(page, { name: 'Erste Kundin' });
  const second = await createCustomer(page, { name: 'Zweiter Kunde' });
  const tab1 = page;
  const tab2 = await context.newPage();
  await tab1.goto(`/kunden/${first}`);
  await tab2.goto(`/kunden/${second}`);
  await tab1.getByTestId('customer-notes').fill('Notiz aus Tab 1');
  await tab2.getByTestId('customer-notes').fill('Notiz aus Tab 2');
  await Promise.all([
    tab1.getByTestId('customer-save').click(),
    tab2.getByTestId('customer-save').click(),
  ]);
  await expect(tab1.getByTestId('save-status')).toBeVisible();
  await expect(tab2.getByTestId('save-status')).toBeVisible();
  await tab1.goto(`/kunden/${second}`);
  await expect(tab1.getByTestId('customer-notes')).toHaveValue('Notiz aus Tab 2');
  await tab1.goto(`/kunden/${first}`);
  await expect(tab1.getByTestId('customer-notes')).toHaveValue('Notiz aus Tab 1');
});

test('the same customer edited in both tabs shows a conflict and loses nothing silently', async ({ page, context }) => {
  const id = await createCustomer(page, { name: 'Konrad Konflikt' });
  const tab2 = await context.newPage();
  await tab2.goto(`/kunden/${id}`);
  await page.getByTestId('customer-notes').fill('Fassung aus Tab 1');
  await tab2.getByTestId('customer-notes').fill('Fassung aus Tab 2');
  await tab2.getByTestId('customer-save').click();
  await expect(tab2.getByTestId('save-status')).toBeVisible();
  await expect(page.getByTestId('customer-changed-elsewhere')).toBeVisible();
  await page.getByTestId('customer-save').click();
  await expect(page.getByTestId('customer-conflict')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('customer-notes')).toHaveValue('Fassung aus Tab 2');
  await page.getByTestId('customer-notes').fill('Fassung aus Tab 1');
  await tab2.getByTestId('customer-notes').fill('Tab 2, zweite Fassung');
  await tab2.getByTestId('customer-save').click();
  await page.getByTestId('customer-save').click();
  await expect(page.getByTestId('customer-conflict')).toBeVisible();
  await page.getByTestId('conflict-keep-mine').click();
  await expect(page.getByTestId('customer-conflict')).toHaveCount(0);
  await expect(tab2.getByTestId('customer-notes')).toHaveValue('Fassung aus Tab 1');
});

// On a 375 px phone every screen is one tap away, behind the menu button, with no label
// cut off.
import { test, expect } from '@playwright/test';
import { column, plantCustomers } from './helpers.mjs';

const LINKS = ['nav-board', 'nav-customers', 'nav-call', 'nav-outreach', 'nav-playbook', 'nav-practice', 'nav-data', 'nav-settings'];

test.use({ viewport: { width: 375, height: 800 } });

test('the menu button opens every screen in one tap, no label cut off', async ({ page }) => {
  await page.goto('/');
  const menu = page.getByTestId('nav-menu');
  await expect(menu).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('nav-data')).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  for (const id of LINKS) {
    const link = page.getByTestId(id);
    await expect(link).toBeInViewport({ ratio: 1 });
    const cut = await link.evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(cut, `${id} is cut off`).toBe(false);
  }
  await page.getByTestId('nav-data').click();
  await expect(page).toHaveURL(/\/daten$/);
  await expect(page.getByTestId('nav-data')).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
});

test('the menu works by keyboard and Escape closes it', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('nav-menu').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('nav-practice')).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('nav-practice')).toBeHidden();
});

test('the board on a phone shows one class at a time, with tabs that carry the counts', async ({ page }) => {
  await plantCustomers(page, [
    { id: 51, name: 'Anton A', class: 'A', revenue: 9000 },
    { id: 52, name: 'Berta B', class: 'B', revenue: 3000 },
    { id: 53, name: 'Bodo B', class: 'B', revenue: 2000 },
    { id: 54, name: 'Olga O', class: 'O', revenue: 100 },
  ], [], { ready: 'nav-menu' });
  const tab = (cls) => page.locator(`[data-testid="board-tab"][data-class="${cls}"]`);
  await expect(tab('A')).toHaveAttribute('aria-selected', 'true');
  await expect(tab('B')).toContainText('2');
  await expect(column(page, 'A')).toBeVisible();
  await expect(column(page, 'B')).toBeHidden();
  await tab('B').click();
  await expect(tab('B')).toHaveAttribute('aria-selected', 'true');
  await expect(column(page, 'B')).toBeVisible();
  await expect(column(page, 'A')).toBeHidden();
  await expect(column(page, 'B').getByTestId('board-card')).toHaveCount(2);
});

test.describe('on a desktop', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('every link shows in the top bar, with no menu button and no class tabs', async ({ page }) => {
    await plantCustomers(page, [{ id: 61, name: 'Anton A', class: 'A', revenue: 9000 }]);
    await expect(page.getByTestId('nav-menu')).toBeHidden();
    for (const id of LINKS) await expect(page.getByTestId(id)).toBeVisible();
    await expect(page.locator('[data-testid="board-tab"]').first()).toBeHidden();
    await expect(column(page, 'B')).toBeVisible();
  });
});

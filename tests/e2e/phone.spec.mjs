// On a 375 px phone every screen is one tap away, behind the menu button, with no label
// cut off.
import { test, expect } from '@playwright/test';

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

// The main flows by keyboard alone: find a caller, log the call, move a card, rate a
// practice card. Focus moves with Tab, actions run with Enter, Space, arrows and keys.
import { test, expect } from '@playwright/test';
import { openApp } from './helpers.mjs';

/** Presses Tab until the element with `testid` has focus; fails after `limit` presses. */
async function tabTo(page, testid, limit = 80) {
  for (let i = 0; i < limit; i++) {
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    if (focused === testid) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${testid} not reached by Tab`);
}

test('find a caller, log the call, move a card and rate a practice card without a mouse', async ({ page }) => {
  await openApp(page, '/daten');
  await tabTo(page, 'demo-load');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('storage-meter')).toContainText('weitere Kunden');

  // Call: the shortcut opens the lookup, arrows and Enter pick the caller.
  await page.keyboard.press('Escape');
  await page.locator('body').press('/');
  await expect(page.getByTestId('call-search')).toBeFocused();
  await page.keyboard.type('a');
  await expect(page.getByTestId('call-result').nth(1)).toBeVisible();
  const listed = await page.getByTestId('call-result').evaluateAll((els) => els.map((e) => e.dataset.customerId));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const card = page.getByTestId('call-card');
  // ArrowDown moved from the first result to the second: that customer is on the card.
  await expect(card).toHaveAttribute('data-customer-id', listed[1]);
  const customerId = await card.getAttribute('data-customer-id');
  await tabTo(page, 'call-log-reason');
  await page.keyboard.type('Frage zur Rechnung');
  await tabTo(page, 'call-log-save');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid="call-recent-contact"]').filter({ hasText: 'Frage zur Rechnung' })).toHaveCount(1);

  // Board: the move menu opens with Enter and moves with Enter.
  await page.goto('/');
  await expect(page.getByTestId('board-card').first()).toBeVisible();
  const first = page.locator('[data-testid="board-column"][data-class="B"] [data-testid="board-card"]').first();
  const moved = await first.getAttribute('data-customer-id');
  await tabTo(page, 'board-move-menu', 200);
  // The first menu button in tab order belongs to the first card of the first column (A);
  // walk on to the first B card's menu.
  for (let i = 0; i < 400; i++) {
    const owner = await page.evaluate(() => document.activeElement?.closest('[data-testid="board-card"]')?.getAttribute('data-customer-id'));
    const isMenu = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'board-move-menu');
    if (owner === moved && isMenu) break;
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await tabTo(page, 'board-move-to-A', 10);
  await page.keyboard.press('Enter');
  await expect(page.locator(`[data-testid="board-column"][data-class="A"] [data-testid="board-card"][data-customer-id="${moved}"]`)).toHaveCount(1);

  // Practice: add a trainee, start, reveal with Enter, rate with the key 3.
  await page.goto('/ueben');
  await tabTo(page, 'trainee-name');
  await page.keyboard.type('Tastatur');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid="trainee-select"] option:checked')).toHaveText('Tastatur');
  await tabTo(page, 'practice-start');
  await page.keyboard.press('Enter');
  const prompt = page.getByTestId('practice-prompt');
  const line = await prompt.getAttribute('data-line-id');
  await tabTo(page, 'practice-reveal');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('practice-agreed-line')).toBeVisible();
  await page.keyboard.press('3');
  await expect(prompt).not.toHaveAttribute('data-line-id', line);
  await tabTo(page, 'practice-tab-progress');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('progress-trainee')).toHaveAttribute('data-repetitions', '1');
  await page.goto(`/kunden/${customerId}`);
  await expect(page.locator('[data-testid="timeline-entry"][data-kind="contact"]').filter({ hasText: 'Frage zur Rechnung' })).toHaveCount(1);
});

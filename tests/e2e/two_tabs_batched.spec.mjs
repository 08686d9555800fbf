import { test, expect } from '@playwright/test';
import { card, column, plantCustomers } from './helpers.mjs';

// 512 customers, two in every one of the 256 buckets, so a rewrite touches every bucket.
const TEAM = Array.from({ length: 512 }, (_, i) => ({ id: i + 1, name: `Kunde ${i + 1}`, class: 'B', revenue: 100 }));

/**
 * Rewrites every bucket from `tab`, as a restore in that tab does: 256 `storage` events
 * in every other tab. Every customer becomes an A customer named "Neu <id>".
 */
async function rewriteEveryBucket(tab) {
  return tab.evaluate((count) => {
    const buckets = {};
    for (let id = 1; id <= count; id += 1) {
      const key = `kb:c:${String(id % 256).padStart(3, '0')}`;
      (buckets[key] ??= []).push({
        id,
        rev: 2,
        created: '2026-01-05',
        fields: { name: `Neu ${id}`, company: '', class: 'A', revenue_cents: 20000, potential: false, tags: [], phones: [], number: '' },
        contacts: [],
      });
    }
    for (const [key, value] of Object.entries(buckets)) localStorage.setItem(key, JSON.stringify(value));
    return Object.keys(buckets).length;
  }, TEAM.length);
}

const batches = (page) => page.evaluate(() => performance.getEntriesByName('kb-foreign-applied').length);

test('256 writes from another tab land in a few batched updates, with every customer as written', async ({ page, context }) => {
  await plantCustomers(page, TEAM);
  await expect(column(page, 'B').getByTestId('board-column-count')).toHaveText('512');
  const other = await context.newPage();
  await other.goto('/');
  await expect(other.getByTestId('nav-board')).toBeVisible();
  await expect(column(other, 'B').getByTestId('board-column-count')).toHaveText('512');
  const before = await batches(page);
  expect(await rewriteEveryBucket(other)).toBe(256);
  await expect(column(page, 'A').getByTestId('board-column-count')).toHaveText('512');
  await expect(column(page, 'B').getByTestId('board-column-count')).toHaveText('0');
  await expect(column(page, 'A').getByTestId('board-column-revenue')).toHaveText('102.400 €');
  await expect(column(page, 'A').getByTestId('board-card').first()).toContainText('Neu ');
  await expect(column(page, 'A').getByText(/Kunde \d/)).toHaveCount(0);
  // One update per storage event would be 256; a frame takes many events at once.
  const applied = (await batches(page)) - before;
  expect(applied).toBeGreaterThanOrEqual(1);
  expect(applied).toBeLessThanOrEqual(16);
});

test('a tab that gets no animation frames, as a hidden one, still takes other tabs\' writes in', async ({ page, context }) => {
  await plantCustomers(page, TEAM);
  const hidden = await context.newPage();
  // Hidden tabs get no animation frames; here no frame callback ever runs.
  await hidden.addInitScript(() => {
    window.requestAnimationFrame = () => 0;
  });
  await hidden.goto('/kunden');
  await expect(hidden.getByTestId('customer-count')).toContainText('512');
  await rewriteEveryBucket(page);
  await hidden.getByTestId('customer-search').fill('Neu 300');
  await expect(hidden.getByTestId('customer-row')).toHaveCount(1);
  await expect(hidden.getByTestId('customer-row')).toContainText('Neu 300');
  await expect(hidden.getByTestId('customer-row')).toHaveAttribute('data-class', 'A');
});

test('after a burst from another tab, a move on the board is stored and survives a reload', async ({ page, context }) => {
  await plantCustomers(page, TEAM);
  const other = await context.newPage();
  await other.goto('/');
  await expect(other.getByTestId('nav-board')).toBeVisible();
  await rewriteEveryBucket(other);
  await expect(column(page, 'A').getByTestId('board-column-count')).toHaveText('512');
  const id = await column(page, 'A').getByTestId('board-card').first().getAttribute('data-customer-id');
  await card(page, id).getByTestId('board-move-menu').click();
  await card(page, id).getByTestId('board-move-to-C').click();
  await expect(column(page, 'C').locator(`[data-customer-id="${id}"]`)).toBeVisible();
  await expect(column(page, 'C').getByTestId('board-column-count')).toHaveText('1');
  await expect(column(other, 'C').locator(`[data-customer-id="${id}"]`)).toBeVisible();
  await page.reload();
  await expect(column(page, 'C').locator(`[data-customer-id="${id}"]`)).toBeVisible();
  await expect(column(page, 'A').getByTestId('board-column-count')).toHaveText('511');
});

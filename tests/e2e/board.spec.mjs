import { test, expect } from '@playwright/test';
import { card, column, plantCustomers } from './helpers.mjs';

const TEAM = [
  { id: 11, name: 'Anton Ahrens', class: 'A', revenue: 10000, tags: ['Kfz'] },
  { id: 12, name: 'Berta Brandt', class: 'B', revenue: 2000, potential: true, tags: ['Hausrat'] },
  { id: 13, name: 'Otto Olbrich', class: 'O', revenue: 0, potential: true },
  { id: 14, name: 'Cäcilie Cordes', class: 'C', revenue: 50 },
];

async function expectColumn(page, cls, count, revenue) {
  await expect(column(page, cls).getByTestId('board-column-count')).toHaveText(String(count));
  await expect(column(page, cls).getByTestId('board-column-revenue')).toHaveText(revenue);
}

test('a drag from B to A moves the card, updates counts and sums, records it, and survives a reload', async ({ page }) => {
  await plantCustomers(page, TEAM);
  await expectColumn(page, 'A', 1, '10.000 €');
  await expectColumn(page, 'B', 1, '2.000 €');
  await card(page, 12).dragTo(column(page, 'A'));
  await expect(column(page, 'A').locator('[data-customer-id="12"]')).toBeVisible();
  await expect(card(page, 12)).toHaveAttribute('data-class', 'A');
  await expectColumn(page, 'A', 2, '12.000 €');
  await expectColumn(page, 'B', 0, '0 €');
  await page.getByTestId('move-reason').fill('Großauftrag erhalten');
  await page.getByTestId('move-reason-save').click();
  await page.reload();
  await expect(column(page, 'A').locator('[data-customer-id="12"]')).toBeVisible();
  await expectColumn(page, 'A', 2, '12.000 €');
  await card(page, 12).getByRole('link').click();
  const change = page.locator('[data-testid="timeline-entry"][data-kind="class-change"]');
  await expect(change).toContainText('B → A');
  await expect(change).toContainText('Großauftrag erhalten');
});

test('the same move by keyboard only', async ({ page }) => {
  await plantCustomers(page, TEAM);
  await card(page, 12).getByTestId('board-move-menu').focus();
  await page.keyboard.press('Enter');
  const target = card(page, 12).getByTestId('board-move-to-A');
  await expect(target).toBeVisible();
  for (let i = 0; i < 4 && !(await target.evaluate((el) => el === document.activeElement)); i += 1) {
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(column(page, 'A').locator('[data-customer-id="12"]')).toBeVisible();
  await expectColumn(page, 'A', 2, '12.000 €');
  await expectColumn(page, 'B', 0, '0 €');
  await page.reload();
  await expect(card(page, 12)).toHaveAttribute('data-class', 'A');
});

test('undo restores the customer', async ({ page }) => {
  await plantCustomers(page, TEAM);
  await card(page, 13).getByTestId('board-move-menu').click();
  await card(page, 13).getByTestId('board-move-to-C').click();
  await expectColumn(page, 'C', 2, '50 €');
  await page.getByTestId('move-undo').click();
  await expect(column(page, 'O').locator('[data-customer-id="13"]')).toBeVisible();
  await expectColumn(page, 'O', 1, '0 €');
  await expectColumn(page, 'C', 1, '50 €');
  await page.reload();
  await expect(card(page, 13)).toHaveAttribute('data-class', 'O');
  await card(page, 13).getByRole('link').click();
  await expect(page.locator('[data-testid="timeline-entry"][data-kind="class-change"]')).toHaveCount(0);
});

test('another tab sees a move without a reload', async ({ page, context }) => {
  await plantCustomers(page, TEAM);
  const other = await context.newPage();
  await other.goto('/');
  await expect(card(other, 12)).toHaveAttribute('data-class', 'B');
  await card(page, 12).getByTestId('board-move-menu').click();
  await card(page, 12).getByTestId('board-move-to-A').click();
  await expect(card(other, 12)).toHaveAttribute('data-class', 'A');
  await expect(column(other, 'A').getByTestId('board-column-count')).toHaveText('2');
});

test('the ABC analysis proposes exactly the expected classes and changes nothing until accepted', async ({ page }) => {
  await plantCustomers(page, [
    { id: 1, name: 'Umsatz 70', class: 'O', revenue: 70 },
    { id: 2, name: 'Umsatz 15', class: 'O', revenue: 15 },
    { id: 3, name: 'Umsatz 10', class: 'O', revenue: 10 },
    { id: 4, name: 'Umsatz 5', class: 'O', revenue: 5 },
    { id: 5, name: 'Ohne Umsatz', class: 'O', revenue: 0 },
    { id: 6, name: 'Schon C', class: 'C', revenue: 0 },
  ]);
  await page.getByTestId('abc-propose').click();
  const rows = page.getByTestId('abc-row');
  await expect(rows).toHaveCount(4);
  const proposed = await rows.evaluateAll((els) =>
    els.map((el) => [el.dataset.customerId, el.dataset.from, el.dataset.to]));
  expect(proposed).toEqual([['1', 'O', 'A'], ['2', 'O', 'A'], ['3', 'O', 'B'], ['4', 'O', 'C']]);
  await page.reload();
  await expectColumn(page, 'O', 5, '100 €');
  await expectColumn(page, 'A', 0, '0 €');

  await page.getByTestId('abc-propose').click();
  await page.locator('[data-testid="abc-row"][data-customer-id="3"]').getByTestId('abc-accept').click();
  await expect(card(page, 3)).toHaveAttribute('data-class', 'B');
  await expect(rows).toHaveCount(3);
  await expectColumn(page, 'O', 4, '90 €');
  await page.getByTestId('abc-accept-all').click();
  await expect(rows).toHaveCount(0);
  await expectColumn(page, 'A', 2, '85 €');
  await expectColumn(page, 'B', 1, '10 €');
  await expectColumn(page, 'C', 2, '5 €');
  await expectColumn(page, 'O', 1, '0 €');
  await page.reload();
  await expectColumn(page, 'A', 2, '85 €');
  await card(page, 4).getByRole('link').click();
  await expect(page.locator('[data-testid="timeline-entry"][data-kind="class-change"]')).toContainText('ABC-Analyse');
});

test('a class set by hand recently is proposed but not pre-selected', async ({ page }) => {
  await plantCustomers(page, TEAM);
  await card(page, 14).getByTestId('board-move-menu').click();
  await card(page, 14).getByTestId('board-move-to-B').click();
  await page.getByTestId('abc-propose').click();
  const row = page.locator('[data-testid="abc-row"][data-customer-id="14"]');
  await expect(row).toHaveAttribute('data-to', 'C');
  await expect(row.getByTestId('abc-select')).not.toBeChecked();
});

test('filters narrow the board and the URL restores them', async ({ page }) => {
  await plantCustomers(page, TEAM);
  await page.getByTestId('board-filter-text').fill('brandt');
  await expect(page.getByTestId('board-card')).toHaveCount(1);
  await expect(page).toHaveURL(/\?q=brandt/);
  await page.reload();
  await expect(page.getByTestId('board-filter-text')).toHaveValue('brandt');
  await expect(page.getByTestId('board-card')).toHaveCount(1);
  await page.getByTestId('board-filter-reset').click();
  await expect(page.getByTestId('board-card')).toHaveCount(4);

  await page.getByTestId('board-filter-potential').check();
  await expect(page.getByTestId('board-card')).toHaveCount(2);
  await expect(page).toHaveURL(/markiert=1/);
  await page.getByTestId('board-filter-potential').uncheck();

  await page.getByTestId('board-view-potential').check();
  await expect(page.getByTestId('board-column')).toHaveCount(2);
  await expect(column(page, 'A')).toHaveCount(0);
  await expect(page).toHaveURL(/ansicht=potenzial/);

  await page.goto('/?tag=Kfz');
  await expect(page.getByTestId('board-filter-tag')).toHaveValue('Kfz');
  await expect(page.getByTestId('board-card')).toHaveCount(1);
  await expect(card(page, 11)).toBeVisible();
  await expectColumn(page, 'A', 1, '10.000 €');
  await expectColumn(page, 'B', 0, '0 €');
});

test('a touch drag by the handle moves the card', async ({ page }) => {
  await plantCustomers(page, TEAM);
  const handle = card(page, 13).getByTestId('board-drag-handle');
  const from = await handle.boundingBox();
  const to = await column(page, 'B').boundingBox();
  const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  const end = { x: to.x + to.width / 2, y: to.y + to.height - 20 };
  const touch = { pointerType: 'touch', pointerId: 7, isPrimary: true, bubbles: true };
  await handle.dispatchEvent('pointerdown', { ...touch, clientX: start.x, clientY: start.y });
  await handle.dispatchEvent('pointermove', { ...touch, clientX: (start.x + end.x) / 2, clientY: (start.y + end.y) / 2 });
  await expect(card(page, 13)).toHaveClass(/touch-dragging/);
  await handle.dispatchEvent('pointermove', { ...touch, clientX: end.x, clientY: end.y });
  await handle.dispatchEvent('pointerup', { ...touch, clientX: end.x, clientY: end.y });
  await expect(column(page, 'B').locator('[data-customer-id="13"]')).toBeVisible();
  await expect(column(page, 'B').getByTestId('board-column-count')).toHaveText('2');
  await page.reload();
  await expect(card(page, 13)).toHaveAttribute('data-class', 'B');
});

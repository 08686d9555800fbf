// The build is split by screen: a first visit fetches the main module only, and a screen's
// chunk arrives when the screen is first opened. A chunk that cannot be fetched shows a
// message with a retry, never a dead page.
import { test, expect } from '@playwright/test';
import { loadDemo, openCustomerAndCall } from './screens.mjs';

// The service worker fetches every chunk after the first visit (the offline test covers
// that); here the page's own requests alone must show what a screen needs.
test.use({ serviceWorkers: 'block' });

const isChunk = (url) => {
  const path = new URL(url).pathname;
  return /\/app-[0-9a-f]{16}\/[^/]+\.wasm$/.test(path) && !path.endsWith('/klassenblick_bg.wasm');
};
const chunkName = (url) => new URL(url).pathname.split('/').pop();

function chunkRequests(page) {
  const seen = [];
  page.on('request', (request) => {
    if (isChunk(request.url())) seen.push(chunkName(request.url()));
  });
  return seen;
}

test('the board, a customer file and the call lookup work from the first chunk alone; practice loads its chunk when opened', async ({ page }) => {
  const chunks = chunkRequests(page);
  const main = page.waitForRequest((r) => r.url().endsWith('/klassenblick_bg.wasm'));
  await loadDemo(page);
  await main;

  // The board: a card moves from B to C by its menu and is still in C after a reload.
  const card = page.locator('[data-testid="board-card"][data-class="B"]').first();
  const id = await card.getAttribute('data-customer-id');
  await card.getByTestId('board-move-menu').click();
  await card.getByTestId('board-move-to-C').click();
  const moved = page.locator(`[data-testid="board-card"][data-customer-id="${id}"]`);
  await expect(moved).toHaveAttribute('data-class', 'C');
  await page.reload();
  await expect(moved).toHaveAttribute('data-class', 'C');

  await openCustomerAndCall(page);
  expect(chunks).toEqual([]);

  const practiceChunk = page.waitForRequest((r) => isChunk(r.url()));
  await page.getByTestId('nav-practice').click();
  await practiceChunk;
  await expect(page.getByTestId('trainee-select')).toBeVisible();
  expect(chunks.length).toBeGreaterThan(0);
  expect(chunks.some((c) => c.includes('practice'))).toBe(true);

  // Back and forth: the chunk is not fetched a second time.
  const fetched = chunks.length;
  await page.getByTestId('nav-board').click();
  await page.getByTestId('nav-practice').click();
  await expect(page.getByTestId('trainee-select')).toBeVisible();
  expect(chunks.length).toBe(fetched);
});

test('a chunk that cannot be fetched shows a message and loads on retry, and the rest of the app goes on', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await loadDemo(page);

  let blocked = true;
  await page.route(
    (url) => isChunk(url.href),
    (route) => (blocked ? route.abort('internetdisconnected') : route.continue()),
  );
  await page.getByTestId('nav-playbook').click();
  const failed = page.getByTestId('chunk-failed');
  await expect(failed).toBeVisible();
  await expect(failed).toContainText('konnte nicht geladen werden');
  await expect(page.getByTestId('chunk-loading')).toHaveCount(0);
  await expect(page.getByTestId('recovery-screen')).toHaveCount(0);

  // The main chunk still works meanwhile.
  await page.getByTestId('nav-board').click();
  await expect(page.getByTestId('board-card').first()).toBeVisible();
  await page.getByTestId('nav-playbook').click();
  await expect(page.getByTestId('chunk-failed')).toBeVisible();

  blocked = false;
  await page.getByTestId('chunk-retry').click();
  await expect(page.getByTestId('playbook-line').first()).toBeVisible();
  await expect(page.getByTestId('chunk-failed')).toHaveCount(0);
  expect(errors).toEqual([]);
});

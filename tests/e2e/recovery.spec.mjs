// When the app dies (a panic aborts the wasm), pwa/recovery.js shows a way back: an exact
// raw backup, a start without the value that was being decoded, a reload. The test switch
// `kb-test-panic` (src/storage/decode_marker.rs) makes decoding of one key panic.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { bucketKey, createCustomer, fillStorage, lostValues, rememberStorage } from './helpers.mjs';

// An earlier quarantine entry holding a lone surrogate: the raw backup must keep it exactly.
const SURROGATE_KEY = 'kb:q:20260101T090000:kb:c:200';

/** Stores a customer, then makes decoding of its bucket panic on the next start. */
async function panicOnNextStart(page) {
  const id = await createCustomer(page, { name: 'Paula Panik', company: 'Absturz AG' });
  const key = bucketKey(id);
  await page.evaluate(([key, surrogateKey]) => {
    localStorage.setItem(surrogateKey, `Z1:${String.fromCharCode(0xd800)}`);
    localStorage.setItem('kb-test-panic', key);
  }, [key, SURROGATE_KEY]);
  await rememberStorage(page);
  await page.reload();
  await expect(page.getByTestId('recovery-screen')).toBeVisible();
  return key;
}

/** The quarantine copies of `key` stored now. */
async function quarantineCopies(page, key) {
  return page.evaluate((key) => Object.keys(localStorage)
    .filter((k) => /^kb:q:\d{8}T\d{6}(-\d+)?:/.test(k) && k.endsWith(`:${key}`)), key);
}

/**
 * The bucket moved to quarantine, its value exactly as it was, and the marker cleared.
 * Copies in `earlier` were there before this start: a second customer can be drawn into
 * the bucket an earlier round already put aside.
 */
async function quarantineState(page, key, earlier = []) {
  return page.evaluate(([key, earlier]) => {
    const remembered = JSON.parse(localStorage.getItem('e2e-remembered'));
    const copies = Object.keys(localStorage)
      .filter((k) => /^kb:q:\d{8}T\d{6}(-\d+)?:/.test(k) && k.endsWith(`:${key}`))
      .filter((k) => !earlier.includes(k));
    return {
      copies: copies.length,
      exact: copies.length === 1 && localStorage.getItem(copies[0]) === remembered[key],
      originalGone: localStorage.getItem(key) === null,
      marker: sessionStorage.getItem('kb-decoding'),
    };
  }, [key, earlier]);
}

test('a panic while decoding shows the recovery screen, with a keyboard path through it', async ({ page }) => {
  const key = await panicOnNextStart(page);
  const screen = page.getByTestId('recovery-screen');
  await expect(screen.getByRole('heading', { level: 1 })).toHaveText('Klassenblick konnte nicht starten');
  await expect(screen.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(screen.getByRole('alert')).toContainText(key);
  await expect(screen.getByRole('alert')).toContainText('Es wurde nichts gelöscht.');
  await screen.locator('summary').click();
  await expect(screen.locator('pre')).toContainText(`forced test panic while decoding ${key}`);
  // The app is gone, nothing moved yet, and the marker names the key.
  await expect(page.getByTestId('nav-board')).toHaveCount(0);
  expect(await quarantineState(page, key)).toMatchObject({ copies: 0, originalGone: false, marker: key });

  await screen.getByRole('heading', { level: 1 }).focus();
  for (const id of ['recovery-raw-backup', 'recovery-skip-damaged', 'recovery-reload']) {
    await page.keyboard.press('Tab');
    await expect(page.getByTestId(id)).toBeFocused();
    // A visible focus ring: the outline of :focus-visible.
    const outline = await page.getByTestId(id).evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
  }
});

test('"Rohdaten sichern" downloads every kb: value exactly', async ({ page }) => {
  await panicOnNextStart(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('recovery-raw-backup').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^klassenblick-rohdaten-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await readFile(await download.path(), 'utf8');
  // A lone surrogate is written as an escape, so the file is well-formed UTF-8.
  expect(text).toContain('\\ud800');
  const comparison = await page.evaluate((text) => {
    const file = JSON.parse(text);
    const stored = Object.keys(localStorage).filter((k) => k.startsWith('kb:')).sort();
    const saved = Object.keys(file.entries).sort();
    return {
      format: file.format,
      sameKeys: JSON.stringify(stored) === JSON.stringify(saved),
      differing: stored.filter((k) => file.entries[k] !== localStorage.getItem(k)),
      foreign: saved.filter((k) => !k.startsWith('kb:')),
      count: saved.length,
    };
  }, text);
  expect(comparison).toMatchObject({ format: 'klassenblick-rohdaten', sameKeys: true, differing: [], foreign: [] });
  expect(comparison.count).toBeGreaterThanOrEqual(5);
  await expect(page.getByTestId('recovery-screen')).toContainText(`${comparison.count} Werte`);
});

test('"Ohne die beschädigten Werte starten" starts the app with that value in quarantine', async ({ page }) => {
  const key = await panicOnNextStart(page);
  await page.getByTestId('recovery-skip-damaged').click();
  await expect(page.getByTestId('nav-board')).toBeVisible();
  await expect(page.getByTestId('recovery-screen')).toHaveCount(0);
  expect(await quarantineState(page, key)).toEqual({ copies: 1, exact: true, originalGone: true, marker: null });
  expect(await lostValues(page)).toEqual([]);
  await page.getByTestId('nav-data').click();
  await expect(page.locator(`[data-testid="quarantine-entry"][data-key="${key}"]`)).toHaveCount(1);
});

test('a reload while the marker is set quarantines that key on the next start', async ({ page }) => {
  const key = await panicOnNextStart(page);
  await page.reload();
  await expect(page.getByTestId('nav-board')).toBeVisible();
  await expect(page.getByTestId('storage-error')).toContainText(`(${key}) hat den letzten Start abstürzen lassen`);
  expect(await quarantineState(page, key)).toEqual({ copies: 1, exact: true, originalGone: true, marker: null });
  expect(await lostValues(page)).toEqual([]);
  // "Neu laden" on the next panic does the same.
  const next = await panicOnNextStart(page);
  const earlier = await quarantineCopies(page, next);
  await page.getByTestId('recovery-reload').click();
  await expect(page.getByTestId('nav-board')).toBeVisible();
  expect(await quarantineState(page, next, earlier)).toEqual({ copies: 1, exact: true, originalGone: true, marker: null });
  expect(await lostValues(page)).toEqual([]);
});

test('with a full storage the damaged value stays in place and the screen says why', async ({ page }) => {
  const id = await createCustomer(page, { name: 'Volker Voll' });
  const key = bucketKey(id);
  await page.evaluate((key) => localStorage.setItem('kb-test-panic', key), key);
  await rememberStorage(page);
  await fillStorage(page);
  await page.reload();
  await expect(page.getByTestId('recovery-screen')).toBeVisible();
  await page.getByTestId('recovery-skip-damaged').click();
  await expect(page.getByTestId('recovery-screen')).toContainText('Der Browserspeicher ist voll');
  expect(await quarantineState(page, key)).toMatchObject({ copies: 0, originalGone: false, marker: key });
  // The next start cannot move it either: the marker stays, and the screen says why at once.
  await page.reload();
  await expect(page.getByTestId('recovery-screen')).toContainText('Der Browserspeicher ist voll');
  expect(await quarantineState(page, key)).toMatchObject({ copies: 0, originalGone: false, marker: key });
  expect(await lostValues(page)).toEqual([]);
});

test('a start that fails outside decoding shows the screen without naming a value', async ({ page }) => {
  await page.route('**/*_bg.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: 'kaputt' }));
  await page.goto('/');
  const screen = page.getByTestId('recovery-screen');
  await expect(screen).toBeVisible();
  await expect(screen.getByRole('alert')).toContainText('unerwarteter Fehler');
  await expect(page.getByTestId('recovery-skip-damaged')).toHaveCount(0);
  await expect(page.getByTestId('recovery-reload')).toBeVisible();
});

test('the recovery script is its own module before the start script, and in the offline cache', async ({ page, request }) => {
  await page.goto('/');
  await expect(page.getByTestId('nav-board')).toBeVisible();
  const scripts = await page.locator('script[type="module"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('src')));
  expect(scripts).toHaveLength(2);
  expect(scripts[0]).toMatch(/^\/recovery-[0-9a-f]{16}\.js$/);
  expect(scripts[1]).toMatch(/^\/start-[0-9a-f]{16}\.js$/);
  const sw = await (await request.get('/sw.js')).text();
  expect(sw).toContain(`"${scripts[0].slice(1)}"`);
  expect(await page.evaluate(() => typeof window.kbShowRecovery)).toBe('function');
});

// Storage that never loses an edit and never locks the user out: a torn restore, a full
// quota at the bottom of a long form, the schema-1 migration, a browser without Web
// Locks, and an undo the rules refuse.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { card, createCustomer, fillStorage, openApp, plantCustomers } from './helpers.mjs';

const fixture = JSON.parse(await readFile(new URL('../fixtures/schema1-profile.json', import.meta.url), 'utf8'));

async function customerNames(page) {
  await page.getByTestId('nav-customers').click();
  await expect(page.getByTestId('customer-row').first()).toBeVisible();
  return page.getByTestId('customer-row').allTextContents();
}

test('a restore cut off midway is put back on the next start, and the user is told', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('demo-load').click();
  await expect(page.getByTestId('board-column')).toHaveCount(4);
  await page.getByTestId('nav-data').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('backup-export').click(),
  ]);
  const backupPath = await download.path();
  // Other data than the backup's, so that restoring it rewrites most keys.
  await plantCustomers(
    page,
    Array.from({ length: 40 }, (_, i) => ({ id: 300 + i, name: `Eigene Kundin ${i + 1}`, class: 'B', revenue: 1000 + i })),
  );
  const before = await customerNames(page);
  expect(before).toHaveLength(40);
  const storedBefore = await page.evaluate(() =>
    Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('kb:')).map((k) => [k, localStorage.getItem(k)])),
  );

  // This start's writes stop after 30, as a tab dying half-way through the restore.
  await page.evaluate(() => localStorage.setItem('kb-test-cut-off-after', '30'));
  await openApp(page, '/daten');
  await page.getByTestId('backup-import').setInputFiles(backupPath);
  await page.getByTestId('restore-mode-replace').check();
  await page.getByTestId('restore-apply').click();
  await expect(page.getByTestId('storage-error')).toContainText('Bitte laden Sie die Seite neu');
  const torn = await page.evaluate(() => localStorage.getItem('kb:tx'));
  expect(torn, 'the cut-off restore left its journal').not.toBeNull();
  const tornState = await page.evaluate(() =>
    Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('kb:') && k !== 'kb:tx').map((k) => [k, localStorage.getItem(k)])),
  );
  expect(tornState, 'the restore was cut off half-way: a mix of old and new').not.toEqual(storedBefore);

  await page.reload();
  await expect(page.getByTestId('storage-info')).toContainText('Speichervorgang unterbrochen');
  expect(await customerNames(page)).toEqual(before);
  const storedAfter = await page.evaluate(() =>
    Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('kb:')).map((k) => [k, localStorage.getItem(k)])),
  );
  expect(storedAfter).toEqual(storedBefore);
});

test('a save into a full quota at the bottom of a long form shows its reason beside the button and keeps the input', async ({ page }) => {
  const id = await createCustomer(page, { name: 'Lange Liste', notes: 'vorher' });
  await page.goto(`/kunden/${id}`);
  await expect(page.getByTestId('customer-file-name')).toHaveText('Lange Liste');
  await fillStorage(page);
  const noise = Array.from({ length: 3000 }, (_, i) => ((i * 7919) % 9973).toString(36)).join(' ');
  await page.getByTestId('note-hook').selectOption('extra_benefit');
  await page.getByTestId('note-text').fill('Aufhänger, der nicht verloren gehen darf');
  await page.getByTestId('customer-notes').fill(noise);
  await page.getByTestId('customer-save').scrollIntoViewIfNeeded();
  await page.getByTestId('customer-save').click();
  const error = page.getByTestId('customer-save-error');
  await expect(error).toContainText('Browserspeicher ist voll');
  await expect(error).toBeInViewport();
  await expect(page.getByTestId('storage-error')).toBeVisible();
  // Nothing covers the message beside the button.
  await expect(page.locator('[data-testid="notice"][data-alert="true"]')).toHaveCount(0);
  await expect(page.getByTestId('customer-notes')).toHaveValue(noise);
  await expect(page.getByTestId('note-text')).toHaveValue('Aufhänger, der nicht verloren gehen darf');
});

test('the schema-1 profile opens under the current schema with everything intact, also after a reload', async ({ page }) => {
  await page.goto('/');
  await page.evaluate((entries) => {
    localStorage.clear();
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
  }, fixture);
  const expectedCustomers = Object.entries(fixture)
    .filter(([key]) => key.startsWith('kb:c:'))
    .length;
  expect(expectedCustomers).toBeGreaterThan(20);
  for (const round of ['migration', 'reload']) {
    await page.goto('/daten');
    await expect(page.getByTestId('nav-board')).toBeVisible();
    await expect(page.getByTestId('storage-error')).toHaveCount(0);
    await expect(page.getByTestId('quarantine-entry')).toHaveCount(0);
    await expect(page.getByTestId('legacy-copy'), round).toContainText('Daten aus Version 1 übernommen');
    const meta = await page.evaluate(() => localStorage.getItem('kb:meta'));
    expect(meta).toBe('{"schema":5}');
    await page.getByTestId('nav-practice').click();
    await page.getByTestId('practice-tab-progress').click();
    const rows = page.getByTestId('progress-trainee');
    await expect(rows).toHaveCount(2);
    // Anna rated 9 times and Ben 8 (one of them cram), as the fixture was made.
    const reps = await rows.evaluateAll((els) => els.map((e) => e.dataset.repetitions).sort());
    expect(reps).toEqual(['8', '9']);
    await page.getByTestId('nav-customers').click();
    await expect(page.getByTestId('customer-row').filter({ hasText: 'Bäckerei Özdemir' })).toHaveCount(1);
    await expect(page.getByTestId('customer-row').filter({ hasText: 'Weiß & Söhne GmbH' })).toHaveCount(1);
  }
  await page.getByTestId('nav-data').click();
  await page.getByTestId('legacy-copy-remove').click();
  await expect(page.getByTestId('legacy-copy')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('kb:practice'))).toBeNull();
  await page.reload();
  await page.getByTestId('nav-practice').click();
  await page.getByTestId('practice-tab-progress').click();
  await expect(page.getByTestId('progress-trainee')).toHaveCount(2);
});

test('without Web Locks the app still saves and says two tabs are less safe', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined, configurable: true });
  });
  await openApp(page);
  await expect(page.getByTestId('storage-info')).toContainText('nur in einem Tab');
  const id = await createCustomer(page, { name: 'Ohne Sperre' });
  await page.reload();
  await page.goto(`/kunden/${id}`);
  await expect(page.getByTestId('customer-file-name')).toHaveText('Ohne Sperre');
});

test('an undo that the rules refuse says so instead of showing success', async ({ page, context }) => {
  await plantCustomers(page, [
    { id: 21, name: 'Uwe Umzug', class: 'B', revenue: 1000 },
    { id: 22, name: 'Andere', class: 'A', revenue: 5000 },
  ]);
  await card(page, 21).getByTestId('board-move-menu').click();
  await card(page, 21).getByTestId('board-move-to-A').click();
  await expect(page.getByTestId('move-panel')).toBeVisible();
  const other = await context.newPage();
  await openApp(other);
  await card(other, 21).getByTestId('board-move-menu').click();
  await card(other, 21).getByTestId('board-move-to-O').click();
  await expect(card(page, 21)).toHaveAttribute('data-class', 'O');
  await page.getByTestId('move-undo').click();
  await expect(page.getByTestId('storage-error')).toContainText('nicht mehr zurücknehmen');
  await expect(page.locator('[data-testid="notice"]')).not.toContainText('Verschiebung zurückgenommen');
  await expect(card(page, 21)).toHaveAttribute('data-class', 'O');
});

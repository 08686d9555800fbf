import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { openApp } from './helpers.mjs';

async function exportBackup(page) {
  await page.getByTestId('nav-data').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('backup-export').click(),
  ]);
  const path = await download.path();
  return { path, json: JSON.parse(await readFile(path, 'utf8')) };
}

function withoutStamp(backup) {
  const { exported_at: _ignored, ...rest } = backup;
  return rest;
}

test('a backup exported here and imported into a fresh profile gives identical data', async ({ page, browser }) => {
  await openApp(page);
  await page.getByTestId('demo-load').click();
  await expect(page.getByTestId('board-column')).toHaveCount(4);
  const original = await exportBackup(page);
  expect(original.json.format).toBe('klassenblick-backup');
  expect(original.json.customers.length).toBeGreaterThanOrEqual(50);
  await expect(page.getByTestId('backup-last')).not.toContainText('Noch kein Backup');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await openApp(other, '/daten');
  await other.getByTestId('backup-import').setInputFiles(original.path);
  await expect(other.getByTestId('restore-preview')).toContainText(`${original.json.customers.length} Kunden`);
  await other.getByTestId('restore-apply').click();
  await other.reload();
  const copy = await exportBackup(other);
  expect(withoutStamp(copy.json)).toEqual(withoutStamp(original.json));
  await fresh.close();
});

test('a malformed or newer backup is refused and nothing changes', async ({ page }, testInfo) => {
  await openApp(page, '/daten');
  const broken = testInfo.outputPath('broken.json');
  const newer = testInfo.outputPath('newer.json');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(broken, '{"format": "klassenblick-backup", "schema": 1, "customers": [');
  await writeFile(newer, JSON.stringify({ format: 'klassenblick-backup', schema: 99, customers: [] }));
  await page.getByTestId('backup-import').setInputFiles(broken);
  await expect(page.getByTestId('storage-error')).toContainText('kein gültiges JSON');
  await page.getByTestId('backup-import').setInputFiles(newer);
  await expect(page.getByTestId('storage-error')).toContainText('neueren Version');
  await expect(page.getByTestId('restore-preview')).toHaveCount(0);
  await page.getByTestId('nav-customers').click();
  await expect(page.getByTestId('customer-row')).toHaveCount(0);
});

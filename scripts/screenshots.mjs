// Takes screenshots of the main screens with demo data, for a look before release.
// Usage: node scripts/screenshots.mjs [outdir]   (expects the app on 127.0.0.1:8081)
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const out = process.argv[2] ?? 'screenshots';
const base = process.env.BASE_URL ?? 'http://127.0.0.1:8081';
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function shoot(width, height, suffix) {
  const page = await browser.newPage({ viewport: { width, height }, locale: 'de-DE' });
  await page.goto(`${base}/`);
  await page.screenshot({ path: `${out}/empty${suffix}.png` });
  await page.getByTestId('demo-load').click();
  await page.getByTestId('board-card').first().waitFor();
  await page.waitForTimeout(5500);
  await page.screenshot({ path: `${out}/board${suffix}.png` });
  await page.getByTestId('board-move-menu').first().click();
  await page.screenshot({ path: `${out}/board-menu${suffix}.png` });
  await page.getByTestId('board-move-to-C').first().click();
  await page.screenshot({ path: `${out}/board-moved${suffix}.png` });
  await page.getByTestId('abc-propose').click();
  await page.screenshot({ path: `${out}/board-abc${suffix}.png`, fullPage: true });
  await page.getByTestId('board-filter-potential').check();
  await page.screenshot({ path: `${out}/board-filtered${suffix}.png` });
  await page.getByTestId('nav-customers').click();
  await page.getByTestId('customer-row').first().waitFor();
  await page.screenshot({ path: `${out}/customers${suffix}.png` });
  const withNote = page.locator('[data-testid="customer-row"][data-class="B"] a').first();
  await withNote.click();
  await page.getByTestId('customer-file').waitFor();
  await page.screenshot({ path: `${out}/customer-file${suffix}.png`, fullPage: true });
  await page.getByTestId('contact-log-open').click();
  await page.screenshot({ path: `${out}/contact-form${suffix}.png` });
  await page.getByTestId('nav-data').click();
  await page.evaluate(() => localStorage.setItem('kb:c:042', '{kaputt'));
  await page.reload();
  await page.getByTestId('quarantine-list').waitFor();
  await page.screenshot({ path: `${out}/data${suffix}.png`, fullPage: true });
  await page.getByTestId('nav-settings').click();
  await page.screenshot({ path: `${out}/settings${suffix}.png`, fullPage: true });
  await page.getByTestId('nav-call').click();
  await page.screenshot({ path: `${out}/not-built${suffix}.png` });
  await page.close();
}

await shoot(1280, 800, '');
await shoot(375, 740, '-phone');
await browser.close();
console.log(`screenshots in ${out}/`);

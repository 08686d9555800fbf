// Takes screenshots of the main screens with demo data, for a look before release.
// Usage: node scripts/screenshots.mjs [outdir]   (expects the app on 127.0.0.1:8081)
import { chromium } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

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
  for (const [cls, withHook, file] of [['B', true, 'call-b-hook'], ['O', false, 'call-o-plain']]) {
    await page.getByTestId('nav-board').click();
    const name = await page.evaluate(([c, hook]) => {
      const cards = [...document.querySelectorAll(`[data-testid="board-column"][data-class="${c}"] [data-testid="board-card"]`)];
      const found = cards.find((card) => {
        const chip = card.querySelector('[data-testid="board-card-hook"]');
        return hook ? chip && !chip.classList.contains('hook-expired') : !chip;
      });
      return found?.querySelector('.card-name')?.textContent;
    }, [cls, withHook]);
    if (!name) continue;
    await page.keyboard.press('/');
    await page.getByTestId('call-search').fill(name);
    await page.getByTestId('call-search').press('Enter');
    await page.getByTestId('call-card').waitFor();
    await page.screenshot({ path: `${out}/${file}${suffix}.png`, fullPage: true });
  }
  await page.getByTestId('nav-outreach').click();
  await page.getByTestId('outreach-due-item').first().waitFor();
  await page.getByTestId('outreach-due-item').first().getByTestId('plan-contact-open').click();
  await page.screenshot({ path: `${out}/outreach${suffix}.png`, fullPage: true });
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

async function shootLarge() {
  const path = 'bench-results/data-10000.json';
  if (!existsSync(path)) return;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript((entries) => {
    if (!localStorage.getItem('kb:meta')) {
      for (const [k, v] of Object.entries(JSON.parse(entries))) localStorage.setItem(k, v);
    }
  }, readFileSync(path, 'utf8'));
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.getByTestId('board-card').first().waitFor({ timeout: 60_000 });
  await page.screenshot({ path: `${out}/board-10000.png` });
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.screenshot({ path: `${out}/board-10000-bottom.png` });
  await context.close();
}

await shootLarge();
await shoot(1280, 800, '');
await shoot(375, 740, '-phone');
await browser.close();
console.log(`screenshots in ${out}/`);

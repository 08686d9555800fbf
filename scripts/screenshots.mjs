// Takes screenshots of the main screens with demo data, for a look before release.
// Usage: node scripts/screenshots.mjs [outdir]   (expects the app on 127.0.0.1:8081)
import { chromium } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { chromiumArgs } from '../tests/e2e/local-server.mjs';

const out = process.argv[2] ?? 'screenshots';
const base = process.env.BASE_URL ?? 'http://127.0.0.1:8081';
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: chromiumArgs,
});

/** Follows a link of the top navigation; on a phone it sits behind the menu button. */
async function nav(page, id) {
  if (!(await page.getByTestId(id).isVisible())) await page.getByTestId('nav-menu').click();
  await page.getByTestId(id).click();
}

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
    await nav(page, 'nav-board');
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
  await nav(page, 'nav-outreach');
  await page.getByTestId('outreach-due-item').first().waitFor();
  await page.getByTestId('outreach-due-item').first().getByTestId('plan-contact-open').click();
  await page.screenshot({ path: `${out}/outreach${suffix}.png`, fullPage: true });
  await nav(page, 'nav-customers');
  await page.getByTestId('customer-row').first().waitFor();
  await page.screenshot({ path: `${out}/customers${suffix}.png` });
  const withNote = page.locator('[data-testid="customer-row"][data-class="B"] a').first();
  await withNote.click();
  await page.getByTestId('customer-file').waitFor();
  await page.screenshot({ path: `${out}/customer-file${suffix}.png`, fullPage: true });
  await page.getByTestId('contact-log-open').click();
  await page.screenshot({ path: `${out}/contact-form${suffix}.png` });
  await nav(page, 'nav-data');
  await page.evaluate(() => localStorage.setItem('kb:c:042', '{kaputt'));
  await page.reload();
  await page.getByTestId('quarantine-list').waitFor();
  await page.screenshot({ path: `${out}/data${suffix}.png`, fullPage: true });
  await nav(page, 'nav-settings');
  await page.screenshot({ path: `${out}/settings${suffix}.png`, fullPage: true });
  await page.goto(`${base}/gibt-es-nicht`);
  await page.screenshot({ path: `${out}/not-found${suffix}.png` });
  await shootPractice(page, suffix);
  await shootDataExchange(page, suffix);
  await page.close();
}

async function shootDataExchange(page, suffix) {
  await page.goto(`${base}/daten`);
  const csv = '\uFEFFKundenname;Firma;Telefon;E-Mail;Kd.-Nr.;Jahresumsatz;Klasse;Schlagwörter\r\n'
    + 'Jürgen Weiß;Weiß & Söhne GmbH;0171/2345678;jw@example.de;K-100;12.345,67;B;Gewerbe\r\n'
    + 'Änne Öztürk;;+49 30 1234567;;K-101;1.250,00;O;\r\n'
    + ';Ohne Name KG;;;;100;B;\r\n'
    + 'Falsche Klasse;;;;;200;X;\r\n';
  await page.getByTestId('csv-import-file').setInputFiles({ name: 'kunden.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByTestId('csv-map-name').selectOption({ label: 'Kundenname' });
  await page.getByTestId('csv-import-confirm').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/csv-mapping${suffix}.png`, fullPage: true });
  await page.getByTestId('csv-import-cancel').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-export').click()]);
  const backup = JSON.parse(readFileSync(await download.path(), 'utf8'));
  backup.customers = backup.customers.slice(5);
  backup.customers[0].contacts.push({ ...(backup.customers[0].contacts[0] ?? {}), id: 987654, reason: 'Nur im Backup' });
  await page.getByTestId('backup-import').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await page.getByTestId('restore-preview').waitFor();
  await page.getByTestId('restore-preview').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/restore-preview${suffix}.png`, fullPage: true });
  await page.getByTestId('restore-cancel').click();
  await page.goto(`${base}/kunden`);
  await page.screenshot({ path: `${out}/backup-chip${suffix}.png` });
}

async function shootPractice(page, suffix) {
  await page.goto(`${base}/leitfaden`);
  await page.getByTestId('playbook-line').first().waitFor();
  await page.screenshot({ path: `${out}/playbook${suffix}.png` });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${out}/playbook-print${suffix}.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await nav(page, 'nav-practice');
  for (const name of ['Anna', 'Ben']) {
    await page.getByTestId('trainee-name').fill(name);
    await page.getByTestId('trainee-new').click();
  }
  await page.getByTestId('practice-start').click();
  await page.getByTestId('practice-answer').fill('Gut, dass Sie anrufen – in Ihrer Akte steht ein neuer Hinweis. Ich habe einen Vorschlag mit mehr Nutzen für Sie.');
  await page.getByTestId('practice-reveal').click();
  await page.screenshot({ path: `${out}/practice-reveal${suffix}.png`, fullPage: true });
  await page.getByTestId('practice-rate-good').click();
  await page.getByTestId('practice-tab-drill').click();
  await page.getByTestId('drill-start').click();
  await page.screenshot({ path: `${out}/drill-card${suffix}.png`, fullPage: true });
  const cls = await page.getByTestId('drill-card').getAttribute('data-class');
  await page.getByTestId(`drill-class-${cls}`).click();
  await page.locator(`[data-testid="drill-option"][data-class="${cls}"]`).click();
  await page.screenshot({ path: `${out}/drill-result${suffix}.png`, fullPage: true });
  await page.getByTestId('practice-tab-session').click();
  await page.getByTestId('session-start').click();
  await page.getByTestId('session-reveal').click();
  await page.screenshot({ path: `${out}/session${suffix}.png` });
  await page.getByTestId('session-mark-good').click();
  await page.getByTestId('session-end').click();
  await page.getByTestId('practice-tab-progress').click();
  await page.screenshot({ path: `${out}/progress${suffix}.png`, fullPage: true });
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

async function shootEnglish() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  await page.goto(`${base}/einstellungen`);
  await page.getByTestId('lang-switch').selectOption('en');
  await nav(page, 'nav-data');
  await page.getByTestId('demo-load').click();
  await nav(page, 'nav-board');
  await page.getByTestId('board-card').first().waitFor();
  await page.screenshot({ path: `${out}/en-board.png` });
  await nav(page, 'nav-customers');
  await page.locator('[data-testid="customer-row"][data-class="B"] a').first().click();
  await page.getByTestId('customer-file').waitFor();
  await page.screenshot({ path: `${out}/en-customer-file.png`, fullPage: true });
  await nav(page, 'nav-outreach');
  await page.getByTestId('outreach-due-item').first().waitFor();
  await page.screenshot({ path: `${out}/en-outreach.png`, fullPage: true });
  await nav(page, 'nav-practice');
  await page.getByTestId('trainee-name').fill('Sam');
  await page.getByTestId('trainee-new').click();
  await page.getByTestId('practice-start').click();
  await page.getByTestId('practice-answer').fill('Good that you call, I have a new note for you.');
  await page.getByTestId('practice-reveal').click();
  await page.screenshot({ path: `${out}/en-practice.png`, fullPage: true });
  await page.getByTestId('practice-tab-session').click();
  await page.getByTestId('session-start').click();
  await page.getByTestId('session-reveal').click();
  await page.screenshot({ path: `${out}/en-session.png` });
  await page.close();
}

await shootEnglish();
await shootLarge();
await shoot(1280, 800, '');
await shoot(375, 740, '-phone');
await browser.close();
console.log(`screenshots in ${out}/`);

// Installable and offline: manifest and icons, the service worker's app shell, updates,
// a sub-path host; and the strict page policy: no request to another origin, no CSP
// violation, on any screen.
import { test, expect } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startServer } from './local-server.mjs';
import { firstCustomerId, loadDemo, openCustomerAndCall, openScreen, screens } from './screens.mjs';

/** Records every request and every policy violation or error the page reports. */
function watch(context, page) {
  const requests = [];
  const problems = [];
  context.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { requests, problems };
}

async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations ?? []);
}

test.beforeEach(async ({ context }) => {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
});

async function untilControlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 20_000 });
}

test('the page links a manifest with name, colours, a relative start and the icons', async ({ page, request }) => {
  await page.goto('/');
  await expect(page.getByTestId('nav-board')).toBeVisible();
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifestUrl = new URL(href, page.url());
  const manifest = await (await request.get(manifestUrl.href)).json();
  expect(manifest).toMatchObject({
    name: 'Klassenblick',
    short_name: 'Klassenblick',
    display: 'standalone',
    theme_color: '#1f2933',
    start_url: './',
    scope: './',
  });
  expect(manifest.description).toContain('Kundenklassen');
  const sizes = manifest.icons.map((i) => `${i.sizes} ${i.purpose}`);
  expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  for (const icon of manifest.icons) {
    const response = await request.get(new URL(icon.src, manifestUrl).href);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()['content-type']).toBe(icon.type);
  }
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(await page.locator('script:not([src])').count()).toBe(0);
});

test('a walk through every screen requests nothing from another origin and breaks no policy', async ({ context, page, baseURL }) => {
  const { requests, problems } = watch(context, page);
  await loadDemo(page);
  const id = await firstCustomerId(page);
  for (const screen of screens(id)) {
    await openScreen(page, screen);
    for (const tab of screen.tabs ?? []) await page.getByTestId(tab).click();
    expect(await cspViolations(page), screen.name).toEqual([]);
  }
  // In-app navigation too, and a customer opened from the list.
  await openCustomerAndCall(page);
  expect(await cspViolations(page)).toEqual([]);

  const origin = new URL(baseURL).origin;
  expect(requests.length).toBeGreaterThan(10);
  expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  expect(problems).toEqual([]);
});

test('after the first visit the app starts and works with the network off', async ({ context, page }) => {
  await loadDemo(page);
  await untilControlled(page);
  const cards = await page.getByTestId('board-card').count();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('board-card')).toHaveCount(cards);
  await page.getByTestId('nav-customers').click();
  const rows = page.getByTestId('customer-row');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThanOrEqual(50);
  const id = await rows.first().getAttribute('data-customer-id');

  // A deep link, loaded while offline, and a change that sticks.
  await page.goto(`/kunden/${id}`);
  await expect(page.getByTestId('customer-file')).toBeVisible();
  await page.goto('/kunden/neu');
  await page.getByTestId('customer-name').fill('Offline Anlegen');
  await page.getByTestId('customer-save').click();
  await expect(page.getByTestId('customer-file')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('customer-file-name')).toHaveText('Offline Anlegen');

  // The screens in chunks of their own were never opened online: the service worker
  // stored their chunks at the first visit.
  for (const screen of screens(id).filter((s) => s.chunk)) {
    await page.getByTestId(`nav-${screen.name}`).click();
    await expect(page.getByTestId(screen.ready).first(), screen.name).toBeVisible();
  }
  await expect(page.getByTestId('chunk-failed')).toHaveCount(0);
  expect(await cspViolations(page)).toEqual([]);
});

/**
 * Serves a copy of the build under /klassenblick/ only. Trunk's public URL changes nothing
 * but the root-relative addresses in index.html (the start script, the service worker and the
 * manifest resolve everything relative to themselves), so the copy gets them rewritten.
 */
async function subPathHost() {
  const dir = mkdtempSync(join(tmpdir(), 'kb-subpath-'));
  cpSync(process.env.DIST_DIR ?? 'dist', dir, { recursive: true });
  const indexPath = join(dir, 'index.html');
  const html = readFileSync(indexPath, 'utf8');
  expect(html).toMatch(/src="\/start-[0-9a-f]+\.js"/);
  writeFileSync(indexPath, html.replace(/(href|src)="\/(?!\/)/g, '$1="/klassenblick/'));
  const port = await freePort();
  const server = await startServer(port, { DIST_DIR: dir, BASE_PATH: '/klassenblick/' });
  return {
    dir,
    root: `http://127.0.0.1:${port}`,
    close() {
      server.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

test('under a sub-path: every screen, deep links offline, and a new version behind a quiet notice', async ({ context, page }) => {
  const host = await subPathHost();
  try {
    const base = `${host.root}/klassenblick`;
    const { requests, problems } = watch(context, page);
    await loadDemo(page, base);
    const id = await firstCustomerId(page, base);
    for (const screen of screens(id)) await openScreen(page, screen, base);
    await page.getByTestId('nav-board').click();
    await expect(page).toHaveURL(`${base}/`);
    await page.getByTestId('nav-settings').click();
    await expect(page).toHaveURL(`${base}/einstellungen`);
    expect(requests.filter((url) => !url.startsWith(`${base}/`))).toEqual([]);
    expect(problems).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);

    await untilControlled(page);
    await context.setOffline(true);
    await page.goto(`${base}/kunden/${id}`);
    await expect(page.getByTestId('customer-file')).toBeVisible();
    await context.setOffline(false);
    await expect(page.getByTestId('update-available')).toHaveCount(0);

    // A new build on the host: the next start finds it and says so, quietly.
    const sw = join(host.dir, 'sw.js');
    writeFileSync(sw, readFileSync(sw, 'utf8').replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = 'next-$1'"));
    await page.reload();
    await expect(page.getByTestId('customer-file')).toBeVisible();
    await expect(page.getByTestId('update-available')).toBeVisible();
    await expect(page.getByTestId('update-available')).toContainText('Neue Version verfügbar');
    const reloaded = page.waitForEvent('load');
    await page.getByTestId('update-reload').click();
    await reloaded;
    await expect(page.getByTestId('customer-file')).toBeVisible();
    await expect(page.getByTestId('update-available')).toHaveCount(0);
    const cacheNames = await page.evaluate(() => caches.keys());
    expect(cacheNames).toHaveLength(1);
    expect(cacheNames[0]).toMatch(/:next-[0-9a-f]+$/);
  } finally {
    host.close();
  }
});

test('the build ships a 404 page that is the app, for deep links on plain static hosts', async () => {
  // Read from disk: the test server itself falls back to index.html for any path.
  const dist = process.env.DIST_DIR ?? 'dist';
  expect(readFileSync(`${dist}/404.html`, 'utf8')).toBe(readFileSync(`${dist}/index.html`, 'utf8'));
});

// Lighthouse against the release build: performance, accessibility and best practices.
//
//   trunk build --release && node scripts/lighthouse.mjs [dist]
//
// Serves dist/ with tests/e2e/serve.mjs on a free port and measures, on a phone profile
// (Lighthouse's default throttling) and on a desktop profile:
//   - "first visit": the start page with empty storage, as a new user sees it;
//   - "with demo data": the board and the customer list after the demo data was loaded
//     (storage and service worker kept, as on every later start).
// Each is measured RUNS times (default 3); the run with the median performance score counts.
// Prints the scores, the audits that cost points, and writes a JSON summary to
// bench-results/. Chromium: CHROME_PATH, or /usr/bin/chromium. Not part of scripts/test.
import { chromium } from '@playwright/test';
import lighthouse, { desktopConfig } from 'lighthouse';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, freePort, startServer } from '../tests/e2e/local-server.mjs';

const dist = process.argv[2] ?? 'dist';
const repeats = Number(process.env.RUNS ?? 3);
const categories = ['performance', 'accessibility', 'best-practices'];
const goal = 95;

function files(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

async function serve(port) {
  const server = await startServer(port, { DIST_DIR: dist, COMPRESS: '1' });
  server.on('exit', (code, signal) => {
    if (signal !== 'SIGTERM') {
      console.error(`the file server stopped (${code ?? signal})`);
      process.exit(1);
    }
  });
  // Compress every file once before measuring, as a host serves them ready compressed.
  for (const path of files(dist)) {
    await fetch(`http://127.0.0.1:${port}/${path}`, { headers: { 'accept-encoding': 'br' } }).then((r) => r.arrayBuffer());
  }
  return server;
}

/** The audits that cost points in a category, biggest loss first. */
function losses(lhr, category) {
  return lhr.categories[category].auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
    .filter(({ audit }) => audit.score !== null && audit.score < 1)
    .map(({ ref, audit }) => ({
      id: ref.id,
      title: audit.title,
      score: audit.score,
      weight: ref.weight,
      value: audit.displayValue ?? '',
    }))
    .sort((a, b) => b.weight * (1 - b.score) - a.weight * (1 - a.score));
}

const appPort = await freePort();
const debugPort = await freePort();
const server = await serve(appPort);
const profile = mkdtempSync(join(tmpdir(), 'kb-lighthouse-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    `--remote-debugging-port=${debugPort}`,
    ...chromiumArgs,
  ],
});

const origin = `http://127.0.0.1:${appPort}`;
const runs = [];
try {
  for (const [device, config] of [['phone', undefined], ['desktop', desktopConfig]]) {
    const measure = async (name, path, keepStorage) => {
      const results = [];
      for (let i = 0; i < repeats; i++) {
        const result = await lighthouse(
          `${origin}${path}`,
          { port: debugPort, output: 'json', logLevel: 'error', onlyCategories: categories, disableStorageReset: keepStorage },
          config,
        );
        results.push(result.lhr);
      }
      results.sort((a, b) => a.categories.performance.score - b.categories.performance.score);
      const lhr = results[Math.floor(results.length / 2)];
      const scores = Object.fromEntries(categories.map((c) => [c, Math.round(lhr.categories[c].score * 100)]));
      const lost = Object.fromEntries(categories.map((c) => [c, losses(lhr, c).slice(0, 6)]));
      const metrics = Object.fromEntries(
        ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']
          .map((id) => [id, lhr.audits[id]?.displayValue]),
      );
      runs.push({ device, name, path, scores, metrics, lost });
      console.log(`${device.padEnd(7)} ${name.padEnd(26)} ${categories.map((c) => `${c} ${scores[c]}`).join('  ')}`);
      for (const c of categories) {
        if (scores[c] < 100) {
          for (const l of lost[c]) console.log(`          ${c}: ${l.id} (${l.score}) ${l.value}`);
        }
      }
    };

    await measure('first visit, empty', '/', false);

    const page = await context.newPage();
    await page.goto(`${origin}/`);
    if (await page.getByTestId('demo-load').isVisible()) await page.getByTestId('demo-load').click();
    await page.getByTestId('board-card').first().waitFor();
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 20_000 });
    await page.close();

    await measure('board with demo data', '/', true);
    await measure('customers with demo data', '/kunden', true);
  }
} finally {
  await context.close();
  server.kill();
  rmSync(profile, { recursive: true, force: true });
}

const lowest = Object.fromEntries(categories.map((c) => [c, Math.min(...runs.map((r) => r.scores[c]))]));
mkdirSync('bench-results', { recursive: true });
const file = join('bench-results', `lighthouse-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ when: new Date().toISOString(), dist, goal, lowest, runs }, null, 2));
console.log(`lowest: ${categories.map((c) => `${c} ${lowest[c]}`).join('  ')} (goal ${goal} each)`);
console.log(`summary: ${file}`);

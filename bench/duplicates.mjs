// Duplicate finding in headless Chromium, with 1,000 and with 10,000 customers (a twin
// planted for every 50th: the phone written another way, the e-mail in capitals, or a
// letter of the name changed), measured side by side in one run: from the click on
// "Dubletten finden" until the first page of groups (up to 50; the count names all found)
// is painted. Groups below the fold are in the page but laid out when scrolled near.
// Usage: node bench/duplicates.mjs   (after `trunk build --release`; starts its own server)
// Prints a table and writes bench-results/duplicates.md.
import { benchData, median, startBench } from './harness.mjs';
import { writeFileSync } from 'node:fs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CLICKS = 3;
const TWIN_EVERY = 50;
const PORT = 8083;
const base = `http://127.0.0.1:${PORT}`;

const dataFor = (customers) => benchData(`${customers}-twins`, [customers, 2, TWIN_EVERY]);

async function measure(browser, data) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript((entries) => {
    if (!localStorage.getItem('kb:meta')) {
      for (const [k, v] of Object.entries(JSON.parse(entries))) localStorage.setItem(k, v);
    }
  }, data);
  const page = await context.newPage();
  await page.goto(`${base}/kunden`);
  await page.getByTestId('customer-row').first().waitFor({ timeout: 60_000 });
  const times = [];
  let groups = 0;
  let shown = 0;
  let customers = 0;
  for (let i = 0; i < CLICKS; i += 1) {
    const result = await page.evaluate(() => new Promise((resolve) => {
      let t0 = 0;
      const observer = new MutationObserver(() => {
        if (document.querySelector('[data-testid="duplicate-group"]')) {
          observer.disconnect();
          // The frame with the groups, then the task after its paint.
          requestAnimationFrame(() => setTimeout(() => resolve({
            ms: performance.now() - t0,
            groups: document.querySelector('[data-testid="duplicates-count"]').textContent,
            shown: document.querySelectorAll('[data-testid="duplicate-group"]').length,
          }), 0));
        }
      });
      observer.observe(document.body, { childList: true, subtree: true });
      t0 = performance.now();
      document.querySelector('[data-testid="duplicates-find"]').click();
    }));
    times.push(result.ms);
    groups = result.groups;
    shown = result.shown;
    customers = await page.getByTestId('customer-count').textContent();
    await page.getByTestId('duplicates-close').click();
    await page.getByTestId('duplicates').waitFor({ state: 'detached' });
  }
  await context.close();
  return { ms: median(times), groups, shown, customers };
}

const { server, browser } = await startBench(PORT);
try {
  const sizes = [1_000, 10_000];
  const data = Object.fromEntries(sizes.map((n) => [n, dataFor(n)]));
  const results = Object.fromEntries(sizes.map((n) => [n, []]));
  for (let run = 0; run < RUNS; run += 1) {
    for (const n of sizes) results[n].push(await measure(browser, data[n]));
  }
  const summary = Object.fromEntries(sizes.map((n) => [n, {
    ms: median(results[n].map((r) => r.ms)),
    groups: results[n][0].groups,
    shown: results[n][0].shown,
    customers: results[n][0].customers,
  }]));
  const lines = [
    `duplicates benchmark, median of ${RUNS} runs (${CLICKS} clicks each), click on "Dubletten finden" → first page of groups painted`,
    '',
    '| generated customers | in the book | groups found | groups on the first page | click → painted |',
    '|---:|---|---|---:|---:|',
    ...sizes.map((n) => `| ${n.toLocaleString('en-GB')} | ${summary[n].customers} | ${summary[n].groups} | ${summary[n].shown} | ${summary[n].ms.toFixed(1)} ms |`),
    '',
    `ratio 10,000/1,000: ${(summary[10_000].ms / summary[1_000].ms).toFixed(2)}x the time for 10x the customers`,
  ];
  console.log(lines.join('\n'));
  const md = [
    '# Duplicates benchmark',
    '',
    'Command: `trunk build --release && node bench/duplicates.mjs` (headless Chromium, data from',
    `\`cargo run --release --example bench_data -- <n> 2 ${TWIN_EVERY}\`: a twin for every ${TWIN_EVERY}th customer).`,
    `Run on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Goal: under 200 ms at 10,000, close to linear growth.`,
    'Measured from the click until the frame after the first page of groups (up to 50) is painted;',
    'every group is found and counted first. Groups below the fold are in the page and are laid out',
    'when scrolled near (`content-visibility: auto`); "weitere Gruppen anzeigen" adds the next 50.',
    '',
    ...lines,
    '',
  ].join('\n');
  writeFileSync('bench-results/duplicates.md', md);
} finally {
  await browser.close();
  server.kill();
}

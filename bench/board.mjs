// Board benchmark in headless Chromium: first board paint and one move, with 100 and
// with 10,000 customers (5 contacts each), measured side by side in one run.
// Usage: node bench/board.mjs   (after a release build; starts its own server)
import { benchData, median, startBench } from './harness.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MOVES = 5;
const PORT = 8082;
const base = `http://127.0.0.1:${PORT}`;

const dataFor = (customers) => benchData(customers, [customers, 5]);

async function measure(browser, data) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript((entries) => {
    if (!localStorage.getItem('kb:meta')) {
      for (const [k, v] of Object.entries(JSON.parse(entries))) localStorage.setItem(k, v);
    }
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-testid="board-card"]')) {
        observer.disconnect();
        requestAnimationFrame(() => { window.__firstCardPaint = performance.now(); });
      }
    }).observe(document, { childList: true, subtree: true });
  }, data);
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.waitForFunction(() => window.__firstCardPaint !== undefined, null, { timeout: 60_000 });
  const start = await page.evaluate(() => {
    const open = performance.getEntriesByName('kb-open', 'measure')[0];
    return { firstPaint: window.__firstCardPaint, open: open ? open.duration : NaN };
  });
  const moves = [];
  for (let i = 0; i < MOVES; i += 1) {
    const id = await page.locator('[data-testid="board-column"][data-class="B"] [data-testid="board-card"]').nth(i + 1).getAttribute('data-customer-id');
    await page.locator(`[data-testid="board-card"][data-customer-id="${id}"] [data-testid="board-move-menu"]`).click();
    moves.push(await page.evaluate((cardId) => new Promise((resolve) => {
      const target = document.querySelector('[data-testid="board-column"][data-class="A"]');
      let t0 = 0;
      const observer = new MutationObserver(() => {
        if (target.querySelector(`[data-customer-id="${cardId}"]`)) {
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - t0));
        }
      });
      observer.observe(target, { childList: true, subtree: true });
      t0 = performance.now();
      document.querySelector(`[data-customer-id="${cardId}"] [data-testid="board-move-to-A"]`).click();
    }), id));
  }
  await context.close();
  return { ...start, move: median(moves) };
}

const { server, browser } = await startBench(PORT);
try {
  const sizes = [100, 10_000];
  const data = Object.fromEntries(sizes.map((n) => [n, dataFor(n)]));
  const results = Object.fromEntries(sizes.map((n) => [n, []]));
  for (let run = 0; run < RUNS; run += 1) {
    for (const n of sizes) results[n].push(await measure(browser, data[n]));
  }
  const summary = {};
  for (const n of sizes) {
    summary[n] = {
      open: median(results[n].map((r) => r.open)),
      firstPaint: median(results[n].map((r) => r.firstPaint)),
      move: median(results[n].map((r) => r.move)),
    };
  }
  const f = (x) => `${x.toFixed(1)} ms`;
  console.log(`board benchmark, median of ${RUNS} runs (${MOVES} moves each)`);
  console.log('customers | storage open (read+decode) | first board paint | one move (drop → shown)');
  for (const n of sizes) console.log(`${String(n).padStart(9)} | ${f(summary[n].open).padStart(25)} | ${f(summary[n].firstPaint).padStart(17)} | ${f(summary[n].move).padStart(10)}`);
  const big = summary[10_000];
  const small = summary[100];
  console.log(`ratio 10,000/100: first paint ${(big.firstPaint / small.firstPaint).toFixed(2)}x, move ${(big.move / small.move).toFixed(2)}x`);
  console.log(`first paint / storage open at 10,000: ${(big.firstPaint / big.open).toFixed(2)}x`);
} finally {
  await browser.close();
  server.kill();
}

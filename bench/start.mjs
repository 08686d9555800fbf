// Start-up benchmark in headless Chromium, 100 and 10,000 customers (5 contacts each) side
// by side in one run, each run in a fresh browser profile:
//   - first board paint: navigation start until the first card is painted (the frame after
//     it is in the DOM, and the task after that frame);
//   - start to interactive: the board painted and the start's last long task over, with
//     1 s of quiet after it (Lighthouse's TTI rule, with a shorter window). Measured on a
//     later start (a reload, the code cached), as every start after the first one is; the
//     very first start of the profile, which also fetches and compiles the code, beside it;
//   - the floor, in the same page after load: `getItem` of every stored key plus
//     `JSON.parse` of the same data set as a backup file (plain JSON);
//   - one move B → A by a real mouse drag, and by the card's menu with the keyboard.
// Usage: node bench/start.mjs   (after `trunk build --release`; serves dist/ itself)
//   BENCH_RUNS (default 5), BENCH_PORT (default 8085). Writes bench-results/start.json.
import { benchData, launchChromium, median, serveDist } from './harness.mjs';
import { dragToA, keyboardToA } from './board_moves.mjs';
import { mkdirSync, writeFileSync } from 'node:fs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 8085);
const SIZES = [100, 10_000];
const MOVES = 3;
const QUIET_MS = 1000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function measure(browser, data, backup) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript((entries) => {
    if (!localStorage.getItem('kb:meta')) {
      for (const [k, v] of Object.entries(JSON.parse(entries))) localStorage.setItem(k, v);
    }
    window.__lastLongTaskEnd = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__lastLongTaskEnd = Math.max(window.__lastLongTaskEnd, e.startTime + e.duration);
    }).observe({ type: 'longtask', buffered: true });
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-testid="board-card"]')) {
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => { window.__boardPainted = performance.now(); }, 0));
      }
    }).observe(document, { childList: true, subtree: true });
  }, data);
  const page = await context.newPage();
  const started = async () => {
    await page.waitForFunction(() => window.__boardPainted !== undefined, null, { timeout: 60_000 });
    // Quiet: no long task for QUIET_MS after the board was painted or the last long task ended.
    await page.waitForFunction((quiet) => performance.now() - Math.max(window.__boardPainted, window.__lastLongTaskEnd) > quiet, QUIET_MS, { timeout: 60_000, polling: 100 });
    return page.evaluate(() => {
      const open = performance.getEntriesByName('kb-open', 'measure')[0];
      return {
        firstPaint: window.__boardPainted,
        interactive: Math.max(window.__boardPainted, window.__lastLongTaskEnd),
        // The app's own User Timing: storage opened, read and decoded.
        openStart: open?.startTime ?? NaN,
        open: open?.duration ?? NaN,
      };
    });
  };
  await page.goto(`http://127.0.0.1:${PORT}/`);
  const cold = await started();
  // Every later start: the code is cached (service worker, compiled wasm), the data is read.
  await page.reload();
  const start = await started();
  start.coldInteractive = cold.interactive;
  await page.evaluate((text) => { window.__backup = text; }, backup);
  const floors = [];
  for (let i = 0; i < 3; i += 1) {
    floors.push(await page.evaluate(() => {
      const t0 = performance.now();
      let chars = 0;
      for (let k = 0; k < localStorage.length; k += 1) chars += localStorage.getItem(localStorage.key(k)).length;
      const parsed = JSON.parse(window.__backup);
      if (!chars || !parsed) throw new Error('nothing read');
      return performance.now() - t0;
    }));
  }
  const drags = [];
  const keys = [];
  // Always the first card of B: the next one takes its place, so the press stays on screen.
  for (let i = 0; i < MOVES; i += 1) {
    drags.push(await dragToA(page, 0));
    await sleep(600);
    keys.push(await keyboardToA(page, 0));
    await sleep(600);
  }
  await context.close();
  return { ...start, floor: median(floors), drag: median(drags), keyboard: median(keys) };
}

export async function runStart() {
  const data = Object.fromEntries(SIZES.map((n) => [n, benchData(n, [n, 5])]));
  const backups = Object.fromEntries(SIZES.map((n) => [n, benchData(`backup-${n}`, ['--backup', n, 5])]));
  const server = await serveDist(PORT);
  const browser = await launchChromium();
  const results = Object.fromEntries(SIZES.map((n) => [n, []]));
  try {
    for (let run = 0; run < RUNS; run += 1) {
      for (const n of SIZES) results[n].push(await measure(browser, data[n], backups[n]));
    }
  } finally {
    await browser.close();
    server.kill();
  }
  const summary = {};
  for (const n of SIZES) {
    const rs = results[n];
    const pick = (key) => median(rs.map((r) => r[key]));
    summary[n] = {
      firstPaint: pick('firstPaint'),
      interactive: pick('interactive'),
      coldInteractive: pick('coldInteractive'),
      openStart: pick('openStart'),
      open: pick('open'),
      floor: pick('floor'),
      // Each run's own ratio, so a ratio never mixes two page loads.
      ratio: median(rs.map((r) => r.interactive / r.floor)),
      drag: pick('drag'),
      keyboard: pick('keyboard'),
    };
  }
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/start.json', JSON.stringify({ when: new Date().toISOString(), runs: RUNS, summary }, null, 2));
  return summary;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const summary = await runStart();
  const f = (x) => `${x.toFixed(1)} ms`;
  console.log(`start benchmark, medians of ${RUNS} runs (${MOVES} moves each way per run)`);
  console.log('customers | first board paint | start to interactive | storage opened at, open took | floor | interactive / floor | first start of the profile | drag B → A | keyboard B → A');
  for (const [n, s] of Object.entries(summary)) {
    console.log(`${n.padStart(9)} | ${f(s.firstPaint).padStart(17)} | ${f(s.interactive).padStart(20)} | ${f(s.openStart)}, ${f(s.open)} | ${f(s.floor)} | ${s.ratio.toFixed(2)}× | ${f(s.coldInteractive)} | ${f(s.drag)} | ${f(s.keyboard)}`);
  }
}

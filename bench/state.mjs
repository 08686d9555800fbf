// State benchmark in headless Chromium: two builds side by side in one run, with
// 10,000 customers (5 contacts each).
//   (a) one board move by a real mouse drag (press, move, release) from B to A: time
//       from the drop until the card is painted in column A, and how often the board's
//       columns were computed for it;
//   (b) a restore of 10,000 customers written by a second tab of the same browser
//       (every `kb:` key of the data set, as a restore writes them) while the first tab
//       shows the board of 100 customers: time until the first tab shows all 10,000,
//       the `storage` events it received and how often it applied them to its state.
// Counts come from User Timing marks: `kb-board-columns` (the board's column memo) and
// `kb-foreign-applied` (other tabs' writes applied); both builds need them.
// Usage: BEFORE_DIST=<a dist built from the commit to compare with> node bench/state.mjs
//   (AFTER_DIST, default dist; PORT, default 8094; BENCH_RUNS, default 5)
import { benchData, launchChromium, median, serveDist } from './harness.mjs';
import { dragToA } from './board_moves.mjs';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MOVES = 5;
const PORT = Number(process.env.PORT ?? 8094);
const base = `http://127.0.0.1:${PORT}`;
const builds = [
  ['before', resolve(process.env.BEFORE_DIST ?? 'dist-before')],
  ['after', resolve(process.env.AFTER_DIST ?? 'dist')],
];

const dataFor = (customers) => benchData(customers, [customers, 5]);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A context whose first page loads `data` into local storage before the app starts. */
async function contextWith(browser, data) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript((entries) => {
    if (!localStorage.getItem('kb:meta')) {
      for (const [k, v] of Object.entries(JSON.parse(entries))) localStorage.setItem(k, v);
    }
    window.__storageEvents = 0;
    addEventListener('storage', () => { window.__storageEvents += 1; });
  }, data);
  return context;
}

async function openBoard(page) {
  await page.goto(`${base}/`);
  await page.waitForSelector('[data-testid="board-card"]', { timeout: 60_000 });
}

const marks = (page, name) => page.evaluate((n) => performance.getEntriesByName(n).length, name);

/** (a) Moves the `index`-th card of column B to column A by mouse. */
async function oneMove(page, index) {
  const columnsBefore = await marks(page, 'kb-board-columns');
  const ms = await dragToA(page, index);
  // The move's bookkeeping (the backup counter) lands after the card; wait it out.
  await sleep(600);
  return { ms, columns: (await marks(page, 'kb-board-columns')) - columnsBefore };
}

async function measureMove(browser, big) {
  const context = await contextWith(browser, big);
  const page = await context.newPage();
  await openBoard(page);
  const moves = [];
  // Always the first card of B: the next one takes its place, so the press stays on
  // screen and the drop target does not scroll away.
  for (let i = 0; i < MOVES; i += 1) moves.push(await oneMove(page, 0));
  await context.close();
  return { move: median(moves.map((m) => m.ms)), columns: median(moves.map((m) => m.columns)) };
}

/** (b) A second tab writes the 10,000-customer data set over the 100 the first one shows. */
async function measureRestore(browser, small, big) {
  const context = await contextWith(browser, small);
  const first = await context.newPage();
  await openBoard(first);
  const second = await context.newPage();
  await second.goto(`${base}/daten`);
  await second.waitForSelector('[data-testid="nav-board"]');
  await sleep(300);
  const before = await first.evaluate(() => ({
    events: window.__storageEvents,
    applied: performance.getEntriesByName('kb-foreign-applied').length,
    columns: performance.getEntriesByName('kb-board-columns').length,
  }));
  await first.evaluate(() => {
    window.__busy = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__busy += entry.duration;
    }).observe({ type: 'longtask' });
    window.__shown = new Promise((resolve) => {
      const total = () => [...document.querySelectorAll('[data-testid="board-column-count"]')]
        .reduce((sum, el) => sum + Number(el.textContent.replace(/\D/g, '')), 0);
      const observer = new MutationObserver(() => {
        if (total() === 10_000) {
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.timeOrigin + performance.now()), 0));
        }
      });
      observer.observe(document.querySelector('.board'), { childList: true, subtree: true, characterData: true });
    });
  });
  const started = await second.evaluate((entries) => {
    const t0 = performance.timeOrigin + performance.now();
    // kb:meta holds the same schema and would not fire an event; a restore's own value.
    for (const [k, v] of Object.entries(JSON.parse(entries))) if (k !== 'kb:meta') localStorage.setItem(k, v);
    return t0;
  }, big);
  const shown = await first.evaluate(() => window.__shown);
  // Let the last events arrive, then count.
  await sleep(1500);
  const after = await first.evaluate(() => ({
    events: window.__storageEvents,
    applied: performance.getEntriesByName('kb-foreign-applied').length,
    columns: performance.getEntriesByName('kb-board-columns').length,
    busy: window.__busy,
  }));
  await context.close();
  return {
    shown: shown - started,
    events: after.events - before.events,
    applied: after.applied - before.applied,
    columns: after.columns - before.columns,
    busy: after.busy,
  };
}

const small = dataFor(100);
const big = dataFor(10_000);
const browser = await launchChromium();
const results = Object.fromEntries(builds.map(([name]) => [name, { moves: [], restores: [] }]));
try {
  for (let run = 0; run < RUNS; run += 1) {
    for (const [name, dist] of builds) {
      const server = await serveDist(PORT, dist);
      try {
        results[name].moves.push(await measureMove(browser, big));
        results[name].restores.push(await measureRestore(browser, small, big));
      } finally {
        server.kill();
        await sleep(200);
      }
    }
  }
} finally {
  await browser.close();
}

const f = (x) => `${x.toFixed(1)} ms`;
const rows = builds.map(([name]) => {
  const r = results[name];
  const m = (list, key) => median(list.map((x) => x[key]));
  return {
    name,
    move: m(r.moves, 'move'),
    moveColumns: m(r.moves, 'columns'),
    shown: m(r.restores, 'shown'),
    events: m(r.restores, 'events'),
    applied: m(r.restores, 'applied'),
    restoreColumns: m(r.restores, 'columns'),
    busy: m(r.restores, 'busy'),
  };
});
const lines = [
  `state benchmark, median of ${RUNS} runs (${MOVES} moves each), 10,000 customers with 5 contacts`,
  '',
  '| build | (a) drag B → A, drop → painted | columns computed per move | (b) foreign restore, write start → 10,000 shown | storage events | state updates | columns computed | long tasks in tab 1 |',
  '|---|---|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.name} | ${f(r.move)} | ${r.moveColumns} | ${f(r.shown)} | ${r.events} | ${r.applied} | ${r.restoreColumns} | ${f(r.busy)} |`),
];
console.log(lines.join('\n'));
if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, `${lines.join('\n')}\n`);

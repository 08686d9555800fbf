// Practice benchmark in headless Chromium: the time from a rating (a click on "Gut", the
// same as key 3) until the next prompt is painted, with 100 and with 20,000 ratings
// already in the log, measured side by side in one run.
//
// Usage: node bench/practice.mjs   (after `trunk build --release`; serves dist/ itself)
//   BENCH_RUNS=3       runs per log size (a fresh browser profile each)
//   BENCH_RATINGS=15   ratings timed per run
//   BENCH_PORT=8084    port of the static server on 127.0.0.1
// Prints a table and writes bench-results/practice.json.
//
// The data is planted before the app loads, as schema-1 plain JSON (the app reads plain
// JSON as well as its packed form, and migrates schema 1 on open): kb:meta, a playbook of
// 23 lines (20 agreed) and kb:practice with one trainee, a due review card per line, and
// N review logs spread over the past days.
//
// The clock stops after the paint: the next prompt is in the DOM (MutationObserver), then
// a requestAnimationFrame callback runs before the frame, and a MessageChannel message
// posted from it is delivered after the frame has been painted.
import { median, startBench } from './harness.mjs';
import { mkdirSync, writeFileSync } from 'node:fs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const RATINGS = Number(process.env.BENCH_RATINGS ?? 15);
const PORT = Number(process.env.BENCH_PORT ?? 8084);
const SIZES = [100, 20_000];
const base = `http://127.0.0.1:${PORT}`;

const TRAINEE = 4_242_001;
const DAY = 86_400_000;
const pad = (n) => String(n).padStart(2, '0');
// NaiveDate / NaiveDateTime as serde writes them, in local time like the app's clock.
const isoDate = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const isoDateTime = (d) => `${isoDate(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;

// A small deterministic generator, so every run plants the same data.
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function playbook() {
  const classes = ['B', 'O', 'B', 'O', 'A'];
  // Three proposed lines, as in the starter playbook: 20 agreed lines are rehearsed.
  const proposed = new Set([7, 11, 20]);
  const hooks = ['ExtraBenefit', 'LegalChange', 'TimeLimitedPromotion', 'SpecialAdvantage', 'ComprehensiveConsultation'];
  return Array.from({ length: 23 }, (_, i) => ({
    id: 1001 + i,
    situation: { class: classes[i % classes.length], direction: i % 2 ? 'Outbound' : 'Inbound', hook: hooks[i % hooks.length] },
    title: `Einstieg ${i + 1}`,
    text: `Schön, dass wir sprechen – für Sie habe ich heute etwas Neues vorbereitet, Satz Nummer ${i + 1}, und ich erkläre es Ihnen gern in zwei Minuten.`,
    customer_line: i % 3 === 0 ? 'Ich habe nur kurz Zeit.' : '',
    status: proposed.has(i) ? 'Proposed' : 'Agreed',
    version: 1,
    changed: '2026-01-05',
  }));
}

/** One trainee with `count` ratings over the past days and every line due now. */
function practice(count, lines) {
  const next = random(count);
  const now = Date.now();
  const span = Math.max(30, Math.ceil(count / 60)) * DAY;
  const start = now - span - DAY;
  const step = Math.floor(span / count);
  const reviews = [];
  const perLine = new Map();
  for (let i = 0; i < count; i++) {
    const line = lines[Math.floor(next() * lines.length)].id;
    const at = new Date(start + i * step);
    const r = next();
    reviews.push({
      trainee: TRAINEE,
      line,
      at: isoDateTime(at),
      rating: r < 0.1 ? 'Again' : r < 0.25 ? 'Hard' : r < 0.85 ? 'Good' : 'Easy',
      ...(next() < 0.5 ? { similarity: 50 + Math.floor(next() * 51) } : {}),
    });
    const seen = perLine.get(line) ?? { first: at, last: at, reps: 0, lapses: 0 };
    seen.last = at;
    seen.reps += 1;
    if (r < 0.1) seen.lapses += 1;
    perLine.set(line, seen);
  }
  const yesterday = new Date(now - DAY);
  const cards = lines.map((l) => {
    const seen = perLine.get(l.id) ?? { first: new Date(start), last: new Date(start), reps: 1, lapses: 0 };
    return {
      trainee: TRAINEE,
      line: l.id,
      line_version: 1,
      due: isoDateTime(yesterday),
      stability: 12.5,
      difficulty: 5.2,
      reps: seen.reps,
      lapses: seen.lapses,
      last_review: isoDateTime(seen.last),
      phase: 'Review',
      scheduled_days: 12,
      introduced: isoDate(seen.first),
    };
  });
  return {
    trainees: [{ id: TRAINEE, name: 'Anna', created: isoDate(new Date(start)) }],
    active: TRAINEE,
    cards,
    reviews,
    drills: [],
  };
}

function dataFor(count) {
  const lines = playbook();
  return {
    'kb:meta': JSON.stringify({ schema: 1 }),
    'kb:playbook': JSON.stringify(lines),
    'kb:practice': JSON.stringify(practice(count, lines)),
  };
}


// In the page: rates the revealed prompt "Gut" and resolves with the time until the next
// prompt (or the end of the round) has been painted, and the time until the rating was
// stored (the app's `kb-rating-stored` mark) and the frame after that was painted, which
// includes every update the stored rating set off.
function rateAndTime() {
  const stored = new Promise((resolve) => {
    const marks = performance.getEntriesByName('kb-rating-stored').length;
    const check = () => {
      const all = performance.getEntriesByName('kb-rating-stored');
      if (all.length > marks) {
        const at = all[all.length - 1].startTime;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve({ at, settled: performance.now() });
          channel.port2.postMessage(0);
        });
      } else {
        setTimeout(check, 1);
      }
    };
    check();
  });
  const painted = new Promise((resolve) => {
    const before = document.querySelector('[data-testid="practice-prompt"]').dataset.lineId;
    const shown = () => {
      const p = document.querySelector('[data-testid="practice-prompt"]');
      return (p && p.dataset.lineId !== before) || document.querySelector('[data-testid="practice-done"]');
    };
    let t0 = 0;
    let seen = false;
    const afterPaint = () => {
      if (seen) return;
      seen = true;
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - t0);
        channel.port2.postMessage(0);
      });
    };
    const observer = new MutationObserver(() => { if (shown()) afterPaint(); });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-line-id'] });
    t0 = performance.now();
    document.querySelector('[data-testid="practice-rate-good"]').click();
    if (shown()) afterPaint();
  });
  const start = performance.now();
  return Promise.all([painted, stored]).then(([paint, store]) => ({
    paint,
    stored: store.at - start,
    settled: store.settled - start,
  }));
}

async function measure(browser, data, count) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  await context.addInitScript((entries) => {
    if (!localStorage.getItem('kb:meta')) {
      for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
    }
  }, data);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${base}/ueben`);
  await page.getByTestId('practice-tab-progress').click({ timeout: 60_000 });
  const planted = Number(await page.locator(`[data-testid="progress-trainee"][data-trainee-id="${TRAINEE}"]`).getAttribute('data-repetitions'));
  if (planted !== count) throw new Error(`the app read ${planted} repetitions, ${count} were planted`);
  await page.getByTestId('practice-tab-rehearse').click();
  // Chosen explicitly: the active trainee may belong to the tab rather than to the data.
  await page.getByTestId('trainee-select').selectOption(String(TRAINEE));
  await page.getByTestId('practice-start').click();
  const times = [];
  const stored = [];
  const settled = [];
  for (let i = 0; i < RATINGS; i++) {
    await page.getByTestId('practice-reveal').click();
    await page.getByTestId('practice-rate-good').waitFor();
    const t = await page.evaluate(rateAndTime);
    times.push(t.paint);
    stored.push(t.stored);
    settled.push(t.settled);
  }
  await page.getByTestId('practice-tab-progress').click();
  const after = Number(await page.locator(`[data-testid="progress-trainee"][data-trainee-id="${TRAINEE}"]`).getAttribute('data-repetitions'));
  await context.close();
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  if (after !== count + RATINGS) throw new Error(`after ${RATINGS} ratings the app shows ${after} repetitions, expected ${count + RATINGS}`);
  return { times, stored, settled };
}

const { server, browser } = await startBench(PORT);
try {
  const data = Object.fromEntries(SIZES.map((n) => [n, dataFor(n)]));
  const runs = Object.fromEntries(SIZES.map((n) => [n, []]));
  const stores = Object.fromEntries(SIZES.map((n) => [n, { stored: [], settled: [] }]));
  for (let run = 0; run < RUNS; run += 1) {
    for (const n of SIZES) {
      const result = await measure(browser, data[n], n);
      runs[n].push(result.times);
      stores[n].stored.push(...result.stored);
      stores[n].settled.push(...result.settled);
    }
  }
  const summary = {};
  for (const n of SIZES) {
    const all = runs[n].flat();
    const ms = (x) => +x.toFixed(2);
    summary[n] = {
      median: ms(median(all)),
      runMedians: runs[n].map((r) => ms(median(r))),
      min: ms(Math.min(...all)),
      max: ms(Math.max(...all)),
      samples: all.length,
      storedMedian: ms(median(stores[n].stored)),
      settledMedian: ms(median(stores[n].settled)),
    };
  }
  const ratio = summary[20_000].median / summary[100].median;
  const f = (x) => `${x.toFixed(1)} ms`;
  console.log(`practice benchmark: rating → next prompt painted, ${RUNS} runs × ${RATINGS} ratings per log size`);
  const perRun = Object.fromEntries(SIZES.map((n) => [n, summary[n].runMedians.map(f).join(', ')]));
  const width = Math.max(15, ...Object.values(perRun).map((x) => x.length));
  console.log(`ratings in log | median   | ${'per-run medians'.padEnd(width)} | min      | max`);
  for (const n of SIZES) {
    const s = summary[n];
    console.log(`${String(n).padStart(14)} | ${f(s.median).padStart(8)} | ${perRun[n].padEnd(width)} | ${f(s.min).padStart(8)} | ${f(s.max)}`);
  }
  console.log(`ratio 20,000/100: ${ratio.toFixed(2)}x`);
  for (const n of SIZES) {
    console.log(`${String(n).padStart(14)} ratings: stored after ${f(summary[n].storedMedian)}, the frame after that painted at ${f(summary[n].settledMedian)} (medians)`);
  }
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/practice.json', `${JSON.stringify({
    bench: 'practice: rating → next prompt painted',
    runs: RUNS,
    ratingsPerRun: RATINGS,
    sizes: Object.fromEntries(SIZES.map((n) => [n, { ...summary[n], times: runs[n].map((r) => r.map((x) => +x.toFixed(2))) }])),
    ratio20000to100: +ratio.toFixed(2),
  }, null, 2)}\n`);
  console.log('written: bench-results/practice.json');
} finally {
  await browser.close();
  server.kill();
}

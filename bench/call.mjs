// Caller lookup benchmark in headless Chromium with 100 and 10,000 customers side by side:
// the latency of each
// keystroke, from the input event until the results are in the DOM and laid out (the
// list's height is read, which forces style and layout), typing a name and then a phone
// number one character at a time. Reports median and p95, and the first two keystrokes
// (they match most customers) on their own.
// Usage: node bench/call.mjs   (after a release build; starts its own server)
//   Writes bench-results/call.json.
//   BEFORE_DIST=<dist of an older build> measures it side by side with dist/ (AFTER_DIST),
//   the two builds taking turns run by run. BENCH_RUNS, default 5.
import { benchData, launchChromium, serveDist } from './harness.mjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PORT = 8083;
const SIZES = [100, 10_000];

const data = (customers) => benchData(customers, [customers, 5]);

const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };

// Types `text` one character at a time; returns the per-keystroke latencies in ms.
async function typeTimed(page, text) {
  return page.evaluate(async (full) => {
    const input = document.getElementById('call-search');
    const list = document.querySelector('[data-testid="call-results"]');
    const macrotask = () => new Promise((resolve) => { const c = new MessageChannel(); c.port1.onmessage = resolve; c.port2.postMessage(0); });
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await macrotask();
    void list.offsetHeight;
    const times = [];
    for (let i = 1; i <= full.length; i += 1) {
      const prefix = full.slice(0, i);
      const t0 = performance.now();
      input.value = prefix;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await macrotask();
      // Reading a layout value makes the browser compute style and layout now, so the
      // time includes them, not only the DOM changes.
      if (list.offsetHeight < 0) throw new Error('no layout');
      times.push(performance.now() - t0);
      if (list.dataset.query !== prefix) throw new Error(`results not rendered for ${prefix}`);
    }
    return times;
  }, text);
}

async function openBuild(browser, label, dist, port, customers) {
  const server = await serveDist(port, dist);
  const context = await browser.newContext();
  await context.addInitScript((entries) => {
    if (!localStorage.getItem('kb:meta')) {
      for (const [k, v] of Object.entries(JSON.parse(entries))) localStorage.setItem(k, v);
    }
  }, data(customers));
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/anruf`);
  await page.getByTestId('call-search').fill('Schneider');
  await page.getByTestId('call-result').first().waitFor({ timeout: 60_000 });
  await page.getByTestId('call-result').first().click();
  const phone = await page.evaluate(() => {
    const id = document.querySelector('[data-testid="call-card"]').dataset.customerId;
    return document.querySelector(`[data-testid="call-result"][data-customer-id="${id}"] .muted`).textContent.split(' · ').find((p) => /\d{5}/.test(p));
  });
  return { label: `${label}, ${customers}`, build: label, customers, server, context, page, phone, byName: [], byPhone: [], firstTwo: [] };
}

const builds = process.env.BEFORE_DIST
  ? [['before', resolve(process.env.BEFORE_DIST)], ['after', resolve(process.env.AFTER_DIST ?? 'dist')]]
  : [['dist', process.env.AFTER_DIST ? resolve(process.env.AFTER_DIST) : undefined]];

const browser = await launchChromium();
const opened = [];
try {
  let port = PORT;
  for (const [label, dist] of builds) {
    for (const customers of SIZES) opened.push(await openBuild(browser, label, dist, port++, customers));
  }
  const name = 'Schneider';
  for (let run = 0; run < RUNS; run += 1) {
    for (const b of opened) {
      await b.page.bringToFront();
      const n = await typeTimed(b.page, name);
      const p = await typeTimed(b.page, b.phone);
      b.byName.push(...n);
      b.byPhone.push(...p);
      b.firstTwo.push(...n.slice(0, 2));
    }
  }
  const f = (x) => `${x.toFixed(2)} ms`;
  console.log(`caller lookup, ${SIZES.join(' and ')} customers, ${RUNS} runs, per keystroke (input → results in the DOM and laid out)`);
  for (const b of opened) {
    if (process.env.BENCH_DETAIL) console.log(JSON.stringify({ build: b.label, byName: b.byName.map((x) => +x.toFixed(1)), byPhone: b.byPhone.map((x) => +x.toFixed(1)) }));
    const all = [...b.byName, ...b.byPhone];
    console.log(`[${b.label}] name  "${name}": median ${f(quantile(b.byName, 0.5))}, p95 ${f(quantile(b.byName, 0.95))} (${b.byName.length} keystrokes)`);
    console.log(`[${b.label}] phone "${b.phone}": median ${f(quantile(b.byPhone, 0.5))}, p95 ${f(quantile(b.byPhone, 0.95))} (${b.byPhone.length} keystrokes)`);
    console.log(`[${b.label}] all: median ${f(quantile(all, 0.5))}, p95 ${f(quantile(all, 0.95))}; first two name keystrokes: median ${f(quantile(b.firstTwo, 0.5))}, max ${f(Math.max(...b.firstTwo))}`);
  }
  const summary = opened.map((b) => {
    const all = [...b.byName, ...b.byPhone];
    return { build: b.build, customers: b.customers, keystrokes: all.length, p50: quantile(all, 0.5), p95: quantile(all, 0.95), firstTwoMedian: quantile(b.firstTwo, 0.5) };
  });
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/call.json', JSON.stringify({ when: new Date().toISOString(), runs: RUNS, summary }, null, 2));
} finally {
  for (const b of opened) {
    await b.context.close();
    b.server.kill();
  }
  await browser.close();
}

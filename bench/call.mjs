// Caller lookup benchmark in headless Chromium with 10,000 customers: the latency of each
// keystroke, from the input event until the results are rendered, typing a name and then
// a phone number one character at a time. Reports median and p95.
// Usage: node bench/call.mjs   (after a release build; starts its own server)
import { benchData, startBench } from './harness.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PORT = 8083;
const CUSTOMERS = 10_000;
const base = `http://127.0.0.1:${PORT}`;

const data = () => benchData(CUSTOMERS, [CUSTOMERS, 5]);

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
    const times = [];
    for (let i = 1; i <= full.length; i += 1) {
      const prefix = full.slice(0, i);
      const t0 = performance.now();
      input.value = prefix;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await macrotask();
      if (list.dataset.query !== prefix) throw new Error(`results not rendered for ${prefix}`);
      times.push(performance.now() - t0);
    }
    return times;
  }, text);
}

const { server, browser } = await startBench(PORT);
try {
  const context = await browser.newContext();
  await context.addInitScript((entries) => {
    if (!localStorage.getItem('kb:meta')) {
      for (const [k, v] of Object.entries(JSON.parse(entries))) localStorage.setItem(k, v);
    }
  }, data());
  const page = await context.newPage();
  await page.goto(`${base}/anruf`);
  await page.getByTestId('call-search').fill('Schneider');
  await page.getByTestId('call-result').first().waitFor({ timeout: 60_000 });
  await page.getByTestId('call-result').first().click();
  const phone = await page.evaluate(() => {
    const id = document.querySelector('[data-testid="call-card"]').dataset.customerId;
    return document.querySelector(`[data-testid="call-result"][data-customer-id="${id}"] .muted`).textContent.split(' · ').find((p) => /\d{5}/.test(p));
  });
  const name = 'Schneider';
  const byName = [];
  const byPhone = [];
  for (let run = 0; run < RUNS; run += 1) {
    byName.push(...await typeTimed(page, name));
    byPhone.push(...await typeTimed(page, phone));
  }
  if (process.env.BENCH_DETAIL) console.log(JSON.stringify({ byName: byName.map((x) => +x.toFixed(1)), byPhone: byPhone.map((x) => +x.toFixed(1)) }));
  const f = (x) => `${x.toFixed(2)} ms`;
  console.log(`caller lookup, ${CUSTOMERS} customers, ${RUNS} runs, per keystroke (input → results rendered)`);
  console.log(`name  "${name}": median ${f(quantile(byName, 0.5))}, p95 ${f(quantile(byName, 0.95))} (${byName.length} keystrokes)`);
  console.log(`phone "${phone}": median ${f(quantile(byPhone, 0.5))}, p95 ${f(quantile(byPhone, 0.95))} (${byPhone.length} keystrokes)`);
  await context.close();
} finally {
  await browser.close();
  server.kill();
}

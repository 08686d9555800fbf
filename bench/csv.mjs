// CSV import benchmark in headless Chromium: a German-Excel file of 1,000 and of 10,000
// customers, side by side in one run. Measures choosing the file until the preview shows
// (decode, parse, mapping guess, checks and duplicate search), and the confirmation until
// all customers are stored. Reports medians.
// Usage: node bench/csv.mjs   (after a release build; starts its own server)
import { median, startBench } from './harness.mjs';
import { mkdirSync, writeFileSync } from 'node:fs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PORT = 8084;
const SIZES = [1_000, 10_000];
const base = `http://127.0.0.1:${PORT}`;

function csv(rows) {
  const lines = ['Name;Firma;Telefon;E-Mail;Kundennummer;Jahresumsatz;Klasse;Schlagworte;Notizen'];
  const classes = ['A', 'B', 'B', 'O', 'O', 'C'];
  for (let i = 0; i < rows; i++) {
    lines.push([
      `Kundin Müller-${i}`, i % 3 ? `Betrieb ${i} GmbH` : '', `0171 ${String(1000000 + i)}`, `k${i}@example.de`,
      `K-${String(i).padStart(5, '0')}`, `${(i * 37) % 90000},${String(i % 100).padStart(2, '0')}`,
      classes[i % classes.length], 'Gewerbe, Kfz', i % 10 ? '' : '"Rückruf erbeten;\nbitte vormittags"',
    ].join(';'));
  }
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}


const { server, browser } = await startBench(PORT);
const results = {};
try {
  const files = Object.fromEntries(SIZES.map((n) => [n, csv(n)]));
  for (let run = 0; run < RUNS; run++) {
    for (const n of SIZES) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base}/daten`);
      await page.getByTestId('csv-import-file').waitFor({ state: 'attached' });
      const t0 = Date.now();
      await page.getByTestId('csv-import-file').setInputFiles({ name: `k${n}.csv`, mimeType: 'text/csv', buffer: files[n] });
      await page.getByTestId('csv-preview-row').first().waitFor({ timeout: 120_000 });
      const preview = Date.now() - t0;
      const t1 = Date.now();
      await page.getByTestId('csv-import-confirm').click();
      await page.getByTestId('csv-preview-row').first().waitFor({ state: 'detached', timeout: 120_000 });
      const store = Date.now() - t1;
      // Counted by a second page that reads the storage afresh: every row must be there.
      const reader = await context.newPage();
      await reader.goto(`${base}/kunden`);
      await reader.waitForFunction(() => /[1-9]/.test(document.querySelector('[data-testid="customer-count"]')?.textContent ?? ''), null, { timeout: 60_000 });
      const count = await reader.getByTestId('customer-count').textContent();
      const stored = Number(count.replace(/\D+$/, '').match(/(\d[\d.]*)\D*$/)?.[1].replace(/\./g, ''));
      if (stored !== n) throw new Error(`stored ${stored} customers of ${n} ("${count}")`);
      await reader.close();
      (results[n] ??= { preview: [], store: [] }).preview.push(preview);
      results[n].store.push(store);
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.kill();
}
const summary = Object.fromEntries(Object.entries(results).map(([n, r]) => [n, { previewMs: median(r.preview), storeMs: median(r.store) }]));
for (const [n, r] of Object.entries(summary)) console.log(`${n} rows: preview ${r.previewMs} ms, store ${r.storeMs} ms (medians of ${RUNS})`);
const [small, large] = SIZES.map((n) => summary[n]);
console.log(`ratio 10k/1k: preview ${(large.previewMs / small.previewMs).toFixed(2)}×, store ${(large.storeMs / small.storeMs).toFixed(2)}×`);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/csv.json', JSON.stringify({ runs: RUNS, summary }, null, 2));

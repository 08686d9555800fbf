// Every benchmark of the release build, one after the other, and one table of their medians.
// Each benchmark measures its small and its large case side by side in one run, and every
// ratio is taken within that run; figures of different runs are never put in one ratio.
//
// Usage: trunk build --release && node bench/all.mjs
//   BENCH_SKIP=lighthouse,practice leaves benchmarks out. Writes bench-results/all.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));

/** Runs one benchmark script; its output is shown and returned. */
function run(name, script, args = []) {
  if (skip.has(name)) return null;
  console.log(`\n== ${name}: node ${script} ${args.join(' ')}`);
  const result = spawnSync('node', [script, ...args], { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(result.stdout);
  if (result.status !== 0) throw new Error(`${script} failed (${result.status})`);
  return result.stdout;
}

const json = (path) => JSON.parse(readFileSync(path, 'utf8'));
const ms = (x) => `${x.toFixed(1)} ms`;
const rows = [];
const row = (figure, small, large, note = '') => rows.push([figure, small, large, note]);

const bundle = run('bundle', 'scripts/bundle-size.mjs', ['dist']);
if (bundle) {
  const first = bundle.match(/first visit \(wasm \+ JS, brotli\): ([\d.]+) KB/)?.[1];
  const total = bundle.match(/^total: ([\d.]+) KB/m)?.[1];
  row('wasm + JS a first visit fetches, brotli', '', `${first} KB`, `total with every chunk ${total} KB; goal ≤ 250 KB`);
}

if (run('start', 'bench/start.mjs')) {
  const s = json('bench-results/start.json').summary;
  row('start to interactive (100 and 10,000 customers)', ms(s[100].interactive), ms(s[10000].interactive), `a later start (code cached): navigation start until the board is painted and the last long task is over; the profile's first start ${ms(s[100].coldInteractive)} and ${ms(s[10000].coldInteractive)}`);
  row('storage open: read, decode (100 and 10,000 customers)', ms(s[100].open), ms(s[10000].open), `the app's kb-open measure; it starts ${ms(s[100].openStart)} and ${ms(s[10000].openStart)} after navigation start`);
  row('the floor: getItem of every key + JSON.parse of the backup (100 and 10,000 customers)', ms(s[100].floor), ms(s[10000].floor), 'same page, after load');
  row('start to interactive / floor (100 and 10,000 customers)', `${s[100].ratio.toFixed(2)}×`, `${s[10000].ratio.toFixed(2)}×`, 'goal ≤ 3× at 10,000');
  row('first board paint (100 and 10,000 customers)', ms(s[100].firstPaint), ms(s[10000].firstPaint), 'after the paint');
  row('one move B → A by mouse drag, drop → painted (100 and 10,000 customers)', ms(s[100].drag), ms(s[10000].drag), '');
  row('one move B → A by the keyboard menu, Enter → painted (100 and 10,000 customers)', ms(s[100].keyboard), ms(s[10000].keyboard), '');
}

if (run('call', 'bench/call.mjs')) {
  const s = json('bench-results/call.json').summary;
  const at = (n) => s.find((x) => x.customers === n);
  row('caller lookup per keystroke, p50 (100 and 10,000 customers)', ms(at(100).p50), ms(at(10000).p50), 'input → results in the DOM and laid out');
  row('caller lookup per keystroke, p95 (100 and 10,000 customers)', ms(at(100).p95), ms(at(10000).p95), 'goal ≤ 5 ms at 10,000');
}

if (run('csv', 'bench/csv.mjs')) {
  const s = json('bench-results/csv.json').summary;
  row('CSV import, file → preview (1,000 and 10,000 rows)', ms(s[1000].previewMs), ms(s[10000].previewMs), '');
  row('CSV import, confirm → every row stored (1,000 and 10,000 rows)', ms(s[1000].storeMs), ms(s[10000].storeMs), 'count checked by a second page');
}

if (run('practice', 'bench/practice.mjs')) {
  const s = json('bench-results/practice.json').sizes;
  row('one practice rating → next prompt painted (100 and 20,000 ratings in the log)', ms(s[100].median), ms(s[20000].median), '');
}

const lighthouse = run('lighthouse', 'scripts/lighthouse.mjs', ['dist']);
if (lighthouse) {
  const file = lighthouse.match(/^summary: (.+)$/m)?.[1];
  const runs = json(file).runs;
  const score = (device, name) => runs.find((r) => r.device === device && r.name === name)?.scores.performance;
  row('Lighthouse performance, first visit (phone, desktop)', `${score('phone', 'first visit, empty')}`, `${score('desktop', 'first visit, empty')}`, 'median of 3; goal ≥ 95 on a phone');
}

const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
const table = [
  `Figures of \`node bench/all.mjs\`, ${when} UTC, medians, headless Chromium on this machine.`,
  '',
  '| figure | small | large | note |',
  '|---|---|---|---|',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
console.log(`\n${table}`);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/all.md', `${table}\n`);

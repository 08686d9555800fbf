// Reports the brotli-compressed size of the built app (wasm + JS): what a first visit to /
// fetches before the board works, every chunk that loads later, and the total.
// Fails when the first visit is over its budget.
//
// The first visit is the page's own scripts (start, recovery), the app's glue and loader
// (app-<hash>/*.js) and the main module. The chunks of the other screens
// (app-<hash>/*.wasm besides the main module) and the service worker come later.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const firstVisitBudgetKb = Number(process.env.BUNDLE_FIRST_VISIT_KB ?? 480);
const MAIN_MODULE = 'klassenblick_bg.wasm';

const appDir = readdirSync(dist).find((n) => /^app-[0-9a-f]{16}$/.test(n) && statSync(join(dist, n)).isDirectory());
if (!appDir) {
  console.error(`no app-<hash>/ in ${dist}: build with trunk build --release`);
  process.exit(1);
}
const files = [
  ...readdirSync(dist).filter((n) => n.endsWith('.js')),
  ...readdirSync(join(dist, appDir))
    .filter((n) => /\.(wasm|js)$/.test(n))
    .map((n) => `${appDir}/${n}`),
];
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const isLater = (path) => path === 'sw.js' || (path.endsWith('.wasm') && !path.endsWith(`/${MAIN_MODULE}`));

let firstVisit = 0;
let later = 0;
const rows = files.sort().map((path) => {
  const raw = readFileSync(join(dist, path));
  const brotli = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  if (isLater(path)) later += brotli;
  else firstVisit += brotli;
  return { path, raw: raw.length, brotli, when: isLater(path) ? 'later' : 'first visit' };
});
for (const { path, raw, brotli, when } of rows.sort((a, b) => b.brotli - a.brotli)) {
  console.log(`${path.padEnd(48)} ${kb(raw).padStart(10)} raw ${kb(brotli).padStart(9)} brotli  ${when}`);
}
console.log(`first visit (wasm + JS, brotli): ${kb(firstVisit)}, budget ${firstVisitBudgetKb} KB`);
console.log(`loaded later (chunks, service worker): ${kb(later)}`);
console.log(`total: ${kb(firstVisit + later)}`);
if (firstVisit > firstVisitBudgetKb * 1024) {
  console.error('first visit over budget');
  process.exit(1);
}

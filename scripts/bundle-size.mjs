// Reports the brotli-compressed size of the built app (wasm + JS) and fails above budget.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const budgetKb = Number(process.env.BUNDLE_BUDGET_KB ?? 630);
let total = 0;
for (const name of readdirSync(dist).filter((n) => /\.(wasm|js)$/.test(n))) {
  const raw = readFileSync(join(dist, name));
  const compressed = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  total += compressed;
  console.log(`${name}: ${(raw.length / 1024).toFixed(1)} KB raw, ${(compressed / 1024).toFixed(1)} KB brotli`);
}
console.log(`bundle (wasm + JS, brotli): ${(total / 1024).toFixed(1)} KB, budget ${budgetKb} KB`);
if (total > budgetKb * 1024) {
  console.error('bundle over budget');
  process.exit(1);
}

// Trunk pre-build hook (see Trunk.toml): builds the app's wasm split by screen.
//
// Trunk 0.21 cannot split a wasm module, so index.html tells it to skip the Rust build and
// this script does the Rust steps itself:
//   1. cargo builds the binary, with relocations kept so the module can be cut apart;
//   2. wasm-split-cli cuts the code of every #[wasm_split] screen into a chunk of its own,
//      and writes __wasm_split.js, which fetches a chunk when its screen first opens;
//   3. wasm-bindgen writes the JS glue for the main module;
//   4. wasm-opt shrinks the main module and every chunk (release builds).
// The result lands in app-<hash>/ of the staging directory, named by its content, so a new
// build never meets an old chunk in a cache. scripts/pwa-build.mjs starts it from there.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
const release = process.env.TRUNK_PROFILE !== 'debug';
if (!staging) fail('TRUNK_STAGING_DIR is not set: run this through trunk build');

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });
function fail(message) {
  console.error(`split-build: ${message}`);
  process.exit(1);
}

const metadata = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline']));
const target = 'wasm32-unknown-unknown';
const profileDir = release ? 'release' : 'debug';
run('cargo', [
  'rustc',
  '--bin',
  'klassenblick',
  '--target',
  target,
  '--offline',
  ...(release ? ['--release'] : []),
  '--',
  '-C',
  'link-args=--emit-relocs',
]);
const built = join(metadata.target_directory, target, profileDir, 'klassenblick.wasm');

const work = mkdtempSync(join(tmpdir(), 'kb-split-'));
try {
  const split = join(work, 'split');
  const out = join(work, 'out');
  mkdirSync(out);
  run('wasm-split-cli', [built, split, '--target', 'web', '--out-name', 'klassenblick']);
  // --keep-lld-exports: the chunks import the main module's functions by their lld names.
  run('wasm-bindgen', [
    join(split, 'klassenblick.wasm'),
    '--out-dir',
    out,
    '--target',
    'web',
    '--no-typescript',
    '--keep-lld-exports',
    '--no-demangle',
  ]);
  for (const name of readdirSync(split).filter((n) => n !== 'klassenblick.wasm')) {
    renameSync(join(split, name), join(out, name));
  }
  const wasmFiles = readdirSync(out).filter((n) => n.endsWith('.wasm'));
  if (wasmFiles.length < 2) fail(`expected a main module and chunks, found ${wasmFiles.join(', ')}`);
  if (release) {
    for (const name of wasmFiles) {
      const path = join(out, name);
      run('wasm-opt', [path, '-o', path, '-Oz', '--converge', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue']);
    }
  }
  const hash = createHash('sha256');
  const names = readdirSync(out).sort();
  for (const name of names) hash.update(name).update(readFileSync(join(out, name)));
  const dirName = `app-${hash.digest('hex').slice(0, 16)}`;
  const dest = join(staging, dirName);
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest);
  for (const name of names) copyFileSync(join(out, name), join(dest, name));
  console.log(`split-build: ${dirName}/ with ${names.length} files (${wasmFiles.length - 1} chunks)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

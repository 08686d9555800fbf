// What every benchmark starts with: a dist/ served on 127.0.0.1, the system Chromium,
// the generated data sets and the median.
import { chromium } from '@playwright/test';
import { chromiumArgs, startServer } from '../tests/e2e/local-server.mjs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

/** Serves `dist` (default: the DIST_DIR the server picks itself) on `port`. */
export function serveDist(port, dist) {
  return startServer(port, dist ? { DIST_DIR: dist } : {});
}

export function launchChromium() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
}

export async function startBench(port) {
  const server = await serveDist(port);
  const browser = await launchChromium();
  return { server, browser };
}

/**
 * The stored keys of a generated data set (`examples/bench_data.rs` with `args`), made
 * once and kept in bench-results/data-<name>.json.
 */
export function benchData(name, args) {
  mkdirSync('bench-results', { recursive: true });
  const path = `bench-results/data-${name}.json`;
  if (!existsSync(path)) {
    const json = execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'bench_data', '--', ...args.map(String)], { maxBuffer: 1 << 28 });
    writeFileSync(path, json);
  }
  return readFileSync(path, 'utf8');
}

export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

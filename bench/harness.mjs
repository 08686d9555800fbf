// What every benchmark starts with: dist/ served on 127.0.0.1 and the system Chromium.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';

export async function startBench(port) {
  const server = spawn('node', ['tests/e2e/serve.mjs'], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 500));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return { server, browser };
}

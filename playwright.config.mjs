// End-to-end tests against the release build in dist/, in the system Chromium.
import { defineConfig } from '@playwright/test';
import { chromiumArgs } from './tests/e2e/local-server.mjs';


// A second checkout or build can run its own suite side by side: E2E_PORT and DIST_DIR.
const port = process.env.E2E_PORT ?? '8081';
const base = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.mjs',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: base,
    headless: true,
    acceptDownloads: true,
    launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
  },
  webServer: {
    command: 'node tests/e2e/serve.mjs',
    url: `${base}/`,
    reuseExistingServer: !process.env.CI,
    env: { PORT: port, DIST_DIR: process.env.DIST_DIR ?? 'dist' },
  },
});

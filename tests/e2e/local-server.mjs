// What the e2e suite, the benchmarks and the scripts share to run the app locally: the
// flags for the system Chromium on a closed network, a free port, and tests/e2e/serve.mjs
// started as a child process that is ready once it says where it serves.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** Without the background-networking flags Chromium keeps dialling out, and is refused. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Serves a build (DIST_DIR, BASE_PATH, COMPRESS in `env`) on `port`; resolves with the
 * child process once it listens, rejects if it exits before.
 */
export async function startServer(port, env = {}) {
  const server = spawn('node', ['tests/e2e/serve.mjs'], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    server.stdout.once('data', resolve);
    server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  server.stdout.resume();
  return server;
}

// Trunk post-build hook (see Trunk.toml): turns the staged build into an installable,
// offline app under a strict Content-Security-Policy.
//
// - The app, built by scripts/split-build.mjs into app-<hash>/, starts from an external
//   module, start-<hash>.js (from pwa/start.js), so the page runs no inline script;
//   `trunk serve`'s live-reload script moves into live-reload.js, and such a build
//   registers no service worker.
// - Relative hrefs of <link> tags in index.html (manifest, icons) get the public URL, so the
//   app works under a sub-path such as /klassenblick/, from deep links too.
// - pwa/recovery.js becomes recovery-<hash>.js, loaded as its own module before the start
//   script, so the recovery screen works when the app does not.
// - sw.js (from pwa/sw.js) gets this build's file list and a version derived from the files.
// It fails the build on any other inline script or inline event handler.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? '.';
const base = process.env.TRUNK_PUBLIC_URL || '/';
if (!staging) fail('TRUNK_STAGING_DIR is not set: run this through trunk build');

const htmlPath = join(staging, 'index.html');
let html = readFileSync(htmlPath, 'utf8');

const sha = (algorithm, data) => createHash(algorithm).update(data).digest();
const short = (data) => sha('sha256', data).toString('hex').slice(0, 16);
const integrity = (data) => `sha384-${sha('sha384', data).toString('base64')}`;
function fail(message) {
  console.error(`pwa-build: ${message}`);
  process.exit(1);
}

// The split build (scripts/split-build.mjs, the pre-build hook) leaves the app in app-<hash>/.
const appDir = readdirSync(staging).find((n) => /^app-[0-9a-f]{16}$/.test(n) && statSync(join(staging, n)).isDirectory());
if (!appDir) fail('app-<hash>/ was not found: scripts/split-build.mjs must run first');
const appJs = `${appDir}/klassenblick.js`;
const appWasm = `${appDir}/klassenblick_bg.wasm`;
for (const path of [appJs, appWasm]) if (!existsSync(join(staging, path))) fail(`${path} is missing`);

// `trunk serve`'s live-reload script is the one inline script Trunk writes.
const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attrs]) => !/\bsrc=/.test(attrs));
const liveReload = inline.find(([, , body]) => body.includes('.well-known/trunk/ws'));
const others = inline.filter((s) => s !== liveReload);
if (others.length) fail(`inline scripts are not allowed under the CSP:\n${others.map((s) => s[0]).join('\n')}`);
const handlers = html.match(/<[^>]*\son[a-z]+\s*=[^>]*>/gi);
if (handlers) fail(`inline event handlers are not allowed under the CSP:\n${handlers.join('\n')}`);

const start = readFileSync(join(source, 'pwa', 'start.js'), 'utf8')
  .replace('__APP_JS__', `./${appJs}`)
  .replace('__APP_WASM__', `./${appWasm}`)
  .replace('__OFFLINE__', String(!liveReload));
const startName = `start-${short(start)}.js`;
writeFileSync(join(staging, startName), start);
// The recovery script must run even when the app cannot: its own module, before the start
// script (modules run in document order), not imported by it.
const recovery = readFileSync(join(source, 'pwa', 'recovery.js'), 'utf8');
const recoveryName = `recovery-${short(recovery)}.js`;
writeFileSync(join(staging, recoveryName), recovery);
// The main module and its glue are fetched at once, not after the start script has run.
const preloads =
  `<link rel="modulepreload" href="${base}${appJs}" integrity="${integrity(readFileSync(join(staging, appJs)))}" />\n` +
  `<link rel="preload" href="${base}${appWasm}" as="fetch" type="application/wasm" crossorigin="anonymous" />\n`;
html = html.replace(
  '</head>',
  preloads +
    `<script type="module" src="${base}${recoveryName}" integrity="${integrity(recovery)}"></script>\n` +
    `<script type="module" src="${base}${startName}" integrity="${integrity(start)}"></script>\n</head>`,
);

if (liveReload) {
  const reload = liveReload[2]
    .replace(/(['"`])\{\{__TRUNK_ADDRESS__\}\}\1/g, 'window.location.host')
    .replace('{{__TRUNK_WS_BASE__}}', base);
  writeFileSync(join(staging, 'live-reload.js'), reload);
  html = html.replace(liveReload[0], `<script src="${base}live-reload.js"></script>`);
}

const isRelative = (href) => !/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(href);
html = html.replace(/<link\b[^>]*>/g, (tag) =>
  tag.replace(/\bhref="([^"]*)"/, (attr, href) => (isRelative(href) ? `href="${base}${href}"` : attr)),
);
writeFileSync(htmlPath, html);
// Static hosts answer an unknown path with 404.html: the same page, so a deep link such as
// /klassenblick/kunden/42 opens the app on the first visit too.
writeFileSync(join(staging, '404.html'), html);

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}
const shell = files(staging)
  .map((path) => relative(staging, path).split(sep).join('/'))
  .filter((path) => !['sw.js', 'index.html', '404.html', 'live-reload.js'].includes(path))
  .sort();
const version = createHash('sha256');
for (const path of ['index.html', ...shell]) version.update(path).update(readFileSync(join(staging, path)));
const sw = [
  `const VERSION = '${version.digest('hex').slice(0, 16)}';`,
  `const SHELL = ${JSON.stringify(['./', ...shell], null, 2)};`,
  '',
  readFileSync(join(source, 'pwa', 'sw.js'), 'utf8'),
].join('\n');
writeFileSync(join(staging, 'sw.js'), sw);
console.log(`pwa-build: ${startName}, ${recoveryName}, sw.js with ${shell.length + 1} files${liveReload ? ' (live reload: no service worker)' : ''}`);

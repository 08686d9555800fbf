// Klassenblick's service worker: keeps the app shell of one build, so the app starts and
// works without a network after the first visit. scripts/pwa-build.mjs writes VERSION and
// SHELL (this build's files, relative to this script) above these lines.
//
// A new build has a new VERSION, so the browser installs it beside the running one; it takes
// over on the next start, or at once when the page asks for it ("Neu laden").

const PREFIX = `kb-shell:${self.registration.scope}:`;
const CACHE = PREFIX + VERSION;
const START = new URL('./', self.location).href;

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(self.registration.scope)) return;
  event.respondWith(request.mode === 'navigate' ? page(request) : asset(request));
});

// Files named by their content hash (16 hex digits, or in app-<hash>/) may come from the HTTP cache,
// so the first visit does not download the app twice; everything else is revalidated.
const HASHED = /(^|\/)app-[0-9a-f]{16}\/|-[0-9a-f]{16}(_bg)?\.[a-z]+$/;

async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(
    SHELL.map(async (path) => {
      const url = new URL(path, self.location).href;
      const response = await fetch(url, { cache: HASHED.test(path) ? 'default' : 'no-cache' });
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      await cache.put(url, await plain(response));
    }),
  );
}

// Every app address is the same page: the router inside it shows the screen.
async function page(request) {
  const cache = await caches.open(CACHE);
  const shell = (await cache.match(request, { ignoreSearch: true })) ?? (await cache.match(START));
  if (shell) return shell;
  return fetch(request);
}

async function asset(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}

// A host that answers through a redirect (e.g. / → /index.html) must not hand that
// redirect to a page load: store the body as a plain response.
async function plain(response) {
  if (!response.redirected) return response;
  return new Response(await response.blob(), { status: response.status, headers: response.headers });
}

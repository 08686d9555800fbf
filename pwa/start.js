// Starts Klassenblick from an external module, so the page needs no inline script
// under its Content-Security-Policy, and registers the offline service worker.
// scripts/pwa-build.mjs fills in this build's file names and writes it as start-<hash>.js.
import init from '__APP_JS__';

const OFFLINE = __OFFLINE__;
const HOUR = 60 * 60 * 1000;

document.documentElement.dataset.base = new URL('./', import.meta.url).pathname;
let wasm;
try {
  wasm = await init({ module_or_path: new URL('__APP_WASM__', import.meta.url) });
} catch (error) {
  // recovery.js, loaded just before this script, shows a way back instead of a dead page.
  window.kbShowRecovery?.(error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error));
  throw error;
}
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));

if ('serviceWorker' in navigator) {
  if (OFFLINE) {
    register().catch((e) => console.warn('Offline-Modus nicht verfügbar:', e));
  } else {
    forget().catch(() => {});
  }
}

async function register() {
  const registration = await navigator.serviceWorker.register(new URL('sw.js', import.meta.url));
  const announce = () => {
    document.documentElement.dataset.update = 'available';
    dispatchEvent(new Event('kb-update-available'));
  };
  const track = (worker) =>
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) announce();
    });
  if (registration.waiting && navigator.serviceWorker.controller) announce();
  track(registration.installing);
  registration.addEventListener('updatefound', () => track(registration.installing));
  addEventListener('kb-update-apply', () => {
    const waiting = registration.waiting;
    if (!waiting) {
      location.reload();
      return;
    }
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    waiting.postMessage('skip-waiting');
  });
  let checked = Date.now();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && Date.now() - checked > HOUR) {
      checked = Date.now();
      registration.update().catch(() => {});
    }
  });
}

async function forget() {
  const scope = new URL('./', import.meta.url).href;
  for (const registration of await navigator.serviceWorker.getRegistrations()) {
    if (registration.scope === scope) await registration.unregister();
  }
}

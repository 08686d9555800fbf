// Klassenblick's way back when the app cannot start. Plain JavaScript, because it must
// work when the WebAssembly app is dead: a panic aborts it (`panic = "abort"`), and then
// nothing written in Rust runs again on this page.
//
// scripts/pwa-build.mjs writes this file as recovery-<hash>.js and loads it as a module
// just before the start script, so it runs before the app and is in the offline cache.
//
// - While the app decodes a stored value, session storage `kb-decoding` names its key
//   (src/storage/decode_marker.rs). If a start died there, this script moves that value
//   into quarantine before the next start, so one bad value cannot lock the user out.
// - `kbShowRecovery(message)` (called by the app's panic hook, src/ui/recovery.rs), a
//   WebAssembly trap, or a failed start shows the recovery screen instead of a dead page.
// Nothing here ever deletes a value: a value leaves its key only after an exact copy of it
// is stored under `kb:q:<stamp>:<key>`, where the app lists it on its data page.

const MARKER = 'kb-decoding';
/** Session storage: the key this start set aside, for the app's banner. */
const SET_ASIDE = 'kb-set-aside';
const PREFIX = 'kb:';
const QUARANTINE_PREFIX = 'kb:q:';

// The start died while decoding this key; `full` when moving it failed for lack of room.
const pending = { key: null, full: false };
let shown = false;

const pad = (n, width = 2) => String(n).padStart(width, '0');

/** Local time as "20261127T101500", like src/ui/clock.rs `stamp()`. */
function stamp(at = new Date()) {
  return (
    `${pad(at.getFullYear(), 4)}${pad(at.getMonth() + 1)}${pad(at.getDate())}` +
    `T${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`
  );
}

function isoDate(at = new Date()) {
  return `${pad(at.getFullYear(), 4)}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

// Session storage is a best-effort note: blocked or missing, it simply holds nothing.
function readMarker() {
  try {
    return sessionStorage.getItem(MARKER);
  } catch {
    return null;
  }
}

function clearMarker() {
  try {
    sessionStorage.removeItem(MARKER);
  } catch {
    // Nothing to clear where session storage is blocked.
  }
}

function isQuotaError(error) {
  return error?.name === 'QuotaExceededError' || error?.code === 22;
}

/**
 * Moves the value of `key` to `kb:q:<stamp>:<key>`, exactly as stored: the string goes
 * from getItem to setItem untouched. The original is removed only after the copy reads
 * back equal. Returns 'moved', 'gone' (nothing stored under the key) or 'full'.
 */
function quarantine(key) {
  const value = localStorage.getItem(key);
  if (value === null) return 'gone';
  const base = `${QUARANTINE_PREFIX}${stamp()}`;
  // Never overwrite an earlier quarantine entry of the same key and second.
  let target = `${base}:${key}`;
  for (let n = 2; ![null, value].includes(localStorage.getItem(target)); n++) {
    target = `${base}-${n}:${key}`;
  }
  try {
    localStorage.setItem(target, value);
  } catch (error) {
    if (isQuotaError(error)) return 'full';
    throw error;
  }
  if (localStorage.getItem(target) !== value) throw new Error(`copy of ${key} differs`);
  localStorage.removeItem(key);
  return 'moved';
}

/** Quarantines the key the last start died on; the marker stays until that worked. */
function recoverMarkedKey() {
  const key = readMarker();
  if (!key) return 'none';
  pending.key = key;
  try {
    const result = quarantine(key);
    if (result === 'full') {
      // The value stays where it is and the marker too: the app may still start (then it
      // clears the marker), and if it dies again the screen can say why.
      pending.full = true;
      return result;
    }
    clearMarker();
    pending.key = null;
    if (result === 'moved') {
      // The app names it when it starts, so the user knows why some data is missing.
      try {
        sessionStorage.setItem(SET_ASIDE, key);
      } catch {
        // Without session storage the entry is still listed on the data page.
      }
    }
    return result;
  } catch (error) {
    console.error('Klassenblick: Wert nicht in Quarantäne verschoben:', key, error);
    return 'failed';
  }
}

/** Every `kb:` key with its value, read in JavaScript so every value stays exact. */
function rawEntries() {
  const entries = {};
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (key !== null && key.startsWith(PREFIX)) entries[key] = localStorage.getItem(key);
  }
  return entries;
}

// JSON.stringify writes a lone surrogate as a \udXXX escape, so the file is exact ASCII
// for such values and turns back into the same strings with JSON.parse.
function downloadRawBackup() {
  const entries = rawEntries();
  const file = {
    format: 'klassenblick-rohdaten',
    saved: new Date().toISOString(),
    origin: location.origin,
    entries,
  };
  const name = `klassenblick-rohdaten-${isoDate()}.json`;
  const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { name, count: Object.keys(entries).length };
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function button(testId, text, kind, onClick) {
  const node = element('button', { type: 'button', class: `button-${kind}`, 'data-testid': testId }, text);
  node.addEventListener('click', onClick);
  return node;
}

function fullStorageText() {
  return (
    'Der Browserspeicher ist voll. Der beschädigte Wert konnte deshalb nicht beiseitegelegt ' +
    'werden und liegt unverändert an seinem Platz. Sichern Sie die Rohdaten und schaffen Sie ' +
    'Platz im Speicher dieses Browsers; danach starten Sie ohne die beschädigten Werte.'
  );
}

/** Replaces the page with the recovery screen; the app may be half mounted. */
function showRecovery(message) {
  if (shown) return;
  shown = true;
  const key = pending.key ?? readMarker();
  const status = element('p', { class: 'recovery-status', role: 'status', 'aria-live': 'polite' });
  const say = (text, problem = false) => {
    status.textContent = text;
    status.classList.toggle('recovery-problem', problem);
  };

  const heading = element('h1', { id: 'recovery-title', tabindex: '-1' }, 'Klassenblick konnte nicht starten');
  const cause = key
    ? element('p', {}, 'Ein gespeicherter Wert konnte nicht gelesen werden (', element('code', {}, key), ').')
    : element('p', {}, 'Beim Start ist ein unerwarteter Fehler aufgetreten.');
  const safe = element('p', {}, element('strong', {}, 'Es wurde nichts gelöscht.'),
    ' Alle Daten liegen unverändert im Speicher dieses Browsers.');
  const advice = element('p', { class: 'recovery-muted' }, key
    ? 'Sichern Sie zuerst die Rohdaten. Danach können Sie Klassenblick ohne den beschädigten Wert ' +
      'starten: Er wird beiseitegelegt und bleibt auf der Seite „Daten“ unter „Quarantäne“ erhalten.'
    : 'Sichern Sie zuerst die Rohdaten und laden Sie die Seite dann neu. Tritt der Fehler wieder ' +
      'auf, helfen die gesicherte Datei und die technischen Angaben unten bei der Fehlersuche.');
  const full = element('p', { class: 'recovery-warning', hidden: '' }, fullStorageText());
  if (pending.full) full.hidden = false;

  const actions = element('div', { class: 'recovery-actions' },
    button('recovery-raw-backup', 'Rohdaten sichern', 'primary', () => {
      try {
        const saved = downloadRawBackup();
        say(`Rohdaten gesichert: ${saved.name} (${saved.count} Werte).`);
      } catch (error) {
        say(`Die Rohdaten konnten nicht gelesen werden: ${error}`, true);
      }
    }));
  if (key) {
    actions.append(button('recovery-skip-damaged', 'Ohne die beschädigten Werte starten', 'secondary', () => {
      let result;
      try {
        result = quarantine(key);
      } catch (error) {
        say(`Der Wert konnte nicht beiseitegelegt werden: ${error}`, true);
        return;
      }
      if (result === 'full') {
        full.hidden = false;
        say('Der Speicher ist voll: Es wurde nichts verändert.', true);
        return;
      }
      clearMarker();
      location.reload();
    }));
  }
  actions.append(button('recovery-reload', 'Neu laden', key ? 'quiet' : 'secondary', () => location.reload()));

  const details = element('details', { class: 'recovery-details' },
    element('summary', {}, 'Technische Angaben'),
    element('pre', {}, String(message ?? 'unbekannter Fehler')));

  const root = element('div', { class: 'recovery', 'data-testid': 'recovery-screen' },
    element('div', { class: 'topbar' },
      element('div', { class: 'brand' },
        element('span', { class: 'brand-mark', 'aria-hidden': 'true' }, 'K'),
        element('span', { class: 'brand-name' }, 'Klassenblick'))),
    element('main', { class: 'recovery-panel', 'aria-labelledby': 'recovery-title' },
      element('div', { role: 'alert' }, heading, cause, safe),
      advice, full, actions, status, details));

  const mount = () => {
    document.body.replaceChildren(root);
    document.title = 'Klassenblick konnte nicht starten';
    heading.focus();
  };
  if (document.body) mount();
  else addEventListener('DOMContentLoaded', mount, { once: true });
}

function describe(error) {
  return error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}`.trim() : String(error);
}

window.kbShowRecovery = (message) => {
  try {
    showRecovery(message);
  } catch (error) {
    console.error('Klassenblick: Wiederherstellung nicht anzeigbar:', error);
  }
};

// A trap is how a dead wasm app reports itself, outside any Rust code.
addEventListener('error', (event) => {
  if (event.error instanceof WebAssembly.RuntimeError) window.kbShowRecovery(describe(event.error));
});
addEventListener('unhandledrejection', (event) => {
  if (event.reason instanceof WebAssembly.RuntimeError) window.kbShowRecovery(describe(event.reason));
});

try {
  recoverMarkedKey();
} catch (error) {
  // Blocked local storage: the app reports that itself.
  console.error('Klassenblick: Start-Wiederherstellung übersprungen:', error);
}

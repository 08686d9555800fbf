// Shared steps: open the app, wait for it to be interactive, create a customer.
import { expect } from '@playwright/test';

export async function openApp(page, path = '/') {
  await page.goto(path);
  await expect(page.getByTestId('nav-board')).toBeVisible();
  // A screen with a chunk of its own shows its content once the chunk has arrived.
  await expect(page.getByTestId('chunk-loading')).toHaveCount(0);
}

export async function createCustomer(page, fields) {
  await openApp(page, '/kunden');
  await page.getByTestId('customer-new').click();
  await page.getByTestId('customer-name').fill(fields.name);
  if (fields.company) await page.getByTestId('customer-company').fill(fields.company);
  if (fields.postcode) await page.getByTestId('customer-postcode').fill(fields.postcode);
  if (fields.phone) await page.getByTestId('customer-phone').fill(fields.phone);
  if (fields.email) await page.getByTestId('customer-email').fill(fields.email);
  if (fields.revenue) await page.getByTestId('customer-revenue').fill(fields.revenue);
  if (fields.class) await page.getByTestId('customer-class').selectOption(fields.class);
  if (fields.notes) await page.getByTestId('customer-notes').fill(fields.notes);
  await page.getByTestId('customer-save').click();
  await expect(page.getByTestId('customer-file')).toBeVisible();
  const id = await page.getByTestId('customer-file').getAttribute('data-customer-id');
  return id;
}

/** Fills local storage until the browser refuses, leaving (almost) no room. */
export async function fillStorage(page) {
  return page.evaluate(() => {
    let i = 0;
    for (let size = 1 << 20; size >= 1; size = Math.floor(size / 2)) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`filler-${i++}`, chunk);
        } catch {
          break;
        }
      }
    }
    return i;
  });
}

/**
 * Stores customers directly in local storage, as plain JSON (the app reads that as well
 * as its packed form), then reloads. Each entry: { id, name, class, revenue, ... }.
 */
export async function plantCustomers(page, customers, playbook = [], { ready = 'nav-board' } = {}) {
  await page.goto('/');
  await expect(page.getByTestId(ready)).toBeVisible();
  await page.evaluate(([list, lines]) => {
    localStorage.clear();
    localStorage.setItem('kb:meta', '{"schema":1}');
    const buckets = {};
    for (const c of list) {
      const key = `kb:c:${String(c.id % 256).padStart(3, '0')}`;
      (buckets[key] ??= []).push({
        id: c.id,
        rev: 1,
        created: '2026-01-05',
        fields: {
          name: c.name,
          company: c.company ?? '',
          class: c.class,
          revenue_cents: Math.round((c.revenue ?? 0) * 100),
          potential: c.potential ?? false,
          tags: c.tags ?? [],
          phones: c.phones ?? [],
          number: c.number ?? '',
          ...(c.note ? { current_note: { written: '2026-01-05', ...c.note } } : {}),
          // Occasions as stored: { id, kind: { type: 'birthday', date: '1970-05-12' } }.
          ...(c.occasions ? { occasions: c.occasions } : {}),
        },
        // Planned contacts as stored: { id, due: '2026-12-03', reason }.
        ...(c.plans ? { plans: c.plans } : {}),
        contacts: (c.contacts ?? []).map((k, i) => {
          const at = new Date(Date.now() - k.daysAgo * 86400000);
          const pad = (n) => String(n).padStart(2, '0');
          return {
            id: c.id * 100 + i,
            at: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T10:${pad(i)}:00`,
            who: 'Test',
            channel: 'Phone',
            direction: k.direction ?? 'Outbound',
            reason: k.reason ?? `Kontakt ${i + 1}`,
            ...(k.hook ? { hook: k.hook } : {}),
            result: k.result ?? 'Reached',
            ...(k.objection ? { objection: k.objection } : {}),
          };
        }),
      });
    }
    for (const [key, value] of Object.entries(buckets)) localStorage.setItem(key, JSON.stringify(value));
    localStorage.setItem('kb:playbook', JSON.stringify(lines.map((l, i) => ({
      id: l.id ?? 9000 + i,
      // An objection: { objection: { all_classes, any_hook } }; absent for opening lines.
      ...(l.kind ? { kind: l.kind } : {}),
      situation: { class: l.class ?? 'B', direction: l.direction ?? 'Inbound', hook: l.hook ?? 'ExtraBenefit' },
      title: l.title ?? `Zeile ${i}`,
      text: l.text,
      ...(l.customerLine ? { customer_line: l.customerLine } : {}),
      status: l.status ?? 'Agreed',
      version: 1,
      changed: '2026-01-05',
    }))));
  }, [customers, playbook]);
  await page.reload();
  await expect(page.getByTestId(ready)).toBeVisible();
}

export function column(page, cls) {
  return page.locator(`[data-testid="board-column"][data-class="${cls}"]`);
}

export function card(page, id) {
  return page.locator(`[data-testid="board-card"][data-customer-id="${id}"]`);
}

/** The local-storage key of the bucket that holds customer `id` (src/storage/keys.rs). */
export function bucketKey(id) {
  return `kb:c:${String(Number(id) % 256).padStart(3, '0')}`;
}

/**
 * Keeps a copy of every `kb:` key and its value in the page, under a key the app never
 * reads. The values stay JavaScript strings (lone surrogates included): they never pass
 * through the test runner, whose messages are JSON.
 */
export async function rememberStorage(page) {
  await page.evaluate(() => {
    const entries = {};
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith('kb:')) entries[key] = localStorage.getItem(key);
    }
    localStorage.setItem('e2e-remembered', JSON.stringify(entries));
  });
}

/**
 * Every remembered value that is neither under its key nor, exactly, in quarantine
 * (`kb:q:<stamp>:<key>`): what was lost. An empty list means nothing was.
 */
export async function lostValues(page) {
  return page.evaluate(() => {
    const remembered = JSON.parse(localStorage.getItem('e2e-remembered'));
    const keys = Object.keys(localStorage);
    return Object.entries(remembered)
      .filter(([key, value]) => localStorage.getItem(key) !== value
        && !keys.some((k) => k.startsWith('kb:q:') && k.endsWith(`:${key}`) && localStorage.getItem(k) === value))
      .map(([key]) => key);
  });
}

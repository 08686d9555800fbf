import { test, expect } from '@playwright/test';
import { card, column, plantCustomers } from './helpers.mjs';

const CUSTOMERS = [
  {
    id: 31, name: 'Bruno Bauer', class: 'B', revenue: 3000,
    contacts: [{ daysAgo: 5, reason: 'Angebot Hausrat', hook: 'LegalChange' }],
  },
  {
    id: 32, name: 'Olga Olsen', class: 'O', revenue: 100,
    contacts: [
      { daysAgo: 40, result: 'Refused', reason: 'Rundum-Beratung angeboten' },
      { daysAgo: 25, result: 'Refused', reason: 'Paket vorgestellt' },
      { daysAgo: 10, result: 'Refused', reason: 'Nachgefasst' },
    ],
  },
  { id: 33, name: 'Bernd Berger', class: 'B', revenue: 2000, contacts: [{ daysAgo: 94, reason: 'Jahresgespräch' }] },
  { id: 34, name: 'Carla Cramer', class: 'C', revenue: 50, contacts: [{ daysAgo: 300 }] },
];

test('a proactive contact 5 days after the last one warns, and the override is recorded', async ({ page }) => {
  await plantCustomers(page, CUSTOMERS);
  await page.goto('/kunden/31');
  await page.getByTestId('contact-log-open').click();
  await expect(page.getByTestId('frequency-warning')).toHaveCount(0);
  await page.getByTestId('contact-direction').selectOption('out');
  const warning = page.getByTestId('frequency-warning');
  await expect(warning).toContainText('Angebot Hausrat');
  await expect(warning).toContainText('vor 5 Tagen');
  await page.getByTestId('contact-reason').fill('Unterlagen nachgereicht');
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-form')).toContainText('begründen');
  await page.getByTestId('frequency-override-reason').fill('Kunde bat um Rückruf');
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-form')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('timeline-override')).toContainText('Kunde bat um Rückruf');
});

test('re-using a hook warns with the earlier date', async ({ page }) => {
  await plantCustomers(page, CUSTOMERS);
  await page.goto('/kunden/31');
  await expect(page.getByTestId('already-told')).toContainText('Gesetzliche Änderung');
  await page.getByTestId('contact-log-open').click();
  await page.getByTestId('contact-hook').selectOption('extra_benefit');
  await expect(page.getByTestId('repeat-warning')).toHaveCount(0);
  await page.getByTestId('contact-hook').selectOption('legal_change');
  const warning = page.getByTestId('repeat-warning');
  await expect(warning).toContainText('Gesetzliche Änderung');
  // Counted in the browser's time zone, where the contact was planted, not in Node's.
  const german = await page.evaluate(() => {
    const used = new Date(Date.now() - 5 * 86400000);
    return `${String(used.getDate()).padStart(2, '0')}.${String(used.getMonth() + 1).padStart(2, '0')}.${used.getFullYear()}`;
  });
  await expect(warning).toContainText(german);
});

test('the due list explains itself and never lists C or customers inside their interval', async ({ page }) => {
  await plantCustomers(page, CUSTOMERS);
  await page.getByTestId('nav-outreach').click();
  const items = page.getByTestId('outreach-due-item');
  await expect(page.locator('[data-testid="outreach-due-item"][data-customer-id="33"]')).toBeVisible();
  await expect(page.locator('[data-testid="outreach-due-item"][data-customer-id="33"] [data-testid="outreach-due-reason"]'))
    .toHaveText('B · letzter Kontakt vor 94 Tagen');
  await expect(page.locator('[data-testid="outreach-due-item"][data-customer-id="31"]')).toHaveCount(0);
  await expect(page.locator('[data-testid="outreach-due-item"][data-class="C"]')).toHaveCount(0);
  expect(await items.count()).toBe(1);
});

test('an O customer with three refusals on three days is suggested for C, and confirming moves it', async ({ page }) => {
  await plantCustomers(page, CUSTOMERS);
  await page.getByTestId('nav-outreach').click();
  const suggestion = page.locator('[data-testid="downgrade-suggestion"][data-customer-id="32"]');
  await expect(suggestion).toContainText('Rundum-Beratung angeboten');
  await expect(suggestion).toContainText('Nachgefasst');
  await expect(page.getByTestId('downgrade-suggestion')).toHaveCount(1);
  await suggestion.getByTestId('downgrade-confirm').click();
  await expect(page.getByTestId('downgrade-suggestion')).toHaveCount(0);
  await page.getByTestId('nav-board').click();
  await expect(column(page, 'C').locator('[data-customer-id="32"]')).toBeVisible();
  await card(page, 32).getByRole('link').click();
  await expect(page.locator('[data-testid="timeline-entry"][data-kind="class-change"]')).toContainText('3 abgelehnte Ausbauversuche');
});

test('a dismissed downgrade suggestion stays away after a reload', async ({ page }) => {
  await plantCustomers(page, CUSTOMERS);
  await page.getByTestId('nav-outreach').click();
  await page.getByTestId('downgrade-dismiss').click();
  await expect(page.getByTestId('downgrade-suggestion')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('outreach-due-item').first()).toBeVisible();
  await expect(page.getByTestId('downgrade-suggestion')).toHaveCount(0);
});

test('a planned contact appears in the agenda, and completing it logs it', async ({ page }) => {
  await plantCustomers(page, CUSTOMERS);
  await page.getByTestId('nav-outreach').click();
  const item = page.locator('[data-testid="outreach-due-item"][data-customer-id="33"]');
  await item.getByTestId('plan-contact-open').click();
  await item.getByTestId('plan-reason').fill('Termin zur Altersvorsorge');
  await item.getByTestId('plan-hook').selectOption('special_advantage');
  await item.getByTestId('plan-save').click();
  const planned = page.locator('[data-testid="agenda-today"] [data-testid="agenda-item"]');
  await expect(planned).toContainText('Termin zur Altersvorsorge');
  await page.reload();
  await expect(planned).toContainText('Termin zur Altersvorsorge');
  await planned.getByTestId('agenda-complete').click();
  await planned.getByTestId('agenda-result').selectOption('appointment');
  await planned.getByTestId('agenda-complete-save').click();
  await expect(page.locator('[data-testid="agenda-today"] [data-testid="agenda-item"]')).toHaveCount(0);
  await page.goto('/kunden/33');
  const entry = page.locator('[data-testid="timeline-entry"][data-kind="contact"]').first();
  await expect(entry).toContainText('Termin zur Altersvorsorge');
  await expect(entry).toContainText('Termin vereinbart');
  await expect(entry).toContainText('ausgehend');
});

test('planning too soon warns and needs a reason, then shows in the agenda', async ({ page }) => {
  await plantCustomers(page, CUSTOMERS);
  await page.goto('/kunden/31');
  await page.getByTestId('plan-contact-open').click();
  await expect(page.getByTestId('frequency-warning')).toContainText('Angebot Hausrat');
  await page.getByTestId('plan-reason').fill('Nachfrage Hausrat');
  await page.getByTestId('plan-save').click();
  await expect(page.getByTestId('plan-form')).toContainText('begründen');
  await page.getByTestId('frequency-override-reason').fill('Kunde wünscht Rückruf');
  await page.getByTestId('plan-save').click();
  await expect(page.getByTestId('plan-form')).toHaveCount(0);
  await page.getByTestId('nav-outreach').click();
  await expect(page.locator('[data-testid="agenda-today"] [data-testid="agenda-item"][data-customer-id="31"]')).toContainText('Nachfrage Hausrat');
});

test('completing a planned contact too soon warns and needs a reason', async ({ page }) => {
  // Last called 43 days ago; B customers wait 45 days. A plan in four days is in time,
  // but doing it today is two days too soon.
  await plantCustomers(page, [
    { id: 41, name: 'Frieda Früh', class: 'B', revenue: 3000, contacts: [{ daysAgo: 43, reason: 'Angebot Kfz' }] },
  ]);
  await page.goto('/kunden/41');
  await page.getByTestId('plan-contact-open').click();
  const inFour = new Date(Date.now() + 4 * 86_400_000);
  const iso = `${inFour.getFullYear()}-${String(inFour.getMonth() + 1).padStart(2, '0')}-${String(inFour.getDate()).padStart(2, '0')}`;
  await page.getByTestId('plan-date').fill(iso);
  await page.getByTestId('plan-reason').fill('Nachfrage Kfz');
  await expect(page.getByTestId('frequency-warning')).toHaveCount(0);
  await page.getByTestId('plan-save').click();
  await expect(page.getByTestId('plan-form')).toHaveCount(0);
  const contacts = page.locator('[data-testid="timeline-entry"][data-kind="contact"]');
  await expect(contacts).toHaveCount(1);

  await page.getByTestId('nav-outreach').click();
  const planned = page.locator('[data-testid="agenda-week"] [data-testid="agenda-item"][data-customer-id="41"]');
  await expect(planned).toContainText('Nachfrage Kfz');
  await planned.getByTestId('agenda-complete').click();
  await expect(planned.getByTestId('frequency-warning')).toContainText('Angebot Kfz');
  await planned.getByTestId('agenda-complete-save').click();
  await expect(planned.getByTestId('agenda-problem')).toContainText('begründen');
  await page.goto('/kunden/41');
  await expect(contacts, 'nothing was logged without a reason').toHaveCount(1);

  await page.getByTestId('nav-outreach').click();
  await planned.getByTestId('agenda-complete').click();
  await planned.getByTestId('frequency-override-reason').fill('Kunde hat selbst um Rückruf gebeten');
  await planned.getByTestId('agenda-complete-save').click();
  await expect(planned).toHaveCount(0);
  await page.goto('/kunden/41');
  await expect(contacts).toHaveCount(2);
  await expect(contacts.first()).toContainText('Nachfrage Kfz');
});

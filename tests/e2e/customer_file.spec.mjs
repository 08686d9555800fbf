import { test, expect } from '@playwright/test';
import { createCustomer, openApp } from './helpers.mjs';

test('a created customer is still there after a reload', async ({ page }) => {
  const id = await createCustomer(page, {
    name: 'Jana Müller',
    company: 'Müller Bau GmbH',
    phone: '+49 171 2345678',
    email: 'jana@mueller-bau.example',
    revenue: '12.345,67',
    class: 'B',
  });
  await page.reload();
  await expect(page.getByTestId('customer-file-name')).toHaveText('Jana Müller');
  await expect(page.getByTestId('customer-revenue')).toHaveValue('12.345,67');
  await expect(page.getByTestId('customer-class')).toHaveValue('B');
  await page.getByTestId('nav-customers').click();
  const row = page.locator(`[data-testid="customer-row"][data-customer-id="${id}"]`);
  await expect(row).toHaveAttribute('data-class', 'B');
  await expect(row).toContainText('Müller Bau GmbH');
});

test('the list search folds umlauts and matches phone numbers in any format', async ({ page }) => {
  await createCustomer(page, { name: 'Jana Müller', phone: '0171/2345678' });
  await createCustomer(page, { name: 'Peter Straßmann', phone: '030 1234567' });
  await page.getByTestId('nav-customers').click();
  const search = page.getByTestId('customer-search');
  await search.fill('mueller');
  await expect(page.getByTestId('customer-row')).toHaveCount(1);
  await expect(page.getByTestId('customer-row')).toContainText('Jana Müller');
  await search.fill('+49 171 234 56 78');
  await expect(page.getByTestId('customer-row')).toHaveCount(1);
  await search.fill('strassm');
  await expect(page.getByTestId('customer-row')).toContainText('Peter Straßmann');
});

test('names and notes holding HTML render as plain text', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  const name = '<script>window.__pwned = 1</script>';
  const notes = '<img src=x onerror="window.__pwned = 2">';
  await createCustomer(page, { name, notes });
  await page.reload();
  await expect(page.getByTestId('customer-file-name')).toHaveText(name);
  await expect(page.getByTestId('customer-notes')).toHaveValue(notes);
  await page.getByTestId('nav-customers').click();
  await expect(page.getByTestId('customer-row').first()).toContainText('<script>');
  expect(await page.locator('main img').count()).toBe(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(dialogs).toBe(0);
});

test('editing validates, records class changes and keeps the current note', async ({ page }) => {
  await createCustomer(page, { name: 'Olaf Otto', class: 'O' });
  await page.getByTestId('customer-name').fill('');
  await page.getByTestId('customer-revenue').fill('viel');
  await page.getByTestId('customer-save').click();
  await expect(page.getByTestId('form-errors')).toContainText('Namen');
  await expect(page.getByTestId('form-errors')).toContainText('Umsatz');
  await page.getByTestId('customer-name').fill('Olaf Otto');
  await page.getByTestId('customer-revenue').fill('4.200');
  await page.getByTestId('customer-class').selectOption('B');
  await page.getByTestId('customer-class-reason').fill('Zweitvertrag abgeschlossen');
  await page.getByTestId('note-hook').selectOption('promotion');
  await page.getByTestId('note-text').fill('Frühjahrsaktion Hausrat');
  await page.getByTestId('note-valid-until').fill('2020-01-01');
  await page.getByTestId('customer-save').click();
  await expect(page.getByTestId('form-errors')).toContainText('Ablaufdatum');
  await page.getByTestId('note-valid-until').fill('2099-01-01');
  await page.getByTestId('customer-save').click();
  await expect(page.getByTestId('save-status')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('customer-file-class')).toContainText('B-Kunde');
  await expect(page.getByTestId('customer-file-note')).toContainText('Zeitlich begrenzte Aktion');
  await expect(page.getByTestId('customer-file-note')).toHaveAttribute('data-expired', 'false');
  await expect(page.getByTestId('customer-file-note')).toContainText('Frühjahrsaktion Hausrat');
  const change = page.locator('[data-testid="timeline-entry"][data-kind="class-change"]');
  await expect(change).toContainText('O → B');
  await expect(change).toContainText('Zweitvertrag abgeschlossen');
});

test('a logged contact appears in the timeline and survives a reload', async ({ page }) => {
  await createCustomer(page, { name: 'Berta Berg', class: 'B' });
  await page.getByTestId('contact-log-open').click();
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-form')).toContainText('Anlass');
  await page.getByTestId('contact-direction').selectOption('out');
  await page.getByTestId('contact-reason').fill('Angebot Berufsunfähigkeit');
  await page.getByTestId('contact-hook').selectOption('legal_change');
  await page.getByTestId('contact-result').selectOption('appointment');
  await page.getByTestId('contact-follow-up').fill('2099-03-01');
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-form')).toHaveCount(0);
  await page.reload();
  const entry = page.locator('[data-testid="timeline-entry"][data-kind="contact"]');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Angebot Berufsunfähigkeit');
  await expect(entry).toContainText('Termin vereinbart');
  await expect(entry).toContainText('Gesetzliche Änderung');
  await expect(entry).toContainText('Wiedervorlage 01.03.2099');
});

test('deleting asks first and can be undone', async ({ page }) => {
  const id = await createCustomer(page, { name: 'Doris Delete' });
  await page.getByTestId('customer-delete').click();
  await expect(page.getByTestId('delete-confirm-panel')).toContainText('Doris Delete');
  await page.getByTestId('customer-delete-confirm').click();
  await expect(page).toHaveURL(/\/kunden$/);
  await expect(page.locator(`[data-customer-id="${id}"]`)).toHaveCount(0);
  await page.getByTestId('undo').click();
  await expect(page.locator(`[data-testid="customer-row"][data-customer-id="${id}"]`)).toBeVisible();
  await page.reload();
  await expect(page.locator(`[data-testid="customer-row"][data-customer-id="${id}"]`)).toBeVisible();
});

test('every screen of the product is reachable and built', async ({ page }) => {
  await openApp(page);
  for (const nav of [
    'nav-call', 'nav-outreach', 'nav-playbook', 'nav-practice',
    'nav-data', 'nav-settings', 'nav-customers', 'nav-board',
  ]) {
    await page.getByTestId(nav).click();
    await expect(page.getByTestId(nav)).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('h1').first()).toBeVisible();
    await expect(page.getByTestId('not-built')).toHaveCount(0);
  }
  await page.goto('/gibt-es-nicht');
  await expect(page.getByTestId('not-built')).toBeVisible();
});

test('an expired hook is shown as expired', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => {
    localStorage.setItem('kb:meta', '{"schema":1}');
    localStorage.setItem('kb:c:001', JSON.stringify([{
      id: 1, rev: 1, created: '2025-01-01',
      fields: {
        name: 'Ernst Abgelaufen', class: 'B', revenue_cents: 0,
        current_note: { written: '2025-01-01', hook: 'TimeLimitedPromotion', text: 'Winteraktion', valid_until: '2025-02-01' },
      },
    }]));
  });
  await page.goto('/kunden/1');
  const note = page.getByTestId('customer-file-note');
  await expect(note).toHaveAttribute('data-expired', 'true');
  await expect(note).toContainText('abgelaufen seit');
  await expect(note).toContainText('01.02.2025');
});

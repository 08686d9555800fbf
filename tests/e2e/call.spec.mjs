import { test, expect } from '@playwright/test';
import { plantCustomers } from './helpers.mjs';

const CUSTOMERS = [
  {
    id: 21, name: 'Berta Brandt', company: 'Brandt Hausverwaltung', class: 'B', revenue: 4000, potential: true,
    phones: ['+49 171 2345678'], number: 'K-0021',
    note: { hook: 'LegalChange', text: 'Neue Heizungsregeln ab Januar', valid_until: '2099-12-31' },
  },
  { id: 22, name: 'Otto Olbrich', class: 'O', revenue: 0, phones: ['030 9876543'], number: 'K-0022' },
  { id: 23, name: 'Jana Müller', class: 'A', revenue: 20000, phones: ['0221 55555'], number: 'K-0023' },
];

const PLAYBOOK = [
  { class: 'B', hook: 'LegalChange', text: 'Schön, dass Sie anrufen – zur neuen Regelung habe ich gerade etwas für Sie vermerkt.' },
  { class: 'B', hook: 'LegalChange', status: 'Proposed', text: 'Entwurf, nicht verbindlich.' },
  { class: 'B', hook: 'ExtraBenefit', text: 'Ich habe einen Vorschlag mit Zusatznutzen für Sie.' },
  { class: 'O', hook: 'ComprehensiveConsultation', text: 'Darf ich Ihnen eine Rundum-Beratung anbieten?' },
];

test('pressing / on the board opens the lookup, and Ctrl+K does too', async ({ page }) => {
  await plantCustomers(page, CUSTOMERS, PLAYBOOK);
  await page.keyboard.press('/');
  await expect(page).toHaveURL(/\/anruf$/);
  await expect(page.getByTestId('call-search')).toBeFocused();
  await page.getByTestId('nav-board').click();
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('call-search')).toBeFocused();
});

test('typing 0171/2345678 finds the customer stored as +49 171 2345678, class first', async ({ page }) => {
  await plantCustomers(page, CUSTOMERS, PLAYBOOK);
  await page.keyboard.press('/');
  await page.getByTestId('call-search').pressSequentially('0171/2345678');
  const result = page.getByTestId('call-result');
  await expect(result).toHaveCount(1);
  await expect(result).toHaveAttribute('data-customer-id', '21');
  await page.keyboard.press('Enter');
  const card = page.getByTestId('call-card');
  await expect(card).toHaveAttribute('data-class', 'B');
  const order = await card.evaluate((el) =>
    [...el.querySelectorAll('[data-testid]')].map((n) => n.dataset.testid).filter((id) => id.startsWith('call-')));
  expect(order[0]).toBe('call-class-badge');
  expect(order.indexOf('call-note')).toBeLessThan(order.indexOf('call-opening-line'));
  await expect(page.getByTestId('call-class-badge')).toContainText('B');
  await expect(page.getByTestId('call-hook')).toHaveText('Gesetzliche Änderung');
  const line = page.getByTestId('call-opening-line');
  await expect(line).toHaveAttribute('data-match', 'exact');
  await expect(line).toContainText('zur neuen Regelung habe ich gerade etwas');
});

test('names fold umlauts, arrow keys pick, and the nearest line is labelled', async ({ page }) => {
  await plantCustomers(page, CUSTOMERS, PLAYBOOK);
  await page.goto('/anruf');
  await page.getByTestId('call-search').fill('mueller');
  await expect(page.getByTestId('call-result')).toHaveCount(1);
  // Several results: down, down, up picks the second one listed.
  await page.getByTestId('call-search').fill('r');
  await expect(page.getByTestId('call-result')).toHaveCount(3);
  const listed = await page.getByTestId('call-result').evaluateAll((els) => els.map((e) => e.dataset.customerId));
  await page.getByTestId('call-search').press('ArrowDown');
  await page.getByTestId('call-search').press('ArrowDown');
  await page.getByTestId('call-search').press('ArrowUp');
  await page.getByTestId('call-search').press('Enter');
  await expect(page.getByTestId('call-card')).toHaveAttribute('data-customer-id', listed[1]);
  await page.getByTestId('call-search').fill('olbrich');
  await page.getByTestId('call-search').press('ArrowDown');
  await page.getByTestId('call-search').press('Enter');
  await expect(page.getByTestId('call-card')).toHaveAttribute('data-customer-id', '22');
  await expect(page.getByTestId('call-note')).toHaveCount(0);
  await expect(page.getByTestId('call-opening-line')).toHaveAttribute('data-match', 'class');
  await page.getByTestId('call-search').fill('K-0023');
  await page.getByTestId('call-search').press('Enter');
  await expect(page.getByTestId('call-card')).toHaveAttribute('data-class', 'A');
  await expect(page.getByTestId('call-opening-line')).toHaveAttribute('data-match', 'any');
});

test('without any agreed line the card offers to write one', async ({ page }) => {
  await plantCustomers(page, CUSTOMERS, []);
  await page.goto('/anruf');
  await page.getByTestId('call-search').fill('Brandt');
  await page.getByTestId('call-search').press('Enter');
  const line = page.getByTestId('call-opening-line');
  await expect(line).toHaveAttribute('data-match', 'none');
  await expect(line.getByRole('link')).toHaveAttribute('href', '/leitfaden');
});

test('logging a refused call adds it to the timeline and survives a reload', async ({ page }) => {
  await plantCustomers(page, CUSTOMERS, PLAYBOOK);
  await page.goto('/anruf');
  await page.getByTestId('call-search').fill('Brandt');
  await page.getByTestId('call-result').first().click();
  await expect(page.getByTestId('call-log-hook')).toHaveValue('legal_change');
  await page.getByTestId('call-log-reason').fill('Rückfrage zur Heizung');
  await page.getByTestId('call-log-result').selectOption('refused');
  await page.getByTestId('call-log-followup').fill('2099-02-01');
  await page.getByTestId('call-log-save').click();
  await expect(page.getByTestId('call-recent-contact').first()).toContainText('Rückfrage zur Heizung');
  await expect(page.getByTestId('call-used-hook').first()).toContainText('Gesetzliche Änderung');
  await page.goto('/kunden/21');
  await page.reload();
  const entry = page.locator('[data-testid="timeline-entry"][data-kind="contact"]').first();
  await expect(entry).toContainText('Rückfrage zur Heizung');
  await expect(entry).toContainText('abgelehnt');
  await expect(entry).toContainText('eingehend');
});

test('an unknown number creates an O customer with the number filled in', async ({ page }) => {
  await plantCustomers(page, CUSTOMERS, PLAYBOOK);
  await page.goto('/anruf');
  await page.getByTestId('call-search').fill('0176 1112223');
  await expect(page.getByTestId('call-result')).toHaveCount(0);
  await page.getByTestId('call-create-unknown').click();
  await expect(page.getByTestId('customer-phone')).toHaveValue('0176 1112223');
  await expect(page.getByTestId('customer-class')).toHaveValue('O');
  await page.getByTestId('customer-name').fill('Neuer Anrufer');
  await page.getByTestId('customer-save').click();
  await expect(page.getByTestId('customer-file-class')).toContainText('O-Kunde');
  await page.goto('/anruf');
  await page.getByTestId('call-search').fill('+49 176 111 22 23');
  await expect(page.getByTestId('call-result')).toContainText('Neuer Anrufer');
});

test('the starter playbook is there on a first start', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('nav-customers').click();
  await page.getByTestId('customer-new').click();
  await page.getByTestId('customer-name').fill('Erste Kundin');
  await page.getByTestId('customer-class').selectOption('B');
  await page.getByTestId('customer-save').click();
  await page.goto('/anruf');
  await page.getByTestId('call-search').fill('Erste');
  await page.getByTestId('call-search').press('Enter');
  await expect(page.getByTestId('call-opening-line')).toHaveAttribute('data-match', 'class');
});

test('a / typed into a text field stays in the field', async ({ page }) => {
  await plantCustomers(page, CUSTOMERS, PLAYBOOK);
  await page.goto('/kunden/21');
  await page.getByTestId('customer-notes').fill('');
  await page.getByTestId('customer-notes').press('/');
  await expect(page).toHaveURL(/\/kunden\/21$/);
  await expect(page.getByTestId('customer-notes')).toHaveValue('/');
});

test('a logged call appears in another tab without a reload', async ({ page, context }) => {
  await plantCustomers(page, CUSTOMERS, PLAYBOOK);
  const other = await context.newPage();
  await other.goto('/kunden/22');
  await expect(other.getByTestId('customer-file-name')).toHaveText('Otto Olbrich');
  await page.goto('/anruf');
  await page.getByTestId('call-search').fill('Olbrich');
  await page.getByTestId('call-search').press('Enter');
  await page.getByTestId('call-log-reason').fill('Frage zur Rechnung');
  await page.getByTestId('call-log-save').click();
  await expect(other.locator('[data-testid="timeline-entry"][data-kind="contact"]')).toContainText('Frage zur Rechnung');
});

test('the lookup narrows while typing, widens again on Backspace, and finds a customer another tab added meanwhile', async ({ page, context }) => {
  await plantCustomers(page, CUSTOMERS, PLAYBOOK);
  await page.goto('/anruf');
  const search = page.getByTestId('call-search');
  const ids = () => page.getByTestId('call-result').evaluateAll((rows) => rows.map((r) => r.dataset.customerId));
  await search.pressSequentially('br');
  await expect(page.getByTestId('call-results')).toHaveAttribute('data-query', 'br');
  // "br" is in Berta Brandt and Otto Olbrich; "bra" only in Brandt.
  await expect.poll(ids).toEqual(['21', '22']);
  await search.press('a');
  await expect.poll(ids).toEqual(['21']);
  await search.press('Backspace');
  await expect.poll(ids).toEqual(['21', '22']);

  const other = await context.newPage();
  await other.goto('/kunden/neu');
  await other.getByTestId('customer-name').fill('Brigitte Braun');
  await other.getByTestId('customer-save').click();
  await expect(other).toHaveURL(/\/kunden\/\d+$/);
  await page.bringToFront();
  // The query only grows from "br" to "bra", yet the new customer is not among the last hits.
  await search.press('a');
  await expect(page.getByTestId('call-result').filter({ hasText: 'Brigitte Braun' })).toHaveCount(1);
  await expect(page.getByTestId('call-result')).toHaveCount(2);
});

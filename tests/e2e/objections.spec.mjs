// Objections (Einwände): the team's agreed answers one key away on the call card, noted
// with the call, warned about when heard again, written in the playbook and rehearsed.
import { test, expect } from '@playwright/test';
import { openApp, plantCustomers } from './helpers.mjs';

const EVERYONE = { objection: { all_classes: true, any_hook: true } };
const FOR_CLASS = { objection: { all_classes: false, any_hook: true } };

const CUSTOMERS = [
  {
    id: 51, name: 'Berta Brandt', class: 'B', revenue: 4000, phones: ['0171 2345678'],
    note: { hook: 'LegalChange', text: 'Neue Heizungsregeln ab Januar', valid_until: '2099-12-31' },
  },
  { id: 52, name: 'Otto Olbrich', class: 'O', revenue: 100, phones: ['030 9876543'] },
  {
    id: 53, name: 'Bruno Bauer', class: 'B', revenue: 3000,
    contacts: [{ daysAgo: 12, direction: 'Inbound', result: 'Refused', reason: 'Rückruf wegen Hausrat', objection: 9100 }],
  },
];

const PLAYBOOK = [
  { class: 'B', hook: 'LegalChange', text: 'Schön, dass Sie anrufen – zu teuer wird es mit uns nicht.' },
  { id: 9100, kind: FOR_CLASS, class: 'B', title: 'Zu teuer', customerLine: 'Das ist mir zu teuer.',
    text: 'Lassen Sie uns in einem kurzen Termin nachrechnen, was der Baustein im Monat wirklich kostet.' },
  { id: 9101, kind: FOR_CLASS, class: 'O', title: 'Zu teuer', customerLine: 'Mehr Geld gebe ich nicht aus.',
    text: 'Gerade deshalb lohnt sich ein Rundum-Blick: gebündelt habe ich mehr Spielraum beim Preis.' },
  { id: 9102, kind: EVERYONE, title: 'Kein Interesse', customerLine: 'Danke, kein Interesse.',
    text: 'Das verstehe ich gut. Darf ich Ihnen in einem Satz sagen, was Sie davon hätten?' },
  { id: 9103, kind: EVERYONE, title: 'Teuer geworden', customerLine: 'Alles ist so teuer geworden, für Gebühren zahle ich genug.',
    text: 'Genau darum schauen wir gemeinsam, wo Sie sparen können, ohne auf Schutz zu verzichten.' },
  { id: 9104, kind: EVERYONE, status: 'Proposed', title: 'Viel zu teuer', text: 'Entwurf, noch nicht verbindlich.' },
];

async function openCard(page, name) {
  await page.goto('/anruf');
  await page.getByTestId('call-search').fill(name);
  await page.getByTestId('call-search').press('Enter');
  await expect(page.getByTestId('call-card')).toBeVisible();
}

function germanDate(daysAgo) {
  const d = new Date(Date.now() - daysAgo * 86_400_000);
  return `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`;
}

test('on a call card, typing "teuer" finds the "Zu teuer" answer for the caller’s class first', async ({ page }) => {
  await plantCustomers(page, CUSTOMERS, PLAYBOOK);
  await openCard(page, 'Brandt');
  const search = page.getByTestId('objection-search');
  await expect(search).toHaveAccessibleName(/Einwand/);
  await expect(page.getByTestId('objection-answer')).toHaveCount(0);
  await search.fill('teuer');
  const items = page.getByTestId('objection-item');
  // Agreed objections only: the proposal and the opening line mentioning "teuer" stay out.
  await expect(items).toHaveCount(3);
  expect(await items.evaluateAll((els) => els.map((e) => e.dataset.lineId))).toEqual(['9100', '9103', '9101']);
  await expect(items.nth(2)).toContainText('für andere Kunden');
  const answer = page.getByTestId('objection-answer');
  await expect(answer).toHaveAttribute('data-line-id', '9100');
  await expect(answer).toContainText('Zu teuer');
  await expect(answer).toContainText('in einem kurzen Termin nachrechnen');
  await expect(answer).toContainText('Das ist mir zu teuer.');
  // Case and umlaut spelling fold as in the caller lookup; the customer's words count too.
  await search.fill('KEIN interesse');
  await expect(items).toHaveCount(1);
  await expect(answer).toHaveAttribute('data-line-id', '9102');
  await search.fill('gebuehren');
  await expect(items).toHaveCount(1);
  await expect(answer).toHaveAttribute('data-line-id', '9103');
  // An O caller sees the O answer first.
  await openCard(page, 'Olbrich');
  await page.getByTestId('objection-search').fill('teuer');
  await expect(page.getByTestId('objection-answer')).toContainText('Rundum-Blick');
});

test('arrow keys pick the second of several answers, and the key E reaches the field', async ({ page }) => {
  await plantCustomers(page, CUSTOMERS, PLAYBOOK);
  await openCard(page, 'Brandt');
  // Focus is still in the caller lookup: an E typed there is a letter, not the shortcut.
  await page.keyboard.press('e');
  await expect(page.getByTestId('call-search')).toHaveValue('Brandte');
  await expect(page.getByTestId('objection-search')).not.toBeFocused();
  await page.getByTestId('call-card').locator('h2').click();
  await page.keyboard.press('e');
  const search = page.getByTestId('objection-search');
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('');
  await page.keyboard.type('teuer');
  const answer = page.getByTestId('objection-answer');
  await expect(answer).toHaveAttribute('data-line-id', '9100');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(answer).toHaveAttribute('data-line-id', '9103');
  await expect(answer).toContainText('wo Sie sparen können');
  const second = page.locator('[data-testid="objection-item"][data-line-id="9103"]');
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await expect(search).toHaveAttribute('aria-activedescendant', 'objection-9103');
  // The picked answer stays while the field is cleared, and the log preselects it.
  await search.fill('');
  await expect(answer).toHaveAttribute('data-line-id', '9103');
  await expect(page.getByTestId('call-log-objection')).toHaveValue('9103');
  // Typing in another field keeps the E there.
  await page.getByTestId('call-log-reason').fill('');
  await page.getByTestId('call-log-reason').press('e');
  await expect(page.getByTestId('call-log-reason')).toHaveValue('e');
  await expect(page.getByTestId('call-log-reason')).toBeFocused();
});

test('an objection noted with the call shows in the timeline after a reload', async ({ page }) => {
  await plantCustomers(page, CUSTOMERS, PLAYBOOK);
  await openCard(page, 'Brandt');
  await expect(page.getByTestId('call-log-objection')).toHaveValue('');
  await page.getByTestId('objection-search').fill('teuer');
  await page.getByTestId('objection-search').press('Enter');
  const noted = page.getByTestId('call-log-objection');
  await expect(noted).toHaveValue('9100');
  await page.getByTestId('call-log-reason').fill('Frage zur Heizung');
  await page.getByTestId('call-log-result').selectOption('refused');
  await page.getByTestId('call-log-save').click();
  await expect(page.getByTestId('call-recent-contact').first()).toContainText('Frage zur Heizung');
  // The answer was used; the card is ready for the next objection.
  await expect(page.getByTestId('objection-answer')).toHaveCount(0);
  await expect(noted).toHaveValue('');
  await page.goto('/kunden/51');
  await page.reload();
  const entry = page.locator('[data-testid="timeline-entry"][data-kind="contact"]').first();
  await expect(entry).toContainText('Frage zur Heizung');
  await expect(entry.getByTestId('timeline-objection')).toHaveText('Einwand: Zu teuer');
  await expect(entry.getByTestId('timeline-objection')).toHaveAttribute('data-line-id', '9100');
});

test('an objection heard before is named with its date in the call log and before an outbound contact', async ({ page }) => {
  await plantCustomers(page, CUSTOMERS, PLAYBOOK);
  const heard = `Einwand „Zu teuer“ schon am ${germanDate(12)} gehört`;
  await openCard(page, 'Bauer');
  await expect(page.getByTestId('objection-warning')).toHaveCount(0);
  await page.getByTestId('call-log-objection').selectOption('9102');
  await expect(page.getByTestId('objection-warning')).toHaveCount(0);
  await page.getByTestId('call-log-objection').selectOption('9100');
  await expect(page.getByTestId('objection-warning')).toContainText(heard);
  await page.getByTestId('objection-search').fill('teuer');
  await expect(page.getByTestId('objection-warning')).toHaveAttribute('data-line-id', '9100');

  await page.goto('/kunden/53');
  await page.getByTestId('plan-contact-open').click();
  const warning = page.getByTestId('plan-form').getByTestId('objection-warning');
  await expect(warning).toContainText(heard);
  await page.goto('/kunden/53');
  await page.getByTestId('contact-log-open').click();
  await expect(page.getByTestId('contact-form').getByTestId('objection-warning')).toHaveCount(0);
  await page.getByTestId('contact-direction').selectOption('out');
  await expect(page.getByTestId('contact-form').getByTestId('objection-warning')).toContainText(heard);
});

test('an objection is written in the playbook editor and answered on the call card', async ({ page }) => {
  await plantCustomers(page, CUSTOMERS, PLAYBOOK.slice(0, 1));
  await page.goto('/leitfaden');
  await page.getByTestId('playbook-new').click();
  await expect(page.getByTestId('playbook-direction')).toBeVisible();
  await page.getByTestId('playbook-kind').selectOption('objection');
  await expect(page.getByTestId('playbook-direction')).toHaveCount(0);
  await expect(page.getByTestId('playbook-editor')).toContainText('Vereinbarte Antwort');
  await page.getByTestId('playbook-class').selectOption('');
  await page.getByTestId('playbook-hook').selectOption('');
  await page.getByTestId('playbook-title').fill('Keine Zeit');
  await page.getByTestId('playbook-customer-line').fill('Ich habe gerade überhaupt keine Zeit.');
  await page.getByTestId('playbook-text').fill('Dann will ich Sie nicht aufhalten. Wann erreiche ich Sie besser, morgen früh oder am Nachmittag?');
  await page.getByTestId('playbook-agreed').check();
  await page.getByTestId('playbook-save').click();
  const line = page.locator('[data-testid="playbook-line"][data-kind="objection"]');
  await expect(line).toHaveCount(1);
  await expect(line).toHaveAttribute('data-class', 'all');
  await expect(line).toHaveAttribute('data-hook', 'any');
  await expect(line).toHaveAttribute('data-status', 'agreed');
  await expect(line).toContainText('Einwand');
  await expect(line).toContainText('alle Klassen · jeder Aufhänger');
  await expect(page.locator('[data-testid="playbook-line"][data-kind="opening"]')).toContainText('Eröffnungssatz');
  // A filter shows what was written for its value: an objection for every class only
  // without a class filter.
  await page.getByTestId('playbook-filter-class').selectOption('B');
  await expect(line).toHaveCount(0);
  await page.getByTestId('playbook-filter-class').selectOption('');
  await expect(line).toHaveCount(1);
  await page.reload();
  await line.getByTestId('playbook-edit').click();
  await expect(page.getByTestId('playbook-kind')).toHaveValue('objection');
  await expect(page.getByTestId('playbook-class')).toHaveValue('');
  await page.getByTestId('playbook-class').selectOption('B');
  await page.getByTestId('playbook-save').click();
  await expect(line).toHaveAttribute('data-class', 'B');
  await expect(line).toContainText('Version 1');

  await openCard(page, 'Brandt');
  await page.getByTestId('objection-search').fill('zeit');
  await expect(page.getByTestId('objection-answer')).toContainText('Wann erreiche ich Sie besser');
});

test('an objection is rehearsed with a typed answer, scored, rated and crammed', async ({ page }) => {
  await plantCustomers(page, CUSTOMERS, PLAYBOOK.slice(1, 2));
  await openApp(page, '/ueben');
  await page.getByTestId('trainee-name').fill('Anna');
  await page.getByTestId('trainee-new').click();
  await page.getByTestId('practice-start').click();
  const prompt = page.getByTestId('practice-prompt');
  await expect(prompt).toHaveAttribute('data-kind', 'objection');
  await expect(prompt).toHaveAttribute('data-line-id', '9100');
  await expect(prompt).toContainText('Kunde wendet ein:');
  await expect(prompt).toContainText('„Das ist mir zu teuer.“');
  await expect(prompt).toContainText('Einwand · B-Kunden · jeder Aufhänger');
  await expect(page.getByTestId('practice-agreed-line')).toHaveCount(0);
  await page.getByTestId('practice-answer').fill('Lassen Sie uns in einem Termin nachrechnen, was es kostet');
  await page.getByTestId('practice-reveal').click();
  await expect(page.getByTestId('practice-agreed-line')).toHaveText(PLAYBOOK[1].text);
  const score = page.getByTestId('practice-score');
  const similarity = Number(await score.getAttribute('data-similarity'));
  expect(similarity).toBeGreaterThan(30);
  expect(similarity).toBeLessThan(100);
  await expect(page.locator('[data-testid="practice-diff"] .word-missing').first()).toBeVisible();
  await page.getByTestId('practice-rate-good').click();
  await expect(page.getByTestId('practice-done')).toContainText('1 Satz geübt');
  await page.getByTestId('practice-tab-progress').click();
  await expect(page.getByTestId('progress-trainee')).toHaveAttribute('data-repetitions', '1');
  // Rated good, it is not due again today; cram takes it anyway.
  await page.reload();
  await page.getByTestId('practice-tab-rehearse').click();
  await page.getByTestId('practice-start').click();
  await expect(page.getByTestId('practice-done')).toContainText('nichts fällig');
  await page.getByTestId('practice-cram-class').selectOption('B');
  await page.getByTestId('practice-cram').click();
  await expect(prompt).toHaveAttribute('data-mode', 'cram');
  await expect(prompt).toHaveAttribute('data-kind', 'objection');
  await page.getByTestId('practice-reveal').click();
  await page.keyboard.press('3');
  await expect(page.getByTestId('practice-done')).toContainText('1 Satz geübt');
});

test('a playbook begun before objections takes over the starter objections', async ({ page }) => {
  await plantCustomers(page, CUSTOMERS, PLAYBOOK.slice(0, 1));
  await page.goto('/leitfaden');
  await page.getByTestId('playbook-starter-objections').click();
  await expect(page.getByTestId('notice')).toContainText('Einwände übernommen');
  await expect(page.getByTestId('playbook-starter-objections')).toHaveCount(0);
  const objections = page.locator('[data-testid="playbook-line"][data-kind="objection"]');
  expect(await objections.count()).toBeGreaterThanOrEqual(8);
  await expect(objections.filter({ hasText: 'Kein Interesse' })).toHaveCount(1);
  const count = await objections.count();
  await page.reload();
  await expect(objections).toHaveCount(count);
});

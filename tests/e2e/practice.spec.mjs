// Practice phase: rehearsal with FSRS, cram, the class-glance drill, group sessions,
// progress per trainee; and the playbook's team exchange and print view.
import { test, expect } from '@playwright/test';
import { openApp } from './helpers.mjs';

async function addTrainee(page, name) {
  await page.getByTestId('trainee-name').fill(name);
  await page.getByTestId('trainee-new').click();
  await expect(page.locator('[data-testid="trainee-select"] option:checked')).toHaveText(name);
}

async function openPractice(page) {
  await openApp(page, '/ueben');
  await expect(page.getByTestId('trainee-select')).toBeVisible();
}

async function rehearseOnce(page, rating = 'good', answer = '') {
  const prompt = page.getByTestId('practice-prompt');
  await expect(prompt).toBeVisible();
  const lineId = await prompt.getAttribute('data-line-id');
  if (answer) await page.getByTestId('practice-answer').fill(answer);
  await page.getByTestId('practice-reveal').click();
  await page.getByTestId(`practice-rate-${rating}`).click();
  return lineId;
}

async function progressOf(page, name) {
  await page.getByTestId('practice-tab-progress').click();
  return page.getByTestId('progress-trainee').filter({ has: page.getByRole('heading', { name }) });
}

test('a new line marked agreed appears in practice', async ({ page }) => {
  await openApp(page, '/leitfaden');
  await page.getByTestId('playbook-new').click();
  await page.getByTestId('playbook-class').selectOption('O');
  await page.getByTestId('playbook-title').fill('Neukunde ruft an');
  await page.getByTestId('playbook-text').fill('Wie schön, dass Sie uns gefunden haben – darf ich Ihnen kurz zeigen, was wir für Sie tun können?');
  await page.getByTestId('playbook-customer-line').fill('Ich habe Ihre Anzeige gesehen.');
  await page.getByTestId('playbook-agreed').check();
  await page.getByTestId('playbook-save').click();
  const line = page.getByTestId('playbook-line').filter({ hasText: 'Neukunde ruft an' });
  await expect(line).toHaveAttribute('data-status', 'agreed');
  const id = await line.getAttribute('data-line-id');

  await page.getByTestId('nav-practice').click();
  await addTrainee(page, 'Anna');
  await page.getByTestId('practice-start').click();
  const prompt = page.getByTestId('practice-prompt');
  await expect(prompt).toHaveAttribute('data-line-id', id);
  await expect(prompt).toContainText('Ich habe Ihre Anzeige gesehen.');
  await expect(prompt.locator('.class-badge')).toHaveText('O');
});

test('a typed rehearsal shows the word diff and score, and a rating reschedules the line', async ({ page }) => {
  await openPractice(page);
  await addTrainee(page, 'Anna');
  await page.getByTestId('practice-start').click();
  const prompt = page.getByTestId('practice-prompt');
  const lineId = await prompt.getAttribute('data-line-id');
  await page.getByTestId('practice-answer').fill('Gut dass Sie sich melden, ich habe heute einen Vorschlag für Sie');
  await page.getByTestId('practice-reveal').click();
  const agreed = await page.getByTestId('practice-agreed-line').textContent();
  expect(agreed.length).toBeGreaterThan(40);
  const score = page.getByTestId('practice-score');
  await expect(score).toBeVisible();
  const similarity = Number(await score.getAttribute('data-similarity'));
  expect(similarity).toBeGreaterThan(0);
  expect(similarity).toBeLessThan(100);
  await expect(score).toContainText(`${similarity} %`);
  await expect(page.locator('[data-testid="practice-diff"] .word-missing').first()).toBeVisible();
  await expect(page.locator('[data-testid="practice-diff"] .word-extra').first()).toBeVisible();
  // The preview under each rating shows FSRS's next interval: Again sooner than Easy.
  await expect(page.getByTestId('practice-rate-again')).toContainText('Min.');
  await expect(page.getByTestId('practice-rate-easy')).toContainText('Tag');
  await page.getByTestId('practice-rate-good').click();
  await expect(prompt).not.toHaveAttribute('data-line-id', lineId);
  // Rated Good, the line is no longer due: a fresh round starts with another one.
  await page.reload();
  await page.getByTestId('practice-start').click();
  await expect(page.getByTestId('practice-prompt')).toBeVisible();
  await expect(page.getByTestId('practice-prompt')).not.toHaveAttribute('data-line-id', lineId);
  const anna = await progressOf(page, 'Anna');
  await expect(anna).toHaveAttribute('data-repetitions', '1');
});

test('an identical typed answer scores 100 %, keys 1–4 rate, and cram repeats what did not sit', async ({ page }) => {
  const text = 'Guten Tag, schön dass Sie anrufen – wie kann ich helfen?';
  await openApp(page, '/leitfaden');
  await page.getByTestId('playbook-new').click();
  await page.getByTestId('playbook-class').selectOption('C');
  await page.getByTestId('playbook-title').fill('C-Kunde ruft an');
  await page.getByTestId('playbook-text').fill(text);
  await page.getByTestId('playbook-agreed').check();
  await page.getByTestId('playbook-save').click();
  await page.getByTestId('nav-practice').click();
  await addTrainee(page, 'Anna');
  await page.getByTestId('practice-cram-class').selectOption('C');
  await page.getByTestId('practice-cram').click();
  await page.getByTestId('practice-answer').fill(text.toLowerCase());
  await page.getByTestId('practice-reveal').click();
  await expect(page.getByTestId('practice-agreed-line')).toHaveText(text);
  await expect(page.getByTestId('practice-score')).toHaveAttribute('data-similarity', '100');
  await page.keyboard.press('1');
  // "Again" in cram brings the line back at the end of the round.
  await expect(page.getByTestId('practice-prompt')).toContainText('noch 1');
  await page.getByTestId('practice-reveal').click();
  await page.keyboard.press('3');
  await expect(page.getByTestId('practice-done')).toContainText('2 Sätze geübt');
  const anna = await progressOf(page, 'Anna');
  await expect(anna).toHaveAttribute('data-repetitions', '2');
});

test('cram repeats chosen lines without scheduling them', async ({ page }) => {
  await openPractice(page);
  await addTrainee(page, 'Anna');
  await page.getByTestId('practice-cram-class').selectOption('B');
  await page.getByTestId('practice-cram').click();
  const prompt = page.getByTestId('practice-prompt');
  await expect(prompt).toHaveAttribute('data-mode', 'cram');
  await expect(prompt.locator('.class-badge')).toHaveText('B');
  const crammed = await rehearseOnce(page, 'easy');
  // Still new to the schedule: a scheduled round offers the crammed line as a new card.
  await page.getByTestId('practice-include-proposed').check();
  await page.getByTestId('practice-start').click();
  const seen = [];
  for (let i = 0; i < 25; i++) {
    const p = page.getByTestId('practice-prompt');
    if (!(await p.isVisible())) break;
    seen.push(await rehearseOnce(page, 'good'));
  }
  expect(seen).toContain(crammed);
});

/** The line ids a scheduled round offers, in order, rated "good" one after another. */
async function scheduledRound(page) {
  await page.getByTestId('practice-tab-rehearse').click();
  await page.getByTestId('practice-start').click();
  const seen = [];
  for (let i = 0; i < 15; i++) {
    const prompt = page.getByTestId('practice-prompt');
    await expect(prompt.or(page.getByTestId('practice-done'))).toBeVisible();
    if (!(await prompt.isVisible())) break;
    seen.push(await rehearseOnce(page, 'good'));
  }
  return seen;
}

test('two trainees keep separate progress across a reload, and each has their own cards due', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-20T09:00:00') });
  await openPractice(page);
  await addTrainee(page, 'Anna');
  await page.getByTestId('practice-start').click();
  const annas = await rehearseOnce(page, 'good');
  await addTrainee(page, 'Ben');
  await page.getByTestId('practice-start').click();
  const bensAgain = await rehearseOnce(page, 'again');
  const bensEasy = await rehearseOnce(page, 'easy');
  // Both start with the same newest line: one line, two schedules.
  expect(bensAgain).toBe(annas);
  expect(bensEasy).not.toBe(annas);
  await page.reload();
  await expect(page.locator('[data-testid="trainee-select"] option:checked')).toHaveText('Ben');
  await expect(await progressOf(page, 'Anna')).toHaveAttribute('data-repetitions', '1');
  await expect(await progressOf(page, 'Ben')).toHaveAttribute('data-repetitions', '2');
  // FSRS brings a new card back after 1 minute for "again", 10 minutes for "good" and
  // days for "easy". Three minutes on, Ben's "again" card is due and comes first.
  await page.clock.fastForward('03:00');
  const bens = await scheduledRound(page);
  expect(bens[0]).toBe(bensAgain);
  expect(bens).not.toContain(bensEasy);
  // For Anna the same line, rated "good", is not due, and Ben's "easy" line is new to her.
  await page.getByTestId('trainee-select').selectOption({ label: 'Anna' });
  const annasRound = await scheduledRound(page);
  expect(annasRound).not.toContain(annas);
  expect(annasRound).toContain(bensEasy);
  await page.reload();
  await expect(page.locator('[data-testid="trainee-select"] option:checked')).toHaveText('Anna');
});

test('the drill records a correct class pick and line, with reaction time', async ({ page }) => {
  await openPractice(page);
  await addTrainee(page, 'Anna');
  await page.getByTestId('practice-tab-drill').click();
  await page.getByTestId('drill-start').click();
  const card = page.getByTestId('drill-card');
  const cls = await card.getAttribute('data-class');
  await page.getByTestId(`drill-class-${cls}`).click();
  await expect(page.getByTestId(`drill-class-${cls}`)).toHaveAttribute('aria-pressed', 'true');
  await expect(card).toHaveAttribute('data-covered', 'true');
  const options = page.getByTestId('drill-option');
  expect(await options.count()).toBeGreaterThanOrEqual(3);
  await page.locator(`[data-testid="drill-option"][data-class="${cls}"]`).click();
  await expect(page.getByTestId('drill-result')).toHaveAttribute('data-correct', 'true');
  await expect(card).toHaveAttribute('data-covered', 'false');
  // A wrong pick by keyboard: a class letter that is not the card's, then option 1.
  await page.getByTestId('drill-start').click();
  const next = await page.getByTestId('drill-card').getAttribute('data-class');
  const wrong = ['A', 'B', 'O', 'C'].find((c) => c !== next);
  await page.keyboard.press(wrong.toLowerCase());
  await expect(page.getByTestId(`drill-class-${wrong}`)).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('1');
  await expect(page.getByTestId('drill-result')).toHaveAttribute('data-correct', 'false');
  const anna = await progressOf(page, 'Anna');
  await expect(anna).toHaveAttribute('data-drill-rounds', '2');
  await expect(anna).toContainText('50 %');
  await page.reload();
  await expect(await progressOf(page, 'Anna')).toHaveAttribute('data-drill-rounds', '2');
});

test('a group session takes trainees in turn and sums up per trainee', async ({ page }) => {
  await openPractice(page);
  await addTrainee(page, 'Anna');
  await addTrainee(page, 'Ben');
  await page.getByTestId('practice-tab-session').click();
  await page.getByTestId('session-start').click();
  const view = page.getByTestId('session-view');
  await expect(view).toBeVisible();
  // A modal view: focus starts on the reveal button, and the page behind is inert.
  await expect(page.getByTestId('session-reveal')).toBeFocused();
  await expect(page.locator('main')).toHaveAttribute('inert', '');
  const turns = [];
  for (let round = 0; round < 3; round++) {
    turns.push(await page.getByTestId('session-turn').textContent());
    await expect(page.getByTestId('session-agreed-line')).toHaveCount(0);
    await page.getByTestId('session-reveal').click();
    await expect(page.getByTestId('session-agreed-line')).toBeVisible();
    await page.getByTestId(round === 1 ? 'session-mark-again' : 'session-mark-good').click();
    if (round < 2) await page.getByTestId('session-next').click();
  }
  expect(turns).toEqual(['Anna ist dran', 'Ben ist dran', 'Anna ist dran']);
  // Escape ends the projector view like the end button.
  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
  await expect(page.locator('main')).not.toHaveAttribute('inert', '');
  const summary = page.getByTestId('session-summary');
  await expect(summary).toBeVisible();
  await expect(summary.getByTestId('session-summary-row')).toHaveCount(2);
  await expect(summary.getByTestId('session-summary-row').first()).toContainText('Anna22');
  await expect(summary.getByTestId('session-summary-row').nth(1)).toContainText('Ben10');
});

test('a playbook export, imported into a fresh profile, shows the preview and applies the chosen changes', async ({ page, browser }) => {
  await openApp(page, '/leitfaden');
  await page.getByTestId('playbook-new').click();
  await page.getByTestId('playbook-title').fill('Teamvorschlag Rückruf');
  await page.getByTestId('playbook-text').fill('Danke für Ihren Rückruf – ich habe etwas Neues für Sie vorbereitet.');
  await page.getByTestId('playbook-agreed').check();
  await page.getByTestId('playbook-save').click();
  const edited = page.getByTestId('playbook-line').first();
  const editedId = await edited.getAttribute('data-line-id');
  await edited.getByTestId('playbook-edit').click();
  await page.getByTestId('playbook-text').fill('Ein ganz neu formulierter Einstieg für diese Situation.');
  await page.getByTestId('playbook-save').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('playbook-export').click(),
  ]);
  const file = await download.path();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await openApp(other, '/leitfaden');
  const before = await other.getByTestId('playbook-line').count();
  await other.getByTestId('playbook-import').setInputFiles(file);
  const preview = other.getByTestId('playbook-import-preview');
  await expect(preview).toBeVisible();
  await expect(preview.locator('[data-testid="playbook-import-change"][data-kind="added"]')).toHaveCount(1);
  const changed = preview.locator(`[data-testid="playbook-import-change"][data-kind="changed"][data-line-id="${editedId}"]`);
  await expect(changed).toHaveCount(1);
  await expect(changed.locator('.word-added').first()).toBeVisible();
  await expect(changed.locator('.word-removed').first()).toBeVisible();
  // Take only the added line.
  await changed.getByTestId('playbook-import-choice').uncheck();
  await other.getByTestId('playbook-import-apply').click();
  await expect(preview).toHaveCount(0);
  await expect(other.getByTestId('playbook-line')).toHaveCount(before + 1);
  await expect(other.getByTestId('playbook-line').filter({ hasText: 'Teamvorschlag Rückruf' })).toHaveAttribute('data-status', 'agreed');
  await expect(other.locator(`[data-testid="playbook-line"][data-line-id="${editedId}"]`)).not.toContainText('Ein ganz neu formulierter');
  // Importing again now shows the remaining change only; applying it takes the new text.
  await other.getByTestId('playbook-import').setInputFiles(file);
  await expect(preview.getByTestId('playbook-import-change')).toHaveCount(1);
  await other.getByTestId('playbook-import-apply').click();
  await other.reload();
  await expect(other.locator(`[data-testid="playbook-line"][data-line-id="${editedId}"]`)).toContainText('Ein ganz neu formulierter');
  await fresh.close();
});

test('a broken playbook file is refused with a clear message', async ({ page }) => {
  await openApp(page, '/leitfaden');
  await page.getByTestId('playbook-import').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"etwas","schema":1}') });
  await expect(page.getByTestId('storage-error')).toContainText('kein Klassenblick-Leitfaden');
  await expect(page.getByTestId('playbook-import-preview')).toHaveCount(0);
});

test('the print view renders every agreed line, grouped by situation', async ({ page }) => {
  await openApp(page, '/leitfaden');
  const agreedIds = await page.locator('[data-testid="playbook-line"][data-status="agreed"]').evaluateAll((els) => els.map((e) => e.dataset.lineId));
  expect(agreedIds.length).toBeGreaterThan(10);
  // A screen filter does not narrow the handout.
  await page.getByTestId('playbook-filter-class').selectOption('A');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('playbook-line').first()).toBeHidden();
  const printed = page.getByTestId('print-line');
  await expect(printed.first()).toBeVisible();
  const printedIds = await printed.evaluateAll((els) => els.map((e) => e.dataset.lineId));
  expect(printedIds.sort()).toEqual(agreedIds.sort());
  await expect(page.getByTestId('playbook-print-sheet').locator('h2').first()).toBeVisible();
  await expect(page.getByTestId('playbook-new')).toBeHidden();
});

test('a line with the team’s own hook kind is written, filtered by hook and practised', async ({ page }) => {
  await openApp(page, '/leitfaden');
  const total = await page.getByTestId('playbook-line').count();
  await page.getByTestId('playbook-new').click();
  await page.getByTestId('playbook-hook').selectOption('__custom');
  await page.getByTestId('playbook-hook-custom').fill('Firmenjubiläum');
  await page.getByTestId('playbook-title').fill('Jubiläum ansprechen');
  await page.getByTestId('playbook-text').fill('Herzlichen Glückwunsch zum Firmenjubiläum – dazu habe ich eine Idee für Sie.');
  await page.getByTestId('playbook-agreed').check();
  await page.getByTestId('playbook-save').click();
  const line = page.getByTestId('playbook-line').filter({ hasText: 'Jubiläum ansprechen' });
  await expect(line).toHaveAttribute('data-hook', 'custom:Firmenjubiläum');
  await page.getByTestId('playbook-filter-hook').selectOption('custom:Firmenjubiläum');
  await expect(page.getByTestId('playbook-line')).toHaveCount(1);
  await page.getByTestId('playbook-filter-hook').selectOption('legal_change');
  const legal = await page.getByTestId('playbook-line').evaluateAll((els) => els.map((e) => e.dataset.hook));
  expect(legal.length).toBeGreaterThan(1);
  expect(legal.length).toBeLessThan(total);
  expect(new Set(legal)).toEqual(new Set(['legal_change']));
  // Editing keeps the own hook.
  await page.getByTestId('playbook-filter-hook').selectOption('');
  await line.getByTestId('playbook-edit').click();
  await expect(page.getByTestId('playbook-hook-custom')).toHaveValue('Firmenjubiläum');
  await page.getByTestId('playbook-save').click();
  await expect(line).toHaveAttribute('data-hook', 'custom:Firmenjubiläum');
  await page.getByTestId('nav-practice').click();
  await addTrainee(page, 'Anna');
  await page.getByTestId('practice-start').click();
  await expect(page.getByTestId('practice-prompt')).toContainText('Firmenjubiläum');
});

test('an imported playbook does not remove our own lines unless asked to', async ({ page, browser }) => {
  await openApp(page, '/leitfaden');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('playbook-export').click()]);
  const file = await download.path();
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await openApp(other, '/leitfaden');
  await other.getByTestId('playbook-new').click();
  await other.getByTestId('playbook-title').fill('Nur bei mir');
  await other.getByTestId('playbook-text').fill('Eine Zeile, die die Datei nicht kennt.');
  await other.getByTestId('playbook-save').click();
  await other.getByTestId('playbook-import').setInputFiles(file);
  const removed = other.locator('[data-testid="playbook-import-change"][data-kind="removed"]');
  await expect(removed).toHaveCount(1);
  await expect(removed.getByTestId('playbook-import-choice')).not.toBeChecked();
  await expect(other.getByTestId('playbook-import-apply')).toBeDisabled();
  await removed.getByTestId('playbook-import-choice').check();
  await other.getByTestId('playbook-import-apply').click();
  await expect(other.getByTestId('playbook-line').filter({ hasText: 'Nur bei mir' })).toHaveCount(0);
  await fresh.close();
});

test('the drill teaches that a C customer gets no opening line', async ({ page }) => {
  await openPractice(page);
  await addTrainee(page, 'Anna');
  await page.getByTestId('practice-tab-drill').click();
  let found = false;
  for (let i = 0; i < 60 && !found; i++) {
    await page.getByTestId('drill-start').click();
    found = (await page.getByTestId('drill-card').getAttribute('data-class')) === 'C';
  }
  expect(found).toBe(true);
  await page.keyboard.press('c');
  await page.locator('[data-testid="drill-option"][data-line-id="none"]').click();
  await expect(page.getByTestId('drill-result')).toHaveAttribute('data-correct', 'true');
});

// The screen pop: a softphone, the FRITZ!Box bridge or a tel: link opens
// /anruf?nummer=<number>, and the caller's class is on screen before the phone is answered.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { plantCustomers } from './helpers.mjs';

const CUSTOMERS = [
  { id: 21, name: 'Berta Brandt', company: 'Brandt Hausverwaltung', class: 'B', revenue: 4000, phones: ['+49 171 2345678'] },
  { id: 22, name: 'Otto Olbrich', class: 'O', phones: ['030 9876543'] },
  { id: 23, name: 'Praxis Dr. Lang', class: 'A', revenue: 20000, phones: ['0221 55501'] },
  { id: 24, name: 'Lena Lang', class: 'C', phones: ['+49 221 55501', '0160 1111111'] },
  { id: 25, name: 'Lang Filiale', class: 'B', phones: ['0221 555012'] },
];

const FORMATS = ['+49 171 2345678', '0049 171 2345678', '0171/2345678', '01712345678', '(0171) 234-56 78'];

async function expectCardFirst(page, id, cls) {
  const card = page.getByTestId('call-card');
  await expect(card).toHaveAttribute('data-customer-id', String(id));
  await expect(card).toHaveAttribute('data-class', cls);
  const first = await card.evaluate((el) =>
    [...el.querySelectorAll('[data-testid]')].map((n) => n.dataset.testid).find((t) => t.startsWith('call-')));
  expect(first).toBe('call-class-badge');
  await expect(page.getByTestId('call-class-badge')).toContainText(cls);
}

test('every way of writing the number opens the card, class badge first, and the address is cleaned', async ({ page }) => {
  await plantCustomers(page, CUSTOMERS);
  for (const number of FORMATS) {
    await page.goto('/');
    await expect(page.getByTestId('nav-board')).toBeVisible();
    await page.goto(`/anruf?nummer=${encodeURIComponent(number)}`);
    await expectCardFirst(page, 21, 'B');
    await expect(page.getByTestId('call-incoming')).toHaveAttribute('data-number', number);
    await expect(page).toHaveURL(/\/anruf$/);
  }
  // A reload (or a bookmark of what the bar now shows) opens no old call.
  await page.reload();
  await expect(page.getByTestId('call-search')).toBeVisible();
  await expect(page.getByTestId('call-card')).toHaveCount(0);
  await expect(page.getByTestId('call-incoming')).toHaveCount(0);
});

test('a number several customers share lists them to pick from, a prefix of it does not', async ({ page }) => {
  await plantCustomers(page, CUSTOMERS);
  await page.goto('/anruf?nummer=0221%2055501');
  const picks = page.getByTestId('call-pick');
  await expect(picks).toHaveCount(2);
  expect(await picks.evaluateAll((els) => els.map((e) => e.dataset.customerId))).toEqual(['23', '24']);
  await expect(page.getByTestId('call-card')).toHaveCount(0);
  await picks.nth(1).focus();
  await page.keyboard.press('Enter');
  await expectCardFirst(page, 24, 'C');
  await picks.nth(0).click();
  await expectCardFirst(page, 23, 'A');
});

test('an unknown number offers a new O customer with the number filled in', async ({ page }) => {
  await plantCustomers(page, CUSTOMERS);
  await page.goto('/anruf?nummer=%2B49%2089%20123456');
  const incoming = page.getByTestId('call-incoming');
  await expect(incoming).toContainText('+49 89 123456');
  await expect(page.getByTestId('call-card')).toHaveCount(0);
  await incoming.getByTestId('call-create-unknown').click();
  await expect(page).toHaveURL(/\/kunden\/neu/);
  await expect(page.getByTestId('customer-phone')).toHaveValue('+49 89 123456');
  await expect(page.getByTestId('customer-class')).toHaveValue('O');
});

test('a suppressed number opens the lookup without a pop-up', async ({ page }) => {
  await plantCustomers(page, CUSTOMERS);
  await page.goto('/anruf?nummer=');
  await expect(page.getByTestId('call-search')).toBeVisible();
  await expect(page).toHaveURL(/\/anruf$/);
  await expect(page.getByTestId('call-incoming')).toHaveCount(0);
});

test('with the app open in another tab, that tab shows the call and the new tab closes again', async ({ page, context }) => {
  await plantCustomers(page, CUSTOMERS);
  await page.getByTestId('nav-customers').click();
  await expect(page).toHaveURL(/\/kunden$/);
  for (const [number, id, cls] of [['0171-2345678', 21, 'B'], ['030 9876543', 22, 'O']]) {
    // What a softphone does: a new tab with nothing before it in its history.
    const opened = context.waitForEvent('page');
    await page.evaluate((url) => window.open(url, '_blank', 'noopener'), `/anruf?nummer=${encodeURIComponent(number)}`);
    const newest = await opened;
    const closed = newest.waitForEvent('close');
    // The tab that was open already follows: call screen, same caller.
    await expect(page).toHaveURL(/\/anruf$/);
    await expectCardFirst(page, id, cls);
    await expect(page.getByTestId('call-incoming')).toHaveAttribute('data-number', number);
    await closed;
    expect(newest.isClosed()).toBe(true);
  }
  expect(context.pages()).toHaveLength(1);
});

test('when the open tab is out of sight, the new tab stays and shows the call too', async ({ page, context }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => 'hidden' });
  });
  await plantCustomers(page, CUSTOMERS);
  const newest = await context.newPage();
  await newest.goto('/anruf?nummer=0171-2345678');
  await expectCardFirst(page, 21, 'B');
  await expectCardFirst(newest, 21, 'B');
  // Long enough for an answer to have arrived and a close to have happened.
  await newest.waitForTimeout(500);
  expect(newest.isClosed()).toBe(false);
  await expect(newest.getByTestId('call-incoming')).toHaveAttribute('data-number', '0171-2345678');
});

test('the manifest declares a valid tel: handler and opening the card through it works', async ({ page }) => {
  await plantCustomers(page, CUSTOMERS);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifestUrl = new URL(href, page.url()).href;
  const manifest = await (await page.request.get(manifestUrl)).json();
  expect(manifest.launch_handler.client_mode).toContain('navigate-existing');
  expect(manifest.protocol_handlers).toHaveLength(1);
  const [handler] = manifest.protocol_handlers;
  // The checks a browser makes before it accepts a handler (HTML's protocol handler rules).
  expect(handler.protocol).toBe('tel');
  expect(handler.url).toContain('%s');
  const scope = new URL(manifest.scope, manifestUrl);
  const template = new URL(handler.url, manifestUrl);
  expect(template.origin).toBe(new URL(manifestUrl).origin);
  expect(template.href.startsWith(scope.href)).toBe(true);
  // What the browser opens for a click on <a href="tel:+49-171-2345678;ext=12">.
  const opened = template.href.replace('%s', encodeURIComponent('tel:+49-171-2345678;ext=12'));
  await page.goto(opened);
  await expectCardFirst(page, 21, 'B');
  await expect(page).toHaveURL(/\/anruf$/);
});

test('Einstellungen registers the app for tel: links where the browser can', async ({ page }) => {
  await page.addInitScript(() => {
    window.__registered = [];
    Object.defineProperty(Navigator.prototype, 'registerProtocolHandler', {
      configurable: true,
      value(scheme, url) { window.__registered.push([scheme, url]); },
    });
  });
  await plantCustomers(page, CUSTOMERS);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tel-handler').click();
  await expect(page.getByTestId('settings-tel-handler-status')).toHaveAttribute('data-outcome', 'asked');
  const registered = await page.evaluate(() => window.__registered);
  const origin = new URL(page.url()).origin;
  expect(registered).toEqual([['tel', `${origin}/anruf?nummer=%s`]]);
});

test('a browser without protocol handlers is told so', async ({ page }) => {
  await page.addInitScript(() => { delete Navigator.prototype.registerProtocolHandler; });
  await plantCustomers(page, CUSTOMERS);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tel-handler').click();
  await expect(page.getByTestId('settings-tel-handler-status')).toHaveAttribute('data-outcome', 'unsupported');
});

test('the pop-up views pass axe: several callers, an unknown one, and the open card', async ({ page }) => {
  await plantCustomers(page, CUSTOMERS);
  const serious = async () => (await new AxeBuilder({ page }).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  await page.goto('/anruf?nummer=022155501');
  await expect(page.getByTestId('call-pick')).toHaveCount(2);
  expect(await serious()).toEqual([]);
  await page.getByTestId('call-pick').first().click();
  await expect(page.getByTestId('call-card')).toBeVisible();
  expect(await serious()).toEqual([]);
  await page.goto('/anruf?nummer=089123456');
  await expect(page.getByTestId('call-create-unknown')).toBeVisible();
  expect(await serious()).toEqual([]);
});

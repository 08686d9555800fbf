// Every screen of the app, for checks that walk all of them: accessibility, outside
// requests, the Content-Security-Policy.
import { expect } from '@playwright/test';

/** Loads the demo data from the first-start offer on the board. */
export async function loadDemo(page, base = '') {
  await page.goto(`${base}/`);
  await page.getByTestId('demo-load').click();
  await expect(page.getByTestId('board-card').first()).toBeVisible();
}

/** The id of the first customer in the list. */
export async function firstCustomerId(page, base = '') {
  await page.goto(`${base}/kunden`);
  const row = page.getByTestId('customer-row').first();
  await expect(row).toBeVisible();
  return row.getAttribute('data-customer-id');
}

/**
 * The screens, each with its address and what shows it is ready; `tabs` are test ids
 * clicked in turn on that screen, each a view of its own.
 */
export function screens(customerId) {
  return [
    { name: 'board', path: '/', ready: 'board-column' },
    { name: 'customers', path: '/kunden', ready: 'customer-row' },
    { name: 'new customer', path: '/kunden/neu', ready: 'customer-form' },
    { name: 'customer file', path: `/kunden/${customerId}`, ready: 'customer-file' },
    { name: 'call', path: '/anruf', ready: 'call-search' },
    { name: 'outreach', nav: 'outreach', path: '/ansprache', ready: 'outreach-due-item' },
    { name: 'playbook', nav: 'playbook', path: '/leitfaden', ready: 'playbook-line' },
    {
      name: 'practice',
      nav: 'practice',
      path: '/ueben',
      ready: 'trainee-select',
      tabs: ['practice-tab-drill', 'practice-tab-session', 'practice-tab-progress'],
    },
    { name: 'data', nav: 'data', path: '/daten', ready: 'backup-export' },
    { name: 'settings', nav: 'settings', path: '/einstellungen', ready: 'settings-save' },
  ];
}

/** The screens whose code loads in a chunk of its own when first opened. */
export const LATER_CHUNKS = ['outreach', 'playbook', 'practice', 'data', 'settings'];

/** Opens a screen by its address and waits until it shows. */
export async function openScreen(page, screen, base = '') {
  await page.goto(`${base}${screen.path}`);
  await expect(page.getByTestId('nav-board')).toBeVisible();
  await expect(page.getByTestId(screen.ready).first()).toBeVisible();
}

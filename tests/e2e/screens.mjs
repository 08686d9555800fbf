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
 * clicked in turn on that screen, each a view of its own. `chunk` marks the screens whose
 * code loads in a chunk of its own when first opened; their nav link is `nav-<name>`.
 */
export function screens(customerId) {
  return [
    { name: 'board', path: '/', ready: 'board-column' },
    { name: 'customers', path: '/kunden', ready: 'customer-row' },
    { name: 'new customer', path: '/kunden/neu', ready: 'customer-form' },
    { name: 'customer file', path: `/kunden/${customerId}`, ready: 'customer-file' },
    { name: 'call', path: '/anruf', ready: 'call-search' },
    { name: 'outreach', chunk: true, path: '/ansprache', ready: 'outreach-due-item' },
    { name: 'playbook', chunk: true, path: '/leitfaden', ready: 'playbook-line' },
    {
      name: 'practice',
      chunk: true,
      path: '/ueben',
      ready: 'trainee-select',
      tabs: ['practice-tab-drill', 'practice-tab-session', 'practice-tab-progress'],
    },
    { name: 'data', chunk: true, path: '/daten', ready: 'backup-export' },
    { name: 'settings', chunk: true, path: '/einstellungen', ready: 'settings-save' },
  ];
}

/** In-app navigation: a customer opened from the list, then a caller looked up. */
export async function openCustomerAndCall(page) {
  await page.getByTestId('nav-customers').click();
  await page.getByTestId('customer-row').first().getByRole('link').click();
  await expect(page.getByTestId('customer-file')).toBeVisible();
  await page.getByTestId('nav-call').click();
  await page.getByTestId('call-search').fill('a');
  await expect(page.getByTestId('call-result').first()).toBeVisible();
}

/** Opens a screen by its address and waits until it shows. */
export async function openScreen(page, screen, base = '') {
  await page.goto(`${base}${screen.path}`);
  await expect(page.getByTestId('nav-board')).toBeVisible();
  await expect(page.getByTestId(screen.ready).first()).toBeVisible();
}

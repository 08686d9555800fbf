// Shared steps: open the app, wait for it to be interactive, create a customer.
import { expect } from '@playwright/test';

export async function openApp(page, path = '/') {
  await page.goto(path);
  await expect(page.getByTestId('nav-board')).toBeVisible();
}

export async function createCustomer(page, fields) {
  await openApp(page, '/kunden');
  await page.getByTestId('customer-new').click();
  await page.getByTestId('customer-name').fill(fields.name);
  if (fields.company) await page.getByTestId('customer-company').fill(fields.company);
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

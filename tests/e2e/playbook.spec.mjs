import { test, expect } from '@playwright/test';
import { plantCustomers } from './helpers.mjs';

const CUSTOMERS = [
  { id: 41, name: 'Bea Becker', class: 'B', revenue: 3000, note: { hook: 'SpecialAdvantage', text: 'Treuebonus', valid_until: '2099-01-01' } },
];

test('a new agreed line is listed, versioned on edit, and used by the call card', async ({ page }) => {
  await plantCustomers(page, CUSTOMERS, [{ class: 'B', hook: 'ExtraBenefit', text: 'Alte Zeile.' }]);
  await page.getByTestId('nav-playbook').click();
  await expect(page.getByTestId('playbook-line')).toHaveCount(1);
  await page.getByTestId('playbook-new').click();
  await page.getByTestId('playbook-save').click();
  await expect(page.getByTestId('playbook-editor')).toContainText('Titel');
  await page.getByTestId('playbook-class').selectOption('B');
  await page.getByTestId('playbook-direction').selectOption('in');
  await page.getByTestId('playbook-hook').selectOption('special_advantage');
  await page.getByTestId('playbook-title').fill('Treuebonus am Telefon');
  await page.getByTestId('playbook-text').fill('Schön, dass Sie anrufen – Ihr Treuebonus ist gerade freigeschaltet.');
  await page.getByTestId('playbook-agreed').check();
  await page.getByTestId('playbook-save').click();
  const line = page.locator('[data-testid="playbook-line"][data-hook="special_advantage"]');
  await expect(line).toHaveAttribute('data-status', 'agreed');
  await expect(line).toHaveAttribute('data-class', 'B');
  await expect(line).toContainText('Version 1');

  await line.getByTestId('playbook-edit').click();
  await page.getByTestId('playbook-text').fill('Schön, dass Sie anrufen – Ihr Treuebonus wartet auf Sie.');
  await page.getByTestId('playbook-save').click();
  await expect(line).toContainText('Version 2');
  await page.reload();
  await expect(line).toContainText('Treuebonus wartet');

  await page.keyboard.press('/');
  await page.getByTestId('call-search').fill('Becker');
  await page.getByTestId('call-search').press('Enter');
  const opening = page.getByTestId('call-opening-line');
  await expect(opening).toHaveAttribute('data-match', 'exact');
  await expect(opening).toContainText('Treuebonus wartet');
});

test('duplicate makes a proposal, delete asks first, filters narrow the list', async ({ page }) => {
  await plantCustomers(page, CUSTOMERS, [
    { class: 'B', hook: 'ExtraBenefit', text: 'B eingehend.', title: 'B rein' },
    { class: 'O', hook: 'ComprehensiveConsultation', direction: 'Outbound', text: 'O ausgehend.', title: 'O raus' },
  ]);
  await page.goto('/leitfaden');
  await expect(page.getByTestId('playbook-line')).toHaveCount(2);
  await page.locator('[data-testid="playbook-line"][data-class="B"]').getByTestId('playbook-duplicate').click();
  await expect(page.getByTestId('playbook-line')).toHaveCount(3);
  await expect(page.locator('[data-testid="playbook-line"][data-status="proposed"]')).toContainText('B rein (Kopie)');
  await page.getByTestId('playbook-filter-direction').selectOption('out');
  await expect(page.getByTestId('playbook-line')).toHaveCount(1);
  await page.getByTestId('playbook-filter-direction').selectOption('');
  await page.getByTestId('playbook-filter-class').selectOption('B');
  await expect(page.getByTestId('playbook-line')).toHaveCount(2);
  const copy = page.locator('[data-testid="playbook-line"][data-status="proposed"]');
  await copy.getByTestId('playbook-delete').click();
  await copy.getByTestId('playbook-delete-confirm').click();
  await expect(page.getByTestId('playbook-line')).toHaveCount(1);
  await page.reload();
  await page.getByTestId('playbook-filter-class').selectOption('');
  await expect(page.getByTestId('playbook-line')).toHaveCount(2);
});

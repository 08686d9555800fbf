import { test, expect } from '@playwright/test';
import { createCustomer, plantCustomers } from './helpers.mjs';

// Finding duplicates on the customer list, merging a pair field by field, taking the
// merge back, and "Keine Dublette".

async function findDuplicates(page) {
  await page.getByTestId('nav-customers').click();
  await page.getByTestId('duplicates-find').click();
  await expect(page.getByTestId('duplicates')).toBeVisible();
}

function timeline(page) {
  return page.locator('[data-testid="customer-file"] [data-testid="timeline-entry"]');
}

async function openFile(page, id) {
  await page.goto(`/kunden/${id}`);
  await expect(page.getByTestId('customer-file')).toHaveAttribute('data-customer-id', String(id));
}

test('the same phone number written two ways is found; merged, one record holds both timelines; undo brings both back', async ({ page }) => {
  await plantCustomers(page, [
    { id: 11, name: 'Jörg Meier', class: 'B', revenue: 1200, phones: ['+49 171 2345678'], contacts: [{ daysAgo: 30, reason: 'Erstgespräch Hausrat' }] },
    { id: 12, name: 'Joerg Meier', class: 'O', phones: ['0171/2345678'], contacts: [{ daysAgo: 2, reason: 'Rückruf wegen Kfz' }] },
    { id: 13, name: 'Anna Schulz', class: 'C', phones: ['030 9876543'] },
  ]);
  await findDuplicates(page);
  const groups = page.getByTestId('duplicate-group');
  await expect(groups).toHaveCount(1);
  await expect(groups).toHaveAttribute('data-members', '11 12');
  const reason = groups.getByTestId('duplicate-reason');
  await expect(reason).toHaveAttribute('data-reason', 'phone');
  await expect(reason).toContainText('gleiche Telefonnummer');
  // Each record shows its class as a letter, not by colour alone.
  await expect(groups.getByTestId('class-badge')).toHaveText(['B', 'O']);

  await groups.getByTestId('duplicate-merge').click();
  const view = page.getByTestId('merge-view');
  await expect(view).toBeVisible();
  // Both values of a differing field are offered; the newer record's name is preselected.
  const names = view.getByRole('group', { name: 'Name' });
  await expect(names.getByRole('radio', { name: 'Jörg Meier' })).not.toBeChecked();
  await expect(names.getByRole('radio', { name: 'Joerg Meier' })).toBeChecked();
  await page.getByTestId('duplicate-merge-confirm').click();

  await expect(page.getByTestId('notice')).toContainText('zusammengeführt');
  await expect(page.getByTestId('duplicates-count')).toHaveText('Keine möglichen Dubletten gefunden.');
  await expect(page.getByTestId('customer-row')).toHaveCount(2);
  await page.locator('[data-testid="customer-row"][data-customer-id="11"] a').click();
  await expect(page.getByTestId('customer-file')).toHaveAttribute('data-customer-id', '11');
  await expect(timeline(page).filter({ hasText: 'Erstgespräch Hausrat' })).toHaveCount(1);
  await expect(timeline(page).filter({ hasText: 'Rückruf wegen Kfz' })).toHaveCount(1);
  await expect(timeline(page).filter({ hasText: 'Zusammengeführt mit Joerg Meier' })).toHaveCount(1);
  // One number in two spellings is kept once.
  await expect(page.getByTestId('customer-phone')).toHaveValue('+49 171 2345678');
  await expect(page.getByTestId('customer-phone-extra')).toHaveCount(0);

  await page.getByTestId('merge-undo').click();
  await expect(page.getByTestId('notice')).toContainText('zurückgenommen');
  await page.reload();
  await expect(page.getByTestId('customer-file-name')).toHaveText('Jörg Meier');
  await expect(timeline(page).filter({ hasText: 'Erstgespräch Hausrat' })).toHaveCount(1);
  await expect(timeline(page).filter({ hasText: 'Rückruf wegen Kfz' })).toHaveCount(0);
  await expect(timeline(page).filter({ hasText: 'Zusammengeführt' })).toHaveCount(0);
  await expect(page.getByTestId('customer-class')).toHaveValue('B');
  await openFile(page, 12);
  await expect(page.getByTestId('customer-file-name')).toHaveText('Joerg Meier');
  await expect(page.getByTestId('customer-phone')).toHaveValue('0171/2345678');
  await expect(page.getByTestId('customer-class')).toHaveValue('O');
  await expect(timeline(page).filter({ hasText: 'Rückruf wegen Kfz' })).toHaveCount(1);
  await expect(timeline(page).filter({ hasText: 'Erstgespräch Hausrat' })).toHaveCount(0);
  await findDuplicates(page);
  await expect(page.getByTestId('duplicate-group')).toHaveCount(1);
});

test('a value picked against the default is the one stored', async ({ page }) => {
  await plantCustomers(page, [
    { id: 21, name: 'Karl Weber', company: 'Weber GmbH', number: 'K-100', class: 'B', revenue: 1000 },
    { id: 22, name: 'Karl Weber', company: 'Weber & Söhne', number: 'K-100', class: 'A', revenue: 5000, contacts: [{ daysAgo: 1, reason: 'Neuer Vertrag' }] },
  ]);
  await findDuplicates(page);
  await expect(page.getByTestId('duplicate-reason')).toHaveAttribute('data-reason', 'number');
  await page.getByTestId('duplicate-merge').click();
  const company = page.getByTestId('merge-view').getByRole('group', { name: 'Firma' });
  const kept = company.getByRole('radio', { name: 'Weber GmbH' });
  const other = company.getByRole('radio', { name: 'Weber & Söhne' });
  // The record with the later activity wins by default …
  await expect(other).toBeChecked();
  await expect(page.locator('[data-testid="duplicate-field-choice"][data-field="class"][data-side="other"]')).toBeChecked();
  // … and the keyboard picks the other value: arrow keys move within the field's group.
  await other.focus();
  await page.keyboard.press('ArrowUp');
  await expect(kept).toBeChecked();
  await expect(kept).toBeFocused();
  await page.getByTestId('duplicate-merge-confirm').click();
  await expect(page.getByTestId('merge-undo')).toBeVisible();

  await page.reload();
  await openFile(page, 21);
  await expect(page.getByTestId('customer-company')).toHaveValue('Weber GmbH');
  await expect(page.getByTestId('customer-class')).toHaveValue('A');
  await expect(page.getByTestId('customer-revenue')).toHaveValue('5.000,00');
  await page.getByTestId('nav-customers').click();
  await expect(page.getByTestId('customer-row')).toHaveCount(1);
});

test('"Keine Dublette" is remembered on both records and survives a reload', async ({ page }) => {
  await plantCustomers(page, [
    { id: 31, name: 'Maria Klein', number: 'K-7', class: 'B' },
    { id: 32, name: 'Mario Klein', number: 'K-7', class: 'C' },
    { id: 290, name: 'Ute Lang', phones: ['089 1234567'], class: 'B' },
    { id: 291, name: 'Uwe Lang', phones: ['+49 89 1234567'], class: 'O' },
  ]);
  await findDuplicates(page);
  await expect(page.getByTestId('duplicate-group')).toHaveCount(2);
  await page.locator('[data-testid="duplicate-group"][data-members="31 32"]').getByTestId('duplicate-not').click();
  await expect(page.getByTestId('notice')).toContainText('keine Dublette');
  await expect(page.getByTestId('duplicate-group')).toHaveCount(1);
  await expect(page.getByTestId('duplicate-group')).toHaveAttribute('data-members', '290 291');

  await page.reload();
  await findDuplicates(page);
  await expect(page.getByTestId('duplicate-group')).toHaveCount(1);
  await expect(page.getByTestId('duplicate-group')).toHaveAttribute('data-members', '290 291');
  await expect(page.getByTestId('customer-row')).toHaveCount(4);
});

test('a long list shows 50 groups first; the button shows the rest and the keyboard goes on at the first new group', async ({ page }) => {
  const customers = [];
  for (let i = 0; i < 51; i += 1) {
    customers.push({ id: 1000 + 2 * i, name: `Person ${i} A`, number: `K-${i}`, class: 'C' });
    customers.push({ id: 1001 + 2 * i, name: `Person ${i} B`, number: `K-${i}`, class: 'C' });
  }
  await plantCustomers(page, customers);
  await findDuplicates(page);
  // The count is of every group found, not of the ones shown.
  await expect(page.getByTestId('duplicates-count')).toHaveText('51 Gruppen');
  const groups = page.getByTestId('duplicate-group');
  await expect(groups).toHaveCount(50);
  await expect(page.locator('[data-testid="duplicate-group"][data-members="1100 1101"]')).toHaveCount(0);
  const more = page.getByTestId('duplicates-more');
  await expect(more).toHaveText('1 weitere Gruppe anzeigen');
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(groups).toHaveCount(51);
  await expect(more).toHaveCount(0);
  const last = page.locator('[data-testid="duplicate-group"][data-members="1100 1101"]');
  await expect(last.locator('.row-name').first()).toBeFocused();
});

test('two similar names at one postcode, with nothing else in common, are found with the postcode as the reason', async ({ page }) => {
  const first = await createCustomer(page, { name: 'Jörg Meier', postcode: '80331' });
  await expect(page.getByTestId('customer-file-details')).toContainText('PLZ 80331');
  const second = await createCustomer(page, { name: 'Joerg Meyer', postcode: '80331' });
  // The same name at another postcode is somebody else.
  await createCustomer(page, { name: 'Jörg Meier', postcode: '01067' });
  await page.reload();
  await expect(page.getByTestId('customer-postcode')).toHaveValue('01067');
  await findDuplicates(page);
  const groups = page.getByTestId('duplicate-group');
  await expect(groups).toHaveCount(1);
  // Members are listed by id, and ids are drawn at random.
  const members = [first, second].sort((x, y) => (BigInt(x) < BigInt(y) ? -1 : 1)).join(' ');
  await expect(groups).toHaveAttribute('data-members', members);
  const reason = groups.getByTestId('duplicate-reason');
  await expect(reason).toHaveCount(1);
  await expect(reason).toHaveAttribute('data-reason', 'postcode');
  await expect(reason).toHaveText('ähnlicher Name, gleiche PLZ 80331');
});

// Data portability: German-Excel CSV import with mapping, bad rows and duplicates; CSV
// export safe against formulas; restore preview with merge; the backup reminder.
import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { openApp, createCustomer } from './helpers.mjs';

const BOM = '\uFEFF';

function csvFile(name, text, encoding = 'utf8') {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(text, encoding) };
}

async function logContact(page, reason) {
  await page.getByTestId('contact-log-open').click();
  await page.getByTestId('contact-reason').fill(reason);
  await page.getByTestId('contact-save').click();
  await expect(page.getByTestId('contact-form')).toHaveCount(0);
}

test('a semicolon CSV with BOM, decimal commas and an umlaut header imports with mapping', async ({ page }) => {
  await openApp(page, '/daten');
  const text = BOM + [
    'Kundenname;Firma;Telefon;E-Mail;Kd.-Nr.;Jahresumsatz;Klasse;Schlagwörter;Bemerkung',
    'Jürgen Weiß;Weiß & Söhne GmbH;0171/2345678;jw@example.de;K-100;12.345,67;B;Gewerbe, Kfz;"Erste Zeile',
    'zweite Zeile"',
    'Änne Öztürk;;+49 (0)30 1234567;;K-101;1.250,00;o;;',
  ].join('\r\n') + '\r\n';
  await page.getByTestId('csv-import-file').setInputFiles(csvFile('kunden.csv', text));
  await expect(page.getByTestId('csv-file-info')).toContainText('Semikolon');
  // Known headers are guessed; the unusual ones are mapped by hand.
  await expect(page.getByTestId('csv-map-company')).toHaveValue('1');
  await expect(page.getByTestId('csv-map-revenue')).toHaveValue('5');
  await page.getByTestId('csv-map-name').selectOption({ label: 'Kundenname' });
  await page.getByTestId('csv-map-tags').selectOption({ label: 'Schlagwörter' });
  await page.getByTestId('csv-map-note').selectOption({ label: 'Bemerkung' });
  const rows = page.getByTestId('csv-preview-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('Jürgen Weiß');
  await expect(rows.first()).toContainText('12.345,67');
  await expect(rows.first()).toContainText('Gewerbe, Kfz');
  // A line break inside a quoted cell does not start a new spreadsheet row.
  await expect(rows.nth(1)).toHaveAttribute('data-row', '3');
  await expect(page.getByTestId('csv-bad-row')).toHaveCount(0);
  // Nothing is stored before the confirmation.
  await page.getByTestId('nav-customers').click();
  await expect(page.getByTestId('customer-row')).toHaveCount(0);
  await page.getByTestId('nav-data').click();
  await page.getByTestId('csv-import-file').setInputFiles(csvFile('kunden.csv', text));
  await page.getByTestId('csv-map-name').selectOption({ label: 'Kundenname' });
  await page.getByTestId('csv-map-note').selectOption({ label: 'Bemerkung' });
  await page.getByTestId('csv-import-confirm').click();
  await expect(page.getByTestId('csv-preview-row')).toHaveCount(0);
  await page.reload();
  await page.getByTestId('nav-customers').click();
  await expect(page.getByTestId('customer-row')).toHaveCount(2);
  await page.getByTestId('customer-row').filter({ hasText: 'Jürgen Weiß' }).locator('a').first().click();
  await expect(page.getByTestId('customer-file')).toBeVisible();
  await expect(page.getByTestId('customer-revenue')).toHaveValue('12.345,67');
  await expect(page.getByTestId('customer-notes')).toHaveValue('Erste Zeile\nzweite Zeile');
});

test('a Windows-1252 comma file is read, and bad rows are listed with row and reason', async ({ page }) => {
  await openApp(page, '/daten');
  const text = [
    'Name,Umsatz,Klasse',
    'Müller,"1.000,50",A',
    ',"200",B',
    'Schulze,zwölf,B',
    'Krämer,300,X',
    'Bäcker,400,C',
  ].join('\r\n');
  await page.getByTestId('csv-import-file').setInputFiles(csvFile('alt.csv', text, 'latin1'));
  await expect(page.getByTestId('csv-file-info')).toContainText('Komma');
  await expect(page.getByTestId('csv-preview-row')).toHaveCount(2);
  await expect(page.getByTestId('csv-preview-row').first()).toContainText('Müller');
  const bad = page.getByTestId('csv-bad-row');
  await expect(bad).toHaveCount(3);
  await expect(bad.nth(0)).toHaveAttribute('data-row', '3');
  await expect(bad.nth(0)).toContainText('Name fehlt');
  await expect(bad.nth(1)).toContainText('zwölf');
  await expect(bad.nth(2)).toContainText('„X“');
  await expect(page.getByTestId('csv-import-confirm')).toContainText('2 Zeilen');
  await page.getByTestId('csv-import-confirm').click();
  await page.getByTestId('nav-customers').click();
  await expect(page.getByTestId('customer-row')).toHaveCount(2);
});

test('a duplicate is detected by e-mail or phone, and the user chooses to update it', async ({ page }) => {
  const id = await createCustomer(page, { name: 'Petra Lang', email: 'petra@example.de', phone: '030 1234567', revenue: '500' });
  await page.getByTestId('nav-data').click();
  const text = 'Name;E-Mail;Telefon;Firma\r\nPetra Lang-Meier;PETRA@example.de;;Lang KG\r\nP. Lang;;+49 30 1234567;\r\nNeu Kunde;neu@example.de;;\r\n';
  await page.getByTestId('csv-import-file').setInputFiles(csvFile('dubletten.csv', text));
  const duplicates = page.getByTestId('csv-duplicate');
  await expect(duplicates).toHaveCount(2);
  await expect(duplicates.first()).toContainText('E-Mail');
  await expect(duplicates.nth(1)).toContainText('Telefonnummer');
  await expect(page.getByTestId('csv-import-confirm')).toContainText('1 Zeile');
  await page.getByTestId('csv-duplicate-choice').selectOption('update');
  await expect(page.getByTestId('csv-import-confirm')).toContainText('3 Zeilen');
  await page.getByTestId('csv-import-confirm').click();
  await page.getByTestId('nav-customers').click();
  await expect(page.getByTestId('customer-row')).toHaveCount(2);
  await page.goto(`/kunden/${id}`);
  await expect(page.getByTestId('customer-company')).toHaveValue('Lang KG');
});

test('the customer CSV opens in German Excel and neutralises formula cells', async ({ page }) => {
  await createCustomer(page, { name: '=HYPERLINK("http://x")', company: '@Firma', revenue: '1234,5', notes: '+49 ist keine Formel' });
  await page.getByTestId('nav-data').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('csv-export-customers').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^klassenblick-kunden-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text.startsWith(BOM)).toBe(true);
  const [header, row] = text.slice(1).split(/\r?\n/);
  expect(header).toContain('Name;');
  expect(row).toContain(`'=HYPERLINK(""http://x"")`);
  expect(row).toContain("'@Firma");
  expect(row).toContain("'+49 ist keine Formel");
  expect(row).toContain(';1234,50;');
  const [contacts] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('csv-export-contacts').click(),
  ]);
  expect(readFileSync(await contacts.path(), 'utf8').startsWith(BOM)).toBe(true);
});

test('a restore preview followed by a merge keeps contacts from both sides', async ({ page }, testInfo) => {
  const id = await createCustomer(page, { name: 'Merge Kunde' });
  await logContact(page, 'Vor dem Backup');
  await page.getByTestId('nav-data').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('backup-export').click(),
  ]);
  const backup = JSON.parse(readFileSync(await download.path(), 'utf8'));
  // The backup side gets a contact the browser does not have, and a customer of its own.
  const customer = backup.customers.find((c) => String(c.id) === id);
  customer.contacts.push({ ...customer.contacts[0], id: 4242, reason: 'Nur im Backup' });
  backup.customers.push({ ...customer, id: 99001, fields: { ...customer.fields, name: 'Nur im Backup GmbH' }, contacts: [] });
  const file = testInfo.outputPath('backup.json');
  writeFileSync(file, JSON.stringify(backup));
  // Meanwhile the browser logs one more.
  await page.goto(`/kunden/${id}`);
  await logContact(page, 'Nach dem Backup');
  await page.getByTestId('nav-data').click();
  await page.getByTestId('backup-import').setInputFiles(file);
  const preview = page.getByTestId('restore-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('restore-added')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('restore-added')).toContainText('Nur im Backup GmbH');
  await expect(page.getByTestId('restore-changed')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('restore-contacts')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('restore-mode-merge')).toBeChecked();
  await page.getByTestId('restore-apply').click();
  await expect(preview).toHaveCount(0);
  await page.reload();
  await page.goto(`/kunden/${id}`);
  const contacts = page.locator('[data-testid="timeline-entry"][data-kind="contact"]');
  await expect(contacts).toHaveCount(3);
  for (const reason of ['Vor dem Backup', 'Nach dem Backup', 'Nur im Backup']) {
    await expect(contacts.filter({ hasText: reason })).toHaveCount(1);
  }
  await page.getByTestId('nav-customers').click();
  await expect(page.getByTestId('customer-row')).toHaveCount(2);
});

test('replace after the preview makes the data exactly the backup', async ({ page }, testInfo) => {
  await createCustomer(page, { name: 'Bleibt im Backup' });
  await page.getByTestId('nav-data').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('backup-export').click(),
  ]);
  const file = testInfo.outputPath('backup.json');
  writeFileSync(file, readFileSync(await download.path()));
  await createCustomer(page, { name: 'Nur hier' });
  await page.getByTestId('nav-data').click();
  await page.getByTestId('backup-import').setInputFiles(file);
  await expect(page.getByTestId('restore-removed')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('restore-removed')).toContainText('Nur hier');
  await page.getByTestId('restore-mode-replace').check();
  await expect(page.getByTestId('restore-apply')).toHaveText('Alles ersetzen');
  await page.getByTestId('restore-apply').click();
  await page.getByTestId('nav-customers').click();
  await expect(page.getByTestId('customer-row')).toHaveCount(1);
  await expect(page.getByTestId('customer-row')).toContainText('Bleibt im Backup');
});

test('the backup reminder appears after the set number of changes, with the last backup date', async ({ page }) => {
  await openApp(page, '/einstellungen');
  await page.getByTestId('settings-backup-changes').fill('3');
  await page.getByTestId('settings-save').click();
  await page.getByTestId('nav-data').click();
  await page.getByTestId('backup-export').click();
  await createCustomer(page, { name: 'Eins' });
  await createCustomer(page, { name: 'Zwei' });
  await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
  await createCustomer(page, { name: 'Drei' });
  const chip = page.getByTestId('backup-reminder');
  await expect(chip).toBeVisible();
  await expect(chip).toContainText('letztes am');
  await chip.click();
  await expect(page).toHaveURL(/\/daten$/);
  await expect(page.getByTestId('backup-reminder')).toHaveCount(1);
  await expect(page.getByTestId('backup-reminder')).toContainText('Letztes Backup');
  await page.getByTestId('backup-export').click();
  await expect(page.getByTestId('backup-reminder')).toHaveCount(0);
});

test('the storage meter shows quota use and how many more customers fit', async ({ page }) => {
  await openApp(page, '/daten');
  await page.getByTestId('demo-load').click();
  const meter = page.getByTestId('storage-meter');
  await expect(meter).toContainText('weitere Kunden');
  const { used, fits, quota } = await meter.evaluate((el) => ({
    used: Number(el.dataset.used), fits: Number(el.dataset.fitsMore), quota: Number(el.dataset.quota),
  }));
  // Measured here, not read back from the meter: what the app's keys and values hold.
  const stored = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('kb:'))
      .reduce((sum, k) => sum + k.length + localStorage.getItem(k).length, 0),
  );
  expect(used).toBe(stored);
  expect(quota).toBe(5_242_880);
  // The room left, divided by the average size of the 60 demo customers so far.
  expect(fits).toBe(Math.floor((quota - stored) / Math.floor(stored / 60)));
  expect(fits).toBeGreaterThan(1000);
  await expect(page.getByTestId('storage-used')).toContainText('%');
});

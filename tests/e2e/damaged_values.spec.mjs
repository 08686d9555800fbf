// Damaged stored values never lock the user out: the app starts, the value is listed in
// quarantine on the data page, and the quarantined copy is the planted value exactly.
import { test, expect } from '@playwright/test';
import { bucketKey, createCustomer, lostValues, rememberStorage } from './helpers.mjs';

// Each damage is a recipe, carried out in the page on the value the app stored, so values
// with lone surrogates never pass through the test runner (its messages are JSON).
const LENGTH = { kind: 'length' };
const damages = [
  { name: 'an absurd 64-bit length prefix', recipe: { ...LENGTH, length: '18446744073709551615' } },
  { name: 'a length prefix beyond 32 bits', recipe: { ...LENGTH, length: '99999999999' } },
  // Fits a 32-bit count, so a decoder that sizes a buffer from it asks for 4 GiB.
  { name: 'the largest 32-bit length prefix', recipe: { ...LENGTH, length: '4294967295' } },
  { name: 'a negative length prefix', recipe: { ...LENGTH, length: '-1' } },
  { name: 'packing cut in half', recipe: { kind: 'cut' } },
  { name: 'a control character among the units', recipe: { kind: 'unit', code: 0x01 } },
  { name: 'a lone surrogate among the units', recipe: { kind: 'unit', code: 0xd800 } },
  { name: 'broken JSON', recipe: { kind: 'text', text: '[{"id":' } },
  { name: 'broken JSON with a lone surrogate', recipe: { kind: 'text', text: '[{"id":1,"name":"', code: 0xdc00 } },
  { name: 'valid JSON of the wrong shape', recipe: { kind: 'text', text: '{"hello":1}' } },
];

/**
 * Applies `recipe` to the value stored under `source` and stores the result under
 * `target`; the planted value is also kept under a key the app never reads.
 */
async function plant(page, recipe, source, target) {
  return page.evaluate(([recipe, source, target]) => {
    const good = localStorage.getItem(source);
    const units = good.slice(good.indexOf(':') + 1);
    const char = String.fromCharCode(recipe.code ?? 0);
    const value = {
      length: () => `Z${recipe.length}:${units}`,
      cut: () => good.slice(0, Math.floor(good.length / 2)),
      unit: () => good.replace(':', `:${char}`),
      text: () => recipe.text + (recipe.code === undefined ? '' : char),
    }[recipe.kind]();
    localStorage.setItem(target, value);
    localStorage.setItem('e2e-planted', value);
    return good.slice(0, 1);
  }, [recipe, source, target]);
}

/** Stores a customer, damages its bucket (or `key`) and reloads. */
async function plantDamage(page, recipe, key) {
  const id = await createCustomer(page, { name: 'Doris Defekt', company: 'Bruch GmbH' });
  const target = key ?? bucketKey(id);
  const mark = await plant(page, recipe, bucketKey(id), target);
  await rememberStorage(page);
  await page.reload();
  return { target, mark };
}

async function quarantinedExactly(page, key) {
  return page.evaluate((key) => {
    const copies = Object.keys(localStorage).filter((k) => k.startsWith('kb:q:') && k.endsWith(`:${key}`));
    return {
      copies: copies.length,
      exact: copies.length === 1 && localStorage.getItem(copies[0]) === localStorage.getItem('e2e-planted'),
      originalGone: localStorage.getItem(key) === null,
    };
  }, key);
}

async function expectQuarantined(page, key) {
  await expect(page.getByTestId('nav-board')).toBeVisible();
  await expect(page.getByTestId('recovery-screen')).toHaveCount(0);
  await expect(page.getByTestId('storage-error')).toContainText('Quarantäne');
  await page.getByTestId('nav-data').click();
  const entry = page.locator(`[data-testid="quarantine-list"] [data-testid="quarantine-entry"][data-key="${key}"]`);
  await expect(entry).toHaveCount(1);
  expect(await quarantinedExactly(page, key)).toEqual({ copies: 1, exact: true, originalGone: true });
  expect(await lostValues(page)).toEqual([]);
}

for (const { name, recipe } of damages) {
  test(`a customer bucket with ${name} is quarantined exactly and the app starts`, async ({ page }) => {
    const { target, mark } = await plantDamage(page, recipe);
    // The damage was done to a packed value, as the app writes it.
    expect(mark).toBe('Z');
    await expectQuarantined(page, target);
  });
}

test('a playbook of the wrong shape is quarantined exactly and the app starts', async ({ page }) => {
  const { target } = await plantDamage(page, { kind: 'text', text: '[1,2,3]' }, 'kb:playbook');
  await expectQuarantined(page, target);
});

test('the customers in other buckets stay readable beside a damaged bucket', async ({ page }) => {
  const kept = await createCustomer(page, { name: 'Heinz Heil' });
  const damaged = bucketKey(Number(kept) + 1);
  await plant(page, { ...LENGTH, length: '4294967295' }, bucketKey(kept), damaged);
  await rememberStorage(page);
  await page.reload();
  await expect(page.getByTestId('customer-file-name')).toHaveText('Heinz Heil');
  await expectQuarantined(page, damaged);
});

// The desk's filter chips: arrived / not yet, a role and a country narrow the search without changing its order.
import { expect, test } from '@playwright/test';
import { call } from './helpers';

test('desk filters: arrived, not yet, role and country narrow the results', async ({ page, request }) => {
  const stamp = Date.now();
  const family = `Chipfilter${stamp % 100000}`;
  const a = await call(request, 'walkIn', { familyName: family, givenName: 'Arrived', role: 'speaker', country: 'Japan', email: `a.${stamp}@example.org` });
  await call(request, 'walkIn', { familyName: family, givenName: 'Waiting', role: 'delegate', country: 'France', email: `w.${stamp}@example.org` });
  await call(request, 'checkIn', { delegateId: a.delegate.id });

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/desk');
  await page.locator('#desk-search').fill(family);
  const results = page.locator(`#desk-results[data-query="${family}"]`);
  await expect(results.locator('[role="option"]')).toHaveCount(2);

  const chips = page.getByTestId('desk-filters');
  await chips.locator('[data-filter="arrived"]').click();
  await expect(chips.locator('[data-filter="arrived"]')).toHaveAttribute('aria-checked', 'true');
  await expect(page.locator('#desk-results[data-filters=\'{"arrived":true}\'] [role="option"]')).toHaveCount(1);
  await expect(results).toContainText('Arrived');
  await expect(results).not.toContainText('Waiting');

  await chips.locator('[data-filter="notYet"]').click();
  await expect(page.locator('#desk-results[data-filters=\'{"arrived":false}\'] [role="option"]')).toHaveCount(1);
  await expect(results).toContainText('Waiting');

  await chips.locator('[data-filter="all"]').click();
  await page.getByTestId('filter-role').selectOption('speaker');
  await expect(page.locator('#desk-results[data-filters=\'{"role":"speaker"}\'] [role="option"]')).toHaveCount(1);
  await expect(results).toContainText('Arrived');

  await page.getByTestId('filter-role').selectOption('');
  await page.getByTestId('filter-country').selectOption('France');
  await expect(page.locator('#desk-results[data-filters=\'{"country":"France"}\'] [role="option"]')).toHaveCount(1);
  await expect(results).toContainText('Waiting');
  // The arrival chips are one Tab stop; the arrows move between them.
  await page.getByTestId('filter-country').selectOption('');
  await chips.locator('[data-filter="all"]').click();
  await expect(chips.locator('[role="radio"][tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  await expect(chips.locator('[data-filter="arrived"]')).toBeFocused();
  await expect(page.locator('#desk-results[data-filters=\'{"arrived":true}\'] [role="option"]')).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('desk-filters-laptop-en.png') });
});

test('desk filters: the country menu lists every country delegates gave, including one registered since the page opened', async ({ page, request }) => {
  await page.goto('/desk');
  const menu = page.getByTestId('filter-country');
  const given = (await call(request, 'countries', {})).map((c) => c.country);
  expect(given.length).toBeGreaterThan(5);
  // Before any search: every country is there (not only those met in answers so far), and "any country" first.
  await expect(menu.locator('option')).toHaveCount(given.length + 1);
  // A walk-in from a country nobody gave yet appears when the menu is next opened.
  const stamp = Date.now();
  await call(request, 'walkIn', { familyName: `Countrymenu${stamp % 100000}`, givenName: 'New', role: 'delegate', country: 'Kiribati', email: `k.${stamp}@example.org` });
  await expect(menu.locator('option[value="Kiribati"]')).toHaveCount(0);
  await menu.focus();
  await expect(menu.locator('option[value="Kiribati"]')).toHaveCount(1);
});

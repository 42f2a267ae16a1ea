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
  await page.screenshot({ path: '/work/shots-14b/desk-filters-laptop-en-test.png' });
});

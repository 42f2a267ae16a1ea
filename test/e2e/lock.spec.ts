import { expect, test } from '@playwright/test';

test('a door station is locked to its checkpoint: leaving needs the staff PIN', async ({ page }) => {
  await page.goto('/door?checkpoint=cp-d1-closing');
  await expect(page.locator('[data-scanner="ready"]')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Desk' })).toHaveCount(0);
  await page.getByText('Change checkpoint').click();
  const dialog = page.getByTestId('unlock');
  await dialog.getByLabel('Staff PIN').fill('1111');
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(dialog.getByRole('alert')).toContainText('not right');
  await expect(page).toHaveURL(/checkpoint=cp-d1-closing/);
  await dialog.getByLabel('Staff PIN').fill('2027');
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('Choose this station’s checkpoint')).toBeVisible();
});

test('the kiosk hands over to staff only with the PIN', async ({ page }) => {
  await page.goto('/kiosk');
  await expect(page.getByRole('link', { name: 'Desk' })).toHaveCount(0);
  await page.getByTestId('kiosk-staff').click();
  await page.getByTestId('unlock').getByLabel('Staff PIN').fill('2027');
  await page.getByTestId('unlock').getByRole('button', { name: 'Unlock' }).click();
  await expect(page).toHaveURL(/\/desk$/);
  await expect(page.locator('input[type="search"]')).toBeVisible();
});

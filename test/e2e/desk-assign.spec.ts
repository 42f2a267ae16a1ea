// Issue 11: a delegate assigned to sessions at the desk — in the walk-in form and later on their card — is admitted
// at those sessions' doors and refused ("not registered here") at another session that is for registered people only.
import { expect, test } from '@playwright/test';
import { call, holdClock } from './helpers';

test('assign sessions at the desk (walk-in form, then the card): admitted at that door, not registered at another', async ({ page, request }) => {
  const programme = await call(request, 'programme', {});
  const restricted = new Set(programme.checkpoints.filter((c) => c.kind === 'session' && c.listRule === 'registered').map((c) => c.id));
  const sessions = programme.sessions.filter((s) => !s.archived && s.checkpointId && restricted.has(s.checkpointId) && s.dayNo === 1);
  expect(sessions.length).toBeGreaterThanOrEqual(3);
  const [first, second, other] = sessions as [typeof sessions[number], typeof sessions[number], typeof sessions[number]];
  const bus = programme.buses.find((b) => !b.archived)!;

  await holdClock(page);
  await page.goto('/desk');
  await page.getByTestId('walk-in').click();
  const form = page.getByTestId('walk-in-form');
  await form.locator('input[name="familyName"]').fill('Assignée');
  await form.locator('input[name="givenName"]').fill('Marthe');
  await form.locator('input[name="email"]').fill('marthe.assign@example.eu');
  await form.getByTestId('walk-in-registrations').locator('summary').click();
  await form.getByTestId(`pick-${first.id}`).check();
  await form.getByRole('button', { name: 'Register and check in' }).click();
  await expect(page.locator('[data-verdict="admitted"]')).toContainText('Marthe');
  await page.keyboard.press('Escape');
  const card = page.getByTestId('delegate-card');
  await expect(card.locator('.regs')).toContainText(first.title);
  await expect(card.locator('.regs')).not.toContainText(second.title);

  // On the card: add a second session and a bus, saved as one change.
  await card.getByTestId('registration-editor').locator('summary').click();
  await expect(card.getByTestId(`pick-${first.id}`)).toBeChecked();
  await card.getByTestId(`pick-${second.id}`).check();
  await card.getByTestId('pick-bus').selectOption(bus.id);
  await card.getByTestId('save-registrations').click();
  await expect(card.locator('.regs')).toContainText(second.title);
  await expect(card.locator('.regs')).toContainText(bus.label);
  // The desk's primary action is still on screen at 1366×768 with the editor open.
  await expect(page.getByTestId('check-in')).toBeInViewport();

  const [hit] = await call(request, 'searchDelegates', { query: 'marthe.assign@example.eu', limit: 1 });
  const detail = await call(request, 'delegate', { id: hit!.id });
  expect(new Set(detail.targets)).toEqual(new Set([first.id, second.id, bus.id]));

  // At the second session's door: admitted. At another registered-only session: not registered here.
  await page.goto(`/door?checkpoint=${second.checkpointId}`);
  await expect(page.locator('[data-scanner="ready"]')).toBeVisible();
  await page.keyboard.type(detail.token!);
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-verdict="admitted"]')).toContainText('Marthe');
  await page.goto(`/door?checkpoint=${other.checkpointId}`);
  await expect(page.locator('[data-scanner="ready"]')).toBeVisible();
  await page.keyboard.type(detail.token!);
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-verdict="not_registered"]')).toContainText('Marthe');

  // Taking the first session off again (the picker saves the whole choice): its door now refuses.
  await page.goto('/desk');
  await page.locator('input[type="search"]').fill('marthe.assign@example.eu');
  await page.getByTestId('result').first().click();
  await page.getByTestId('registration-editor').locator('summary').click();
  await page.getByTestId(`pick-${first.id}`).uncheck();
  await page.getByTestId('save-registrations').click();
  await expect(page.getByTestId('delegate-card').locator('.regs')).not.toContainText(first.title);
  const after = await call(request, 'delegate', { id: hit!.id });
  expect(new Set(after.targets)).toEqual(new Set([second.id, bus.id]));
});

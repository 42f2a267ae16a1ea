// Every dialog and modal of the staff and public screens, in Japanese at a laptop and a tablet size: no element sticks
// out of its dialog (measured with bounding boxes), no text is wider than its own box, and the dialog fits the window
// (or scrolls inside it). Reports, Import, Event and Venue have no dialogs of their own (their forms are in the page);
// the staff sign-in dialog they show when the core refuses them is the one measured here at the kiosk and the door.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { call, holdClock, tokenOf } from './helpers';

const SIZES = [{ width: 1366, height: 768 }, { width: 768, height: 1024 }];

/** What sticks out, as readable lines ("input[name=region] right +96px"); empty when everything fits. */
async function overflows(dialog: Locator): Promise<string[]> {
  await expect(dialog).toBeVisible();
  return dialog.evaluate((root) => {
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.split(/\s+/).join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 24)}"`;
    const scrolls = (el: Element) => el.scrollHeight > el.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(el).overflowY);
    const above: Element[] = [];
    for (let a = root.parentElement; a && a !== document.body; a = a.parentElement) above.push(a);
    for (const el of [...above, root, ...root.querySelectorAll('*')]) if (scrolls(el)) el.scrollTop = 0;
    const box = root.getBoundingClientRect();
    // Vertically, an element may run on below what shows as long as a box that scrolls holds it (the dialog, or a
    // list inside it such as the sessions picker): its limit is the end of the nearest scrolling box's content.
    const bottomOf = (el: Element): number => {
      for (let a: Element | null = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (scrolls(a)) return a.getBoundingClientRect().top + a.scrollHeight;
      }
      return box.bottom;
    };
    const bad: string[] = [];
    const tol = 0.5;
    if (box.left < -tol || box.top < -tol || box.right > innerWidth + tol || box.bottom > innerHeight + tol) {
      bad.push(`the dialog itself (${Math.round(box.left)},${Math.round(box.top)})–(${Math.round(box.right)},${Math.round(box.bottom)}) in a ${innerWidth}×${innerHeight} window`);
    }
    for (const el of root.querySelectorAll('*')) {
      const st = getComputedStyle(el);
      if (st.display === 'none' || st.visibility === 'hidden') continue;
      // Inside a folded <details> nothing shows (only its summary); it is measured again once opened.
      const folded = el.closest('details:not([open])');
      if (folded && folded !== el && !el.closest('summary')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < box.left - tol) bad.push(`${name(el)} left ${Math.round(box.left - r.left)}px`);
      if (r.right > box.right + tol) bad.push(`${name(el)} right +${Math.round(r.right - box.right)}px`);
      if (r.top < box.top - tol) bad.push(`${name(el)} top ${Math.round(box.top - r.top)}px`);
      const bottom = bottomOf(el);
      if (r.bottom > bottom + tol) bad.push(`${name(el)} bottom +${Math.round(r.bottom - bottom)}px`);
      // Text wider than its own box (a label or button whose words run out of it).
      const tag = el.tagName;
      if (st.overflowX === 'visible' && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && !['INPUT', 'SELECT', 'TEXTAREA'].includes(tag)) {
        bad.push(`${name(el)} content ${el.scrollWidth - el.clientWidth}px wider than its box`);
      }
    }
    return bad;
  });
}

async function japanese(page: Page, size: { width: number; height: number }) {
  await page.setViewportSize(size);
  await page.addInitScript(() => localStorage.setItem('uketsuke.lang', 'ja'));
}

async function openCard(page: Page, email: string) {
  await page.locator('input[type="search"]').fill(email);
  await expect(page.locator('#desk-results')).toHaveAttribute('data-query', email);
  await expect(page.getByTestId('result')).toHaveCount(1);
  await page.getByTestId('result').click();
  await expect(page.getByTestId('delegate-card')).toContainText(email);
}

for (const size of SIZES) {
  const at = `${size.width}×${size.height}`;

  test(`desk dialogs in Japanese at ${at}: walk-in (with its error), edit, verdict`, async ({ page, request }) => {
    // Someone of this test's own, with names in every script and long Japanese fields.
    const email = `dialog.${size.width}.${Date.now()}@example.jp`;
    await call(request, 'walkIn', {
      familyName: 'Hasegawa', givenName: 'Kotomi', familyNameKanji: '長谷川', givenNameKanji: '琴美', familyNameKana: 'ハセガワ', givenNameKana: 'コトミ',
      organisation: '国立研究開発法人 新エネルギー・産業技術総合開発機構 国際部 欧州・中東アフリカ課', country: 'Japan', region: '神奈川県', email,
    });
    await holdClock(page);
    await japanese(page, size);
    await page.goto('/desk');
    await page.getByTestId('walk-in').click();
    const walkIn = page.getByTestId('walk-in-form');
    expect(await overflows(walkIn), 'walk-in').toEqual([]);
    // The error under the fields fits too.
    await walkIn.locator('button[type="submit"]').click();
    await expect(walkIn.getByRole('alert')).toBeVisible();
    expect(await overflows(walkIn), 'walk-in with error').toEqual([]);
    // Opened, the sessions and bus picker fits as well (its list scrolls inside the dialog that scrolls).
    await walkIn.getByTestId('walk-in-registrations').locator('summary').click();
    await expect(walkIn.getByTestId('walk-in-registrations')).toHaveAttribute('open', '');
    expect(await overflows(walkIn), 'walk-in with the sessions picker open').toEqual([]);
    await page.keyboard.press('Escape');
    await expect(walkIn).toHaveCount(0);

    await openCard(page, email);
    await page.getByTestId('edit').click();
    expect(await overflows(page.getByTestId('edit-form')), 'edit').toEqual([]);
    await page.getByTestId('edit-form').getByRole('button', { name: 'キャンセル' }).click();

    await page.getByTestId('check-in').click();
    expect(await overflows(page.locator('[data-verdict]')), 'verdict').toEqual([]);
  });

  test(`door dialogs in Japanese at ${at}: verdict, override form with PIN, staff unlock`, async ({ page, request }) => {
    const { token } = await tokenOf(request, 'amelie lefevre');
    await holdClock(page);
    await japanese(page, size);
    await page.goto('/door?checkpoint=cp-bus-2');
    await expect(page.locator('[data-scanner="ready"]')).toBeVisible();
    await page.keyboard.type(token);
    await page.keyboard.press('Enter');
    const verdict = page.locator('[data-verdict="not_registered"]');
    expect(await overflows(verdict), 'verdict').toEqual([]);
    await page.locator('.override-btn').click();
    const form = page.locator('.override-form');
    expect(await overflows(form), 'override').toEqual([]);
    // The name stays in sight above the form.
    const name = (await page.locator('.verdict-name').boundingBox())!;
    const formBox = (await form.boundingBox())!;
    expect(name.y + name.height).toBeLessThanOrEqual(formBox.y + 0.5);
    await form.getByRole('button', { name: 'キャンセル' }).click();
    await page.locator('[data-verdict]').click();
    await page.locator('.change-checkpoint').click();
    expect(await overflows(page.getByTestId('unlock')), 'unlock').toEqual([]);
  });

  test(`kiosk staff dialog in Japanese at ${at}`, async ({ page }) => {
    await japanese(page, size);
    await page.goto('/kiosk');
    await page.getByTestId('kiosk-staff').click();
    const unlock = page.getByTestId('unlock');
    await unlock.locator('input').fill('1');
    await unlock.locator('button[type="submit"]').click();
    await expect(unlock.getByRole('alert')).toBeVisible();
    expect(await overflows(unlock), 'unlock with error').toEqual([]);
  });
}

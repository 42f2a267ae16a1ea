import type { APIRequestContext } from '@playwright/test';
import type { ApiInput, ApiMethod, ApiOutputs } from '../../electron/api/contract';

/** Calls the web host's Api directly, for setting up a scene or reading a badge token. */
export async function call<M extends ApiMethod>(request: APIRequestContext, method: M, input: ApiInput<M>): Promise<ApiOutputs[M]> {
  const res = await request.post(`/api/${method}`, { data: input, headers: { 'Content-Type': 'application/json' } });
  if (!res.ok()) throw new Error(`${method}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as ApiOutputs[M];
}

export async function tokenOf(request: APIRequestContext, query: string): Promise<{ id: string; token: string }> {
  const [hit] = await call(request, 'searchDelegates', { query, limit: 1 });
  if (!hit) throw new Error(`no delegate for ${query}`);
  const d = await call(request, 'delegate', { id: hit.id });
  return { id: hit.id, token: d.token! };
}

/** Searches the desk for something unique (an email, a registration code) and opens that one delegate's card. */
export async function openDelegate(page: import('@playwright/test').Page, query: string): Promise<void> {
  const { expect } = await import('@playwright/test');
  await page.locator('input[type="search"]').fill(query);
  // Wait for this query's answer, not the list from the previous keystrokes.
  await expect(page.locator('#desk-results')).toHaveAttribute('data-query', query);
  await expect(page.getByTestId('result')).toHaveCount(1);
  // The single hit may still be the previous query's (its answer not in yet under load): click until the card
  // opened is this query's.
  await expect(async () => {
    await page.getByTestId('result').first().click();
    await expect(page.getByTestId('delegate-card')).toContainText(query, { ignoreCase: true, timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

/**
 * Puts the page's clock (timers, Date, performance, event time stamps) in the test's hands before the page loads.
 * Nothing the app does after a delay — a verdict going back to ready, a pause ending a scan — happens until the test
 * moves the clock on, so a slow machine cannot make a state come and go between two looks, and key timing is exact.
 */
export async function holdClock(page: import('@playwright/test').Page): Promise<void> {
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 60_000);
}

/** Types keys with exactly this gap between them on the page's held clock (see holdClock), whatever the machine's speed. */
export async function typeWithGaps(page: import('@playwright/test').Page, text: string, gapMs: number): Promise<void> {
  for (const key of text) {
    await page.clock.runFor(gapMs);
    await page.keyboard.type(key);
  }
}

/** One delegate by badge number (demo codes are random; badge numbers are stable): their id, token and name. */
export async function byBadgeNo(request: APIRequestContext, n: number) {
  const hits = await call(request, 'searchDelegates', { query: String(n), limit: 100 });
  const hit = hits.find((h) => h.badgeNo === n);
  if (!hit) throw new Error(`no delegate with badge no. ${n}`);
  const d = await call(request, 'delegate', { id: hit.id });
  return { id: hit.id, token: d.token!, hit, detail: d };
}

/** A port nobody listens on now (other worktrees run their own hosts on this machine: fixed offsets collide). */
export function freePort(): Promise<number> {
  return import('node:net').then(
    (net) =>
      new Promise<number>((resolve) => {
        const srv = net.createServer();
        srv.listen(0, '127.0.0.1', () => {
          const { port } = srv.address() as import('node:net').AddressInfo;
          srv.close(() => resolve(port));
        });
      }),
  );
}

/**
 * A web host of the spec's own (its own event file and event loop, beside the suite's shared host), answering on
 * a free port once /healthz does. `host` is the address it binds (loopback unless a spec plays a LAN device).
 */
export async function startWebHost(db: string, args: string[] = [], host = '127.0.0.1'): Promise<{ base: string; stop: () => void }> {
  const { spawn } = await import('node:child_process');
  const port = await freePort();
  const base = `http://${host}:${port}`;
  const child = spawn(process.execPath, ['bin/uketsuke.mjs', 'web', '--db', db, '--port', String(port), ...(host === '127.0.0.1' ? [] : ['--host', host]), ...args], { stdio: 'ignore' });
  const deadline = Date.now() + 120_000;
  // Wait for the host to answer (a state, not a time); a host that died says so at once.
  for (;;) {
    if (child.exitCode !== null) throw new Error(`uketsuke web exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`uketsuke web did not answer at ${base}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { base, stop: () => child.kill() };
}

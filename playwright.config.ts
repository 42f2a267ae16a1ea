import { defineConfig } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';

export const E2E_PORT = Number(process.env.UKETSUKE_E2E_PORT ?? 5799);
const db = path.join(os.tmpdir(), `uketsuke-e2e-${process.pid}.db`);

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

// Sized for the project's machines (2 cores, shared): one browser per core, and no test that a slow moment can fail.
// Tests wait on states, never on time; the limits below only end a test that is really stuck. No retries: a test
// that passes only on a second try is a failure to fix, not to hide.
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 180_000,
  expect: { timeout: 30_000 },
  workers: Math.max(1, Math.min(2, os.availableParallelism())),
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    viewport: { width: 1366, height: 768 },
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    locale: 'en-GB',
    trace: 'off',
  },
  webServer: {
    // A fresh demo event per run: the host creates it in an empty file.
    command: `node -e "require('fs').rmSync('${db}',{force:true})" && node bin/uketsuke.mjs web --db ${db} --port ${E2E_PORT}`,
    url: `http://127.0.0.1:${E2E_PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 180_000,
  },
});

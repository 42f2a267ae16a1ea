import { defineConfig } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';

export const E2E_PORT = Number(process.env.UKETSUKE_E2E_PORT ?? 5799);
const db = path.join(os.tmpdir(), `uketsuke-e2e-${process.pid}.db`);

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 30_000,
  workers: 2,
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
    timeout: 60_000,
  },
});

import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The built API (npm start's dist/) on a random port with a fresh data directory: demo data planted on first start.
// Set once in the runner; its workers inherit the environment, so they see the same port.
process.env.ENPLAN_WEB_E2E_PORT ??= String(4100 + Math.floor(Math.random() * 1800));
process.env.ENPLAN_WEB_E2E_DATA ??= mkdtempSync(join(tmpdir(), 'enplan-web-e2e-'));
const port = Number(process.env.ENPLAN_WEB_E2E_PORT);
const root = fileURLToPath(new URL('../..', import.meta.url));
export const artifacts = join(root, 'dist/web-e2e');

export default defineConfig({
  testDir: './src',
  testMatch: '**/*.pw.ts',
  outputDir: join(artifacts, 'test-results'),
  // run-tests.mjs points the JSON results into dist/test-results/ (ENPLAN_WEB_E2E_RESULTS) for the summary line.
  reporter: [['list'], ['json', { outputFile: process.env.ENPLAN_WEB_E2E_RESULTS ?? join(artifacts, 'results.json') }]],
  workers: 1,
  // The machine is shared and slow: the first boot plants the demo data.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    viewport: { width: 1920, height: 1080 },
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `node --enable-source-maps dist/apps/api/src/main.js`,
    cwd: root,
    url: `http://127.0.0.1:${port}/health/ready`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { PORT: String(port), HOST: '127.0.0.1', ENPLAN_DATA_DIR: process.env.ENPLAN_WEB_E2E_DATA, LOG_LEVEL: 'warn' },
  },
});

import { defineConfig } from '@playwright/test';

/**
 * Runs against an already started Kadens (scripts/e2e.mjs starts one on a fresh database) in Debian's
 * Chromium: Playwright's own browser downloads are not available on these machines.
 */
export default defineConfig({
  testDir: '.',
  // Journeys of several people and pages; a two-core machine that also builds or tests needs more than a minute.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '../../tmp/e2e-results/report.json' }]],
  outputDir: '../../tmp/e2e-results/artifacts',
  use: {
    baseURL: process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1:3000',
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});

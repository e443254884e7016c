import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: Chromium (Debian's, or CHROMIUM_PATH) against `hcc serve` on a demo city; and
 * the Electron build where its binary is installed (skipped, loudly, where it is not).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  // The main tsconfig maps a package to its type file for tsc only (see tsconfig.e2e.json).
  tsconfig: './tsconfig.e2e.json',
  outputDir: 'test-results/e2e',
  globalSetup: './tests/e2e/support/global-setup.ts',
  globalTeardown: './tests/e2e/support/global-teardown.ts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    viewport: { width: 1600, height: 1000 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-dev-shm-usage',
      ],
    },
  },
});

import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.THALAMUS_TEST_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

/**
 * End-to-end tests against a production build (`npm test` builds it and creates the
 * throwaway database). Chromium is Debian's package: Playwright's own browser
 * download is not used.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  // One retry in CI absorbs a transient machine hiccup; a real failure fails twice (and the report says flaky).
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions,
  },
  projects: [
    { name: 'api', testDir: 'e2e/api' },
    { name: 'chromium', testDir: 'e2e/browser', use: { ...devices['Desktop Chrome'], launchOptions } },
    { name: 'console-setup', testDir: 'e2e/console', testMatch: /.*\.setup\.ts/, use: { ...devices['Desktop Chrome'], launchOptions } },
    {
      name: 'console',
      testDir: 'e2e/console',
      dependencies: ['console-setup'],
      use: { ...devices['Desktop Chrome'], launchOptions, storageState: 'test-results/.auth/admin.json', viewport: { width: 1440, height: 900 } },
    },
  ],
  webServer: {
    command: 'node scripts/serve-for-tests.mjs',
    url: `${baseURL}/api/health`,
    env: { APP_URL: baseURL },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});

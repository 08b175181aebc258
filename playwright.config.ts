import { defineConfig, devices } from '@playwright/test';
import { resultsPath } from './e2e/support/test-results';

const port = Number(process.env.THALAMUS_TEST_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;
// The test SMTP server (scripts/test-mail-server.mjs) and where it files what it receives
// (e2e/support/mailbox.ts). Its port follows the test port so parallel runs do not collide.
const smtpPort = port + 1000;
const mailDir = resultsPath('mail');
/**
 * Mail settings of every server the tests start (the web server below and the extra ones
 * of e2e/support/extra-server.ts, which inherit this environment). Set here, not taken
 * from the developer's environment: a test run must never mail real people.
 */
const mailEnv = { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_FROM: 'Thalamus <thalamus@example.test>', MAIL_RETRY_SECONDS: '1', TEST_MAIL_DIR: mailDir };
Object.assign(process.env, mailEnv);
/**
 * Back-channel logout in tests: the receivers listen on loopback (http), which a real
 * deployment refuses (lib/backchannel-logout/post-logout-token.ts); retries come quickly.
 */
const backchannelLogoutEnv = { BACKCHANNEL_LOGOUT_ALLOW_PRIVATE: 'true', BACKCHANNEL_LOGOUT_RETRY_SECONDS: '1' };
Object.assign(process.env, backchannelLogoutEnv);
/** The key server of the jwks_uri test (e2e/api/client-security.spec.ts) listens on loopback: the one host allowed. */
Object.assign(process.env, { JWKS_URI_ALLOWED_HOSTS: '127.0.0.1', JWKS_URI_ALLOW_PRIVATE: 'true' });
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
  outputDir: resultsPath('e2e'),
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  // One retry in CI absorbs a transient machine hiccup; a real failure fails twice (and the report says flaky).
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: resultsPath('e2e.json') }]],
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
      use: { ...devices['Desktop Chrome'], launchOptions, storageState: resultsPath('.auth', 'admin.json'), viewport: { width: 1440, height: 900 } },
    },
  ],
  webServer: [
    {
      command: 'node scripts/test-mail-server.mjs',
      port: smtpPort,
      env: { TEST_SMTP_PORT: String(smtpPort), TEST_MAIL_DIR: mailDir },
      reuseExistingServer: false,
      timeout: 20_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command: 'node scripts/serve-for-tests.mjs',
      url: `${baseURL}/api/health`,
      env: { APP_URL: baseURL, ...mailEnv, ...backchannelLogoutEnv },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});

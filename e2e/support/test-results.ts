import { join, resolve } from 'node:path';

/**
 * This run's directory for reports, the server log, received mail and the admin's
 * browser state: `THALAMUS_TEST_RESULTS` (set by scripts/test.mjs), `test-results` by
 * default. Runs side by side (SQLite and PostgreSQL in .ci/run) each have their own.
 */
export const resultsDir = resolve(process.env.THALAMUS_TEST_RESULTS || 'test-results');

export const resultsPath = (...parts: string[]) => join(resultsDir, ...parts);

/** Everything the test server printed (scripts/serve-for-tests.mjs). */
export const serverLogPath = resultsPath('server.log');

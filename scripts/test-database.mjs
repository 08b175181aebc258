// A throwaway database for one test run: a fresh SQLite file, or a fresh PostgreSQL
// database on the server DATABASE_URL points at (dropped afterwards).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export async function createTestDatabase(baseUrl = process.env.DATABASE_URL) {
  if (baseUrl && /^postgres(ql)?:\/\//i.test(baseUrl)) {
    const name = `thalamus_test_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    return {
      provider: 'postgresql',
      url: url.toString(),
      async drop() {
        const client = new pg.Client({ connectionString: baseUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'thalamus-test-'));
  return {
    provider: 'sqlite',
    url: `file:${join(dir, 'thalamus.db')}`,
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

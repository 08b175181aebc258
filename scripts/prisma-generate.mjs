// Generates the Prisma client twice from the one schema: once for SQLite and once
// for PostgreSQL. A generated Prisma client is specific to one provider, and
// Thalamus picks the database at run time from DATABASE_URL, so it ships both.
//
// Runs offline: `prisma generate` needs no schema engine, but the CLI looks for one
// before it starts, so PRISMA_SCHEMA_ENGINE_BINARY points it at any existing file.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = readFileSync(join(root, 'prisma/schema.prisma'), 'utf8');
const workDir = join(root, 'node_modules/.thalamus');
mkdirSync(workDir, { recursive: true });

export function schemaFor(provider) {
  return source.replace('provider = "sqlite"', `provider = "${provider}"`).replace('"../lib/db/generated/sqlite"', `"${join(root, 'lib/db/generated', provider)}"`);
}

for (const provider of ['sqlite', 'postgresql']) {
  const schemaPath = join(workDir, `schema.${provider}.prisma`);
  writeFileSync(schemaPath, schemaFor(provider));
  execFileSync(process.execPath, [join(root, 'node_modules/prisma/build/index.js'), 'generate', '--schema', schemaPath], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
}
console.log('thalamus: generated the Prisma clients for sqlite and postgresql');

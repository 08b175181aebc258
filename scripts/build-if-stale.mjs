// Builds the production bundle unless .next already holds a build of these sources.
// The fingerprint covers everything `next build` reads, so a pull or an edit rebuilds
// and a plain restart does not.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
const inputs = ['app', 'components', 'lib', 'public', 'next.config.mjs', 'proxy.ts', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json', 'prisma/schema.prisma'];
const stampFile = join(root, '.next', 'thalamus-source-fingerprint');

function* files(path) {
  if (!existsSync(path)) return;
  const stat = statSync(path);
  if (stat.isFile()) {
    yield [path, stat];
    return;
  }
  for (const entry of readdirSync(path).sort()) {
    if (entry === 'node_modules' || entry === 'generated' || entry.endsWith('.test.ts')) continue;
    yield* files(join(path, entry));
  }
}

export function sourceFingerprint() {
  const hash = createHash('sha256');
  for (const input of inputs) {
    for (const [path, stat] of files(join(root, input))) hash.update(`${relative(root, path)}:${stat.size}:${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

export function buildIfStale() {
  const fingerprint = sourceFingerprint();
  const built = existsSync(join(root, '.next', 'BUILD_ID')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === fingerprint;
  if (built) return false;
  console.log('thalamus: building the production bundle (next build)…');
  const result = spawnSync(process.execPath, [join(root, 'node_modules/next/dist/bin/next'), 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
  writeFileSync(stampFile, fingerprint);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildIfStale();

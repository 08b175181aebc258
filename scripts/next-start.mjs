// How every Thalamus server process is started (npm start, the tests, the benchmark):
// `next start` of the production build, with a bounded V8 heap (old and young
// generation), the TCP peer's address appended to X-Forwarded-For (forwarded-for.cjs),
// and keep-alive connections closed as soon as they are idle once the server stops
// (graceful-close.cjs).
import { join } from 'node:path';
import { root } from './build-if-stale.mjs';

/**
 * V8 sizes its heap from the machine's memory, not from what the server keeps: on a
 * 24 GiB machine it let the old generation grow to ~210 MB of mostly garbage before
 * collecting, while the live heap under load is ~70 MB. A limit makes it collect sooner
 * (peak RSS 416 → 264 MB under token load, same throughput). Raise THALAMUS_HEAP_MB for
 * installations with very many clients or sessions cached in memory.
 */
export function heapMegabytes(value = process.env.THALAMUS_HEAP_MB) {
  if (value === undefined || value === '') return 256;
  const mb = Number(value);
  if (!Number.isInteger(mb) || mb < 128) throw new Error(`THALAMUS_HEAP_MB must be a whole number of megabytes, at least 128 (got "${value}")`);
  return mb;
}

/**
 * The server's environment: `env` with glibc's malloc told to give large blocks back.
 * By default glibc raises its mmap threshold each time a large block it mapped on its
 * own is freed, up to 32 MB, so later blocks of that size (Argon2id's 19 MiB per password
 * check, buffers of a few hundred KB) come from per-thread arenas that keep the memory
 * after use. A fixed threshold of 128 KiB keeps every large block mapped on its own and
 * returned on free: peak RSS under token load 303 → 257 MB, and 399 → 257 MB after
 * sign-ins, at ~3 ms more CPU per Argon2id check (its pages are faulted in afresh).
 * An operator's own MALLOC_MMAP_THRESHOLD_ wins.
 */
export function serverEnvironment(env = process.env) {
  return { ...env, MALLOC_MMAP_THRESHOLD_: env.MALLOC_MMAP_THRESHOLD_ ?? '131072' };
}

/**
 * The young generation's semi-space, in MB. With the heap limit above, Node 20 picks 16 MB
 * semi-spaces and Node 24 64 MB (a 128 MB new space instead of 32 MB): 70–110 MB more RSS
 * under load for the same live heap, at no measurable gain in CPU per request. Fixed at
 * Node 20's choice so that both runtimes size the heap alike.
 */
const SEMI_SPACE_MB = 16;

/** Arguments for `node` that run `next start` on `port`. */
export function nextStartArgs(port) {
  return [
    `--max-old-space-size=${heapMegabytes()}`,
    `--max-semi-space-size=${SEMI_SPACE_MB}`,
    '--require',
    join(root, 'scripts/forwarded-for.cjs'),
    '--require',
    join(root, 'scripts/graceful-close.cjs'),
    join(root, 'node_modules/next/dist/bin/next'),
    'start',
    '--port',
    String(port),
    '--keepAliveTimeout',
    '65000',
  ];
}

import { describe, expect, it } from 'vitest';
import { heapMegabytes, nextStartArgs, serverEnvironment } from './next-start.mjs';

describe('the server process', () => {
  it('runs with a 256 MB heap unless THALAMUS_HEAP_MB says otherwise', () => {
    expect(heapMegabytes(undefined)).toBe(256);
    expect(heapMegabytes('512')).toBe(512);
    expect(nextStartArgs(3000)[0]).toMatch(/^--max-old-space-size=\d+$/);
  });

  it('sizes the young generation as Node 20 does on every runtime, and preloads the forwarded-for and graceful-close hooks', () => {
    const args = nextStartArgs(3000);
    expect(args).toContain('--max-semi-space-size=16');
    const preloads = args.filter((_, i) => args[i - 1] === '--require');
    expect(preloads).toEqual([expect.stringMatching(/forwarded-for\.cjs$/), expect.stringMatching(/graceful-close\.cjs$/)]);
  });

  it('refuses a heap limit that is not a whole number of megabytes, or too small to run', () => {
    for (const bad of ['64', '256MB', '1.5', '-1']) expect(() => heapMegabytes(bad)).toThrow(/THALAMUS_HEAP_MB/);
  });

  it("fixes glibc's mmap threshold so large freed blocks leave the process, unless the operator set one", () => {
    expect(serverEnvironment({ PORT: '3000' })).toEqual({ PORT: '3000', MALLOC_MMAP_THRESHOLD_: '131072' });
    expect(serverEnvironment({ MALLOC_MMAP_THRESHOLD_: '1048576' }).MALLOC_MMAP_THRESHOLD_).toBe('1048576');
  });
});

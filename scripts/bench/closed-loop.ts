/**
 * Load for multi-request flows (sign-ins, refresh chains): each step depends on the one
 * before, so they run as a closed loop — each worker starts its next flow when its last
 * one finishes — instead of through autocannon.
 */
import { refreshWith } from '../../e2e/support/http-sign-in';
import type { LoadResult } from './load';

/** Runs `flow` on `workers` workers for `seconds`; a flow counts once, however many requests it makes. */
export async function closedLoop(workers: number, seconds: number, flow: (worker: number) => Promise<unknown>): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  let firstError: unknown;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          await flow(worker);
          latencies.push(performance.now() - t);
        } catch (error) {
          failures++;
          firstError ??= error;
        }
      }
    }),
  );
  if (firstError) console.error(`  ${failures} failed flows; first: ${firstError instanceof Error ? firstError.message : String(firstError)}`);
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return { rps: +(latencies.length / elapsed).toFixed(1), p50: at(0.5), p99: at(0.99), requests: latencies.length, non2xx: failures, errors: 0 };
}

/** One rotation step of a refresh chain; resolves with the successor. */
export async function refresh(base: string, refreshToken: string): Promise<string> {
  const response = await refreshWith(base, refreshToken);
  if (response.status !== 200) throw new Error(`refresh: HTTP ${response.status}`);
  return ((await response.json()) as { refresh_token: string }).refresh_token;
}

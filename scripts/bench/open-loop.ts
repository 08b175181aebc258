/**
 * Latency at a fixed load: requests leave on a fixed schedule (an open loop), whatever
 * the server is doing, and each latency counts from the moment its request was due, so
 * a stall shows in the numbers instead of silently slowing the sender ("coordinated
 * omission"). autocannon's own rate option cannot do this: each connection sends its
 * whole per-second quota at once at the top of every second and then waits, so "half
 * load" is really full-speed bursts, and its latencies are those of saturation.
 */
import { Agent, request } from 'node:http';
import type { LoadResult } from './load';

export interface OpenLoopOptions {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  rate: number;
  seconds: number;
  /** Varies each request (e.g. a different client per request). */
  vary?: () => { headers?: Record<string, string> };
}

export async function openLoop(options: OpenLoopOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const url = new URL(options.url);
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  let failed = 0;
  let errors = 0;
  const start = performance.now();

  const send = (due: number) =>
    new Promise<void>((resolve) => {
      const headers = { ...options.headers, ...options.vary?.().headers };
      const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: options.method, headers, agent }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode && res.statusCode >= 200 && res.statusCode < 300) latencies.push(performance.now() - due);
          else failed++;
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(options.body);
    });

  const inFlight: Promise<void>[] = [];
  let sent = 0;
  while (sent < total) {
    const now = performance.now();
    // Everything due by now goes out now, each timed from when it was due.
    while (sent < total && start + sent * interval <= now) inFlight.push(send(start + sent++ * interval));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, start + sent * interval - performance.now())));
  }
  await Promise.all(inFlight);
  agent.destroy();

  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => +(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(1);
  return { rps: Math.round(latencies.length / elapsed), p50: at(0.5), p99: at(0.99), requests: latencies.length + failed + errors, non2xx: failed, errors };
}

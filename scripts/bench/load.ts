import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  seconds: number;
  connections?: number;
  /** Varies each request (e.g. a different client per request). */
  vary?: () => { headers?: Record<string, string>; body?: string };
}

/** One load run with autocannon (a load generator from npm), on loopback only. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    method: options.method ?? 'GET',
    headers: options.headers,
    body: options.body,
    duration: options.seconds,
    connections: options.connections ?? 10,
    ...(options.vary
      ? {
          requests: [
            {
              setupRequest: (request: Record<string, unknown>) => {
                const change = options.vary!();
                return { ...request, headers: { ...(request.headers as object), ...change.headers }, ...(change.body ? { body: change.body } : {}) };
              },
            },
          ],
        }
      : {}),
  } as autocannon.Options);
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** CPU time (user + system, seconds) and peak RSS (MB) of a process, from /proc. */
export function processStats(pid: number): { cpuSeconds: number; peakRssMb: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = 100; // USER_HZ on Linux
  const cpuSeconds = (Number(stat[11]) + Number(stat[12])) / ticks;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { cpuSeconds, peakRssMb: Math.round(kb('VmHWM') / 1024), rssMb: Math.round(kb('VmRSS') / 1024) };
}

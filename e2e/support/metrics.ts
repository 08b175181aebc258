import { expect, type APIRequestContext } from '@playwright/test';
import { bearer } from './admin-api';

/** One scrape of /metrics as Prometheus makes it, parsed: `name{label="value",…}` → value. */
export async function scrape(request: APIRequestContext): Promise<Map<string, number>> {
  const response = await request.get('/metrics', { headers: bearer(process.env.METRICS_TOKEN!) });
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/plain; version=0.0.4');
  const series = new Map<string, number>();
  for (const line of (await response.text()).split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    series.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return series;
}

/** The sum of every series of `name` whose labels include all of `labels`. */
export function total(series: Map<string, number>, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const [key, value] of series) {
    if (!(key === name || key.startsWith(`${name}{`))) continue;
    if (Object.entries(labels).every(([label, wanted]) => key.includes(`${label}="${wanted}"`))) sum += value;
  }
  return sum;
}

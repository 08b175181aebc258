/** The performance targets Thalamus is held to, checked against one run's rows. */
import type { LoadResult } from './load';
import type { SoakResult } from './soak';

export interface Row extends Partial<LoadResult> {
  database: string;
  /** The Node version the server ran on (process.version); absent in results from before it was recorded. */
  node?: string;
  scenario: string;
  cpuMsPerRequest?: number;
  /** SQL statements the server sent per request (per sign-in for the sign-in row). */
  statementsPerRequest?: number;
  peakRssMb?: number;
  coldStartMs?: number;
  listP95Ms?: number;
  soak?: SoakResult;
  note?: string;
}

/** How many clients the round-robin rows spread their token requests over. */
export const MANY_CLIENTS = '10,000';

export interface TargetResult {
  target: string;
  measured: string;
  met: boolean;
}

export function checkTargets(rows: Row[]): TargetResult[] {
  const results: TargetResult[] = [];
  const servers = rows.filter((r) => r.database !== 'memory');
  for (const server of new Set(servers.map((r) => `${r.database} ${r.node ?? ''}`.trim()))) {
    const mine = servers.filter((r) => `${r.database} ${r.node ?? ''}`.trim() === server);
    const row = (prefix: string) => mine.find((r) => r.scenario.startsWith(prefix));
    const ping = row('reference: empty route handler');
    const jwt = row('client_credentials, JWT ES256');
    const half = row('client_credentials, JWT, at half load');
    const signIns = row('sign-in');
    const list = row('console client list, search');
    const facets = row('console client list, facets');
    const cold = row('cold start');
    const manyHalf = row(`client_credentials, JWT, ${MANY_CLIENTS} clients, at half load`);
    const soak = mine.find((r) => r.soak)?.soak;
    const peak = Math.max(...mine.map((r) => r.peakRssMb ?? 0));
    const add = (target: string, measured: string, met: boolean) => results.push({ target: `${server}: ${target}`, measured, met });

    if (ping?.rps && jwt?.rps) add('client_credentials ≥ 0.65 × empty route handler', `${jwt.rps} / ${ping.rps} = ${(jwt.rps / ping.rps).toFixed(2)}`, jwt.rps >= 0.65 * ping.rps);
    if (half?.p99 !== undefined) add('client_credentials p99 < 50 ms at half load', `${half.p99} ms`, half.p99 < 50);
    // Sign-ins per core: sign-ins per CPU-second of the server process (one row "request" is one whole sign-in).
    if (signIns?.cpuMsPerRequest) {
      const perCore = 1000 / signIns.cpuMsPerRequest;
      add('sign-ins ≥ 15 per server CPU-second (1000 / CPU ms per sign-in)', `${perCore.toFixed(1)} per CPU-second (${signIns.rps}/s measured)`, perCore >= 15);
    }
    // With 10,000 clients most lookups miss every cache: the same latency bound, and a memory bound.
    if (manyHalf?.p99 !== undefined) add(`client_credentials over ${MANY_CLIENTS} clients p99 < 50 ms at half load`, `${manyHalf.p99} ms`, manyHalf.p99 < 50);
    if (manyHalf?.peakRssMb) add(`peak RSS < 300 MB with ${MANY_CLIENTS} clients`, `${manyHalf.peakRssMb} MB`, manyHalf.peakRssMb < 300);
    if (list?.listP95Ms !== undefined) add('console list search over 10,000 clients p95 < 50 ms', `${list.listP95Ms} ms`, list.listP95Ms < 50);
    if (facets?.listP95Ms !== undefined) add('console list with facet filters and counts over 10,000 clients p95 < 50 ms', `${facets.listP95Ms} ms`, facets.listP95Ms < 50);
    add('peak RSS under load < 400 MB', `${peak} MB`, peak > 0 && peak < 400);
    if (soak) {
      const growth = (soak.rssSecondHalfMb - soak.rssFirstHalfMb) / soak.rssFirstHalfMb;
      add(
        `RSS growth over the ${soak.seconds} s soak ≤ 10 % (medians, first vs second half)`,
        `${soak.rssFirstHalfMb} → ${soak.rssSecondHalfMb} MB (${(growth * 100).toFixed(1)} %)`,
        growth <= 0.1,
      );
      // Tokens live 60 s and the purge runs every 30 s: the table never holds more than the
      // baseline plus 90 s of tokens, however long the soak runs.
      add(
        'artefact table bounded by purge (max ≤ baseline + rate × (token lifetime + purge interval))',
        `max ${soak.artefactsMax} ≤ ${soak.artefactsBound} rows (baseline ${soak.artefactsBaseline}), ${soak.requests} tokens issued`,
        soak.artefactsMax <= soak.artefactsBound,
      );
    }
    if (cold?.coldStartMs !== undefined) add('cold start to first token < 3 s', `${cold.coldStartMs} ms`, cold.coldStartMs < 3000);
  }
  return results;
}

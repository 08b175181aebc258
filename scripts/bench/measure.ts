/**
 * One measured row: the load's own figures plus what the server process spent on it
 * (CPU time and peak RSS from /proc, SQL statements from its /metrics), per request.
 */
import type { LoadResult } from './load';
import { processStats } from './load';
import type { Row } from './targets';

/** The server under test: which database and Node it runs on, its process, and where its metrics are. */
export interface Server {
  database: string;
  node: string;
  pid: number;
  base: string;
  /** Absent for the reference servers, which have no /metrics. */
  metricsToken?: string;
}

export const rows: Row[] = [];

export function printRow(row: Row): void {
  const failed = row.non2xx ?? 0;
  const statements = row.statementsPerRequest === undefined ? '' : `  SQL ${row.statementsPerRequest}/req`;
  console.log(
    `${row.database.padEnd(10)} ${(row.node ?? '').padEnd(9)} ${row.scenario.padEnd(48)} ${String(row.rps).padStart(7)}/s  p50 ${row.p50} ms  p99 ${row.p99} ms  CPU ${row.cpuMsPerRequest} ms${statements}${failed ? `  FAILED ${failed}` : ''}`,
  );
}

/** thalamus_db_statements_total of the server (lib/db/statement-count.ts). */
async function statementsSent(server: Server): Promise<number> {
  if (!server.metricsToken) return NaN;
  const response = await fetch(`${server.base}/metrics`, { headers: { Authorization: `Bearer ${server.metricsToken}` } });
  const value = /^thalamus_db_statements_total (\d+)/m.exec(await response.text())?.[1];
  if (value === undefined) throw new Error(`no thalamus_db_statements_total at ${server.base}/metrics (HTTP ${response.status})`);
  return Number(value);
}

/** What one run cost the server: CPU seconds and SQL statements, without the scrapes' own statements. */
async function cost(server: Server, run: () => Promise<LoadResult>) {
  const first = await statementsSent(server);
  const before = processStats(server.pid);
  const result = await run();
  const after = processStats(server.pid);
  const last = await statementsSent(server);
  // One scrape's own statements (its database sample) land between `first` and `last`; one more scrape measures them.
  const scrape = (await statementsSent(server)) - last;
  const statements = server.metricsToken ? Math.max(0, last - first - scrape) : undefined;
  return { result, cpuSeconds: after.cpuSeconds - before.cpuSeconds, statements, peakRssMb: after.peakRssMb };
}

function perRequest(total: number, requests: number, digits: number): number;
function perRequest(total: number | undefined, requests: number, digits: number): number | undefined;
function perRequest(total: number | undefined, requests: number, digits: number) {
  return total === undefined ? undefined : +(total / Math.max(1, requests)).toFixed(digits);
}

export async function measured(server: Server, scenario: string, run: () => Promise<LoadResult>, note?: string): Promise<Row> {
  const { result, cpuSeconds, statements, peakRssMb } = await cost(server, run);
  const failed = result.non2xx + result.errors;
  const row: Row = {
    database: server.database,
    node: server.node,
    scenario,
    ...result,
    cpuMsPerRequest: perRequest(cpuSeconds * 1000, result.requests, 2),
    statementsPerRequest: perRequest(statements, result.requests, 1),
    peakRssMb,
    note: failed ? `${failed} failed${note ? `; ${note}` : ''}` : note,
  };
  rows.push(row);
  printRow(row);
  return row;
}

/**
 * Two or more scenarios measured in alternating slices (A B A B A B), so that the
 * machine speeding up or slowing down during the run (it does, by up to half) affects
 * each alike and their ratio holds. Throughput, CPU and statements are totals over the
 * slices; p50 is the slices' median, p99 their worst.
 */
export async function interleaved(server: Server, seconds: number, scenarios: { scenario: string; run: (seconds: number) => Promise<LoadResult> }[], rounds = 3): Promise<Row[]> {
  const totals = scenarios.map(() => ({
    requests: 0,
    seconds: 0,
    cpuSeconds: 0,
    statements: server.metricsToken ? 0 : undefined,
    failed: 0,
    p50: [] as number[],
    p99: [] as number[],
  }));
  const slice = seconds / rounds;
  for (let round = 0; round < rounds; round++) {
    for (const [i, { run }] of scenarios.entries()) {
      const { result, cpuSeconds, statements } = await cost(server, () => run(slice));
      const t = totals[i]!;
      t.requests += result.requests;
      t.seconds += slice;
      t.cpuSeconds += cpuSeconds;
      if (t.statements !== undefined) t.statements += statements ?? 0;
      t.failed += result.non2xx + result.errors;
      t.p50.push(result.p50);
      t.p99.push(result.p99);
    }
  }
  const { peakRssMb } = processStats(server.pid);
  return scenarios.map(({ scenario }, i) => {
    const t = totals[i]!;
    const sorted = [...t.p50].sort((x, y) => x - y);
    const row: Row = {
      database: server.database,
      node: server.node,
      scenario,
      rps: Math.round((t.requests - t.failed) / t.seconds),
      p50: sorted[Math.floor(sorted.length / 2)]!,
      p99: Math.max(...t.p99),
      requests: t.requests,
      non2xx: t.failed,
      errors: 0,
      cpuMsPerRequest: perRequest(t.cpuSeconds * 1000, t.requests, 2),
      statementsPerRequest: perRequest(t.statements, t.requests, 1),
      peakRssMb,
      note: `${rounds} alternating slices${t.failed ? `; ${t.failed} failed` : ''}`,
    };
    rows.push(row);
    printRow(row);
    return row;
  });
}

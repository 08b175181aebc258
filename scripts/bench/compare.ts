/**
 * `npm run bench -- --compare <earlier results.json>`: each row's change against an
 * earlier run, matched by database, scenario and Node version, so a regression shows as
 * a number rather than a feeling. Rows only one run has are listed as such.
 */
import { readFileSync } from 'node:fs';
import type { Row } from './targets';

export interface Results {
  machine: { node: string; [detail: string]: unknown };
  rows: Row[];
}

export function readResults(file: string): Results {
  return JSON.parse(readFileSync(file, 'utf8')) as Results;
}

/** The figures compared; `better` says which way is an improvement. */
const FIGURES: { label: string; value: (r: Row) => number | undefined; better: 'higher' | 'lower' }[] = [
  { label: 'req/s', value: (r) => r.rps, better: 'higher' },
  { label: 'p99 ms', value: (r) => r.p99, better: 'lower' },
  { label: 'CPU ms/req', value: (r) => r.cpuMsPerRequest, better: 'lower' },
  { label: 'SQL/req', value: (r) => r.statementsPerRequest, better: 'lower' },
  { label: 'peak RSS MB', value: (r) => r.peakRssMb, better: 'lower' },
  { label: 'ms (cold start, list p95)', value: (r) => r.coldStartMs ?? r.listP95Ms, better: 'lower' },
];

/** Rows written before the Node version was recorded per row ran on the machine's Node. */
const key = (row: Row, results: Results) => `${row.database}\u0000${row.scenario}\u0000${row.node ?? results.machine.node}`;

/** Worse by more than this is marked: smaller swings are this machine's noise between runs. */
const NOISE_PERCENT = 10;

/** "1200 → 1080 (-10.0 %, worse)"; empty when either run lacks the figure. */
export function change(before: number | undefined, after: number | undefined, better: 'higher' | 'lower'): string {
  if (before === undefined || after === undefined) return '';
  if (before === 0) return `${before} → ${after}`;
  const percent = ((after - before) / before) * 100;
  const worse = better === 'higher' ? percent < -NOISE_PERCENT : percent > NOISE_PERCENT;
  return `${before} → ${after} (${percent >= 0 ? '+' : ''}${percent.toFixed(1)} %${worse ? ', worse' : ''})`;
}

/** A Markdown table of every row's change from `earlier` to `current`. */
export function compareResults(earlier: Results, current: Results): string[] {
  const previous = new Map(earlier.rows.map((row) => [key(row, earlier), row]));
  const lines = [`| database | node | scenario | ${FIGURES.map((f) => f.label).join(' | ')} |`, `|---|---|---|${FIGURES.map(() => '---|').join('')}`];
  for (const row of current.rows) {
    const node = row.node ?? current.machine.node;
    const before = previous.get(key(row, current));
    previous.delete(key(row, current));
    const cells = before ? FIGURES.map((f) => change(f.value(before), f.value(row), f.better)) : FIGURES.map(() => '');
    lines.push(`| ${row.database} | ${node} | ${row.scenario}${before ? '' : ' (new)'} | ${cells.join(' | ')} |`);
  }
  for (const [, row] of previous)
    lines.push(`| ${row.database} | ${row.node ?? earlier.machine.node} | ${row.scenario} (only in the earlier run) | ${FIGURES.map(() => '').join(' | ')} |`);
  return lines;
}

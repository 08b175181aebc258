/**
 * The soak: token load for BENCH_SOAK_SECONDS (10 minutes by default) against a server
 * whose tokens live 60 s and whose purge runs every 30 s. Resident memory must not grow
 * (beyond warm-up) and the artefact table must stay bounded: what expires is deleted.
 */
import { createDb } from '../../lib/db/client';
import { parseDatabaseUrl } from '../../lib/db/database-url';
import { load, processStats } from './load';

export interface SoakResult {
  seconds: number;
  requests: number;
  /** Median RSS over the first and the second half of the soak after its first minute (GC makes single samples swing by ±50 MB). */
  rssFirstHalfMb: number;
  rssSecondHalfMb: number;
  peakRssMb: number;
  /** Artefacts in the table when the soak began (left by the scenarios before it, with their own lifetimes). */
  artefactsBaseline: number;
  /**
   * The most the table may hold if the purge works: the baseline plus every token issued
   * in one lifetime and one purge interval (a token can outlive its expiry by at most
   * one interval before the purge deletes it).
   */
  artefactsBound: number;
  artefactsMax: number;
  samples: { at: number; rssMb: number; artefacts: number }[];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export interface SoakOptions {
  databaseUrl: string;
  pid: number;
  seconds: number;
  /** Tokens per second the load offers, how long each lives, and how often the purge runs. */
  rate: number;
  tokenSeconds: number;
  purgeSeconds: number;
  run: (seconds: number) => ReturnType<typeof load>;
}

export async function soak(options: SoakOptions): Promise<SoakResult> {
  const db = createDb(parseDatabaseUrl(options.databaseUrl));
  const slice = Math.min(30, options.seconds);
  let requests = 0;
  const samples: SoakResult['samples'] = [];
  let baseline = 0;
  try {
    baseline = await db.oidcModel.count();
    for (let elapsed = 0; elapsed < options.seconds; elapsed += slice) {
      requests += (await options.run(slice)).requests;
      const sample = { at: elapsed + slice, rssMb: processStats(options.pid).rssMb, artefacts: await db.oidcModel.count() };
      samples.push(sample);
      console.log(`  soak ${String(sample.at).padStart(4)} s: RSS ${sample.rssMb} MB, ${sample.artefacts} artefacts`);
    }
  } finally {
    await db.$disconnect();
  }
  // The first minute warms the JIT, pools and caches (and fills the table up to one token lifetime); growth is judged after it.
  const settled = samples.filter((s) => s.at > 60);
  const judged = settled.length >= 2 ? settled : samples;
  const half = Math.ceil(judged.length / 2);
  const [first, second] = [judged.slice(0, half), judged.slice(half)];
  return {
    seconds: options.seconds,
    requests,
    rssFirstHalfMb: median(first.map((s) => s.rssMb)),
    rssSecondHalfMb: median((second.length ? second : first).map((s) => s.rssMb)),
    peakRssMb: processStats(options.pid).peakRssMb,
    artefactsBaseline: baseline,
    artefactsBound: Math.round(baseline + options.rate * (options.tokenSeconds + options.purgeSeconds)),
    artefactsMax: Math.max(...samples.map((s) => s.artefacts)),
    samples,
  };
}

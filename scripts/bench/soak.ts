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
  rssAfterWarmupMb: number;
  rssEndMb: number;
  peakRssMb: number;
  artefactsMax: number;
  artefactsEnd: number;
}

export async function soak(options: { databaseUrl: string; pid: number; seconds: number; run: (seconds: number) => ReturnType<typeof load> }): Promise<SoakResult> {
  const db = createDb(parseDatabaseUrl(options.databaseUrl));
  const slice = Math.min(30, options.seconds);
  let requests = 0;
  let rssAfterWarmupMb = 0;
  let artefactsMax = 0;
  let artefactsEnd = 0;
  try {
    for (let elapsed = 0; elapsed < options.seconds; elapsed += slice) {
      requests += (await options.run(slice)).requests;
      artefactsEnd = await db.oidcModel.count();
      artefactsMax = Math.max(artefactsMax, artefactsEnd);
      const { rssMb } = processStats(options.pid);
      // The first minute warms the JIT, pools and caches; growth is judged after it.
      if (elapsed + slice >= 60 && !rssAfterWarmupMb) rssAfterWarmupMb = rssMb;
      console.log(`  soak ${String(elapsed + slice).padStart(4)} s: RSS ${rssMb} MB, ${artefactsEnd} artefacts`);
    }
  } finally {
    await db.$disconnect();
  }
  const stats = processStats(options.pid);
  return { seconds: options.seconds, requests, rssAfterWarmupMb: rssAfterWarmupMb || stats.rssMb, rssEndMb: stats.rssMb, peakRssMb: stats.peakRssMb, artefactsMax, artefactsEnd };
}

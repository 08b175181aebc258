import { getDb } from '@/lib/db/client';
import { databaseTarget } from '@/lib/db/database-url';
import { keyStatus } from '@/lib/keys/keys';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  database: { status: 'ok' | 'unavailable'; provider: string; latency_ms?: number; error?: string };
  keys: { status: 'ok' | 'missing' | 'unknown'; signing?: { active: number; retired: number }; cookie?: { active: number; retired: number } };
}

const TIMEOUT_MS = 2_000;

export async function checkHealth(): Promise<HealthReport> {
  const provider = databaseTarget().provider;
  const started = performance.now();
  try {
    const db = await withTimeout(getDb());
    await withTimeout(db.$queryRawUnsafe('SELECT 1'));
    const latency = Math.round((performance.now() - started) * 10) / 10;
    const keys = await withTimeout(keyStatus(db));
    const keysOk = keys.signing.active > 0 && keys.cookie.active > 0;
    return {
      status: keysOk ? 'ok' : 'unavailable',
      database: { status: 'ok', provider, latency_ms: latency },
      keys: { status: keysOk ? 'ok' : 'missing', ...keys },
    };
  } catch (error) {
    return {
      status: 'unavailable',
      database: { status: 'unavailable', provider, error: describe(error) },
      keys: { status: 'unknown' },
    };
  }
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref())]);
}

/** A short reason without connection strings or stack traces. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split('\n')[0]!
    .replace(/postgres(ql)?:\/\/\S+/gi, 'postgres://…')
    .slice(0, 200);
}

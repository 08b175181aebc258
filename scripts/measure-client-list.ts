/**
 * Server time of the console's client-list query (search + sort + page) over many
 * clients. Usage, on a throwaway database:
 *
 *   DATABASE_URL=file:/tmp/list.db npx tsx scripts/measure-client-list.ts [clients=10000] [runs=200]
 *
 * (Run `npx thalamus setup` against that database first.)
 */
import { randomBytes } from 'node:crypto';
import { closeDb, getDb } from '@/lib/db/client';
import { listClients, clientListQuerySchema } from '@/lib/clients/list-clients';

const target = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 200);
const words = ['billing', 'reports', 'payroll', 'crm', 'portal', 'sync', 'mobile', 'agent', 'gateway', 'analytics'];

const db = await getDb();
const existing = await db.oAuthClient.count();
for (let made = existing; made < target;) {
  const batch = Array.from({ length: Math.min(500, target - made) }, (_, i) => ({
    clientId: randomBytes(10).toString('hex'),
    name: `${words[(made + i) % words.length]} service ${made + i}`,
    organizationId: 'org_default',
    grantTypes: '["client_credentials"]',
    scopes: '["directory:read"]',
  }));
  await db.oAuthClient.createMany({ data: batch });
  made += batch.length;
}

const timings: number[] = [];
for (let i = 0; i < runs; i++) {
  const query = clientListQuerySchema.parse({ q: words[i % words.length], sort: i % 2 ? 'name' : 'created_at', page: 1 + (i % 5) });
  const started = performance.now();
  await listClients(db, query);
  timings.push(performance.now() - started);
}
timings.sort((a, b) => a - b);
const at = (p: number) => timings[Math.min(timings.length - 1, Math.floor((p / 100) * timings.length))]!.toFixed(1);
console.log(`${await db.oAuthClient.count()} clients, ${runs} searches: p50 ${at(50)} ms, p95 ${at(95)} ms, max ${at(100)} ms`);
await closeDb();

/**
 * Server time of the console's client-list query over many clients: the search (search +
 * sort + page), and the faceted list (a mix of facet filters, the page and every facet's
 * counts, as the console asks for them). Usage, on a throwaway database:
 *
 *   DATABASE_URL=file:/tmp/list.db npx tsx scripts/measure-client-list.ts [clients=10000] [runs=200]
 *
 * (Run `npx thalamus setup` against that database first.) Prints one line per query kind,
 * "search … p95 N ms" and "facets … p95 N ms" (scripts/bench/bench.ts reads both).
 */
import { randomBytes } from 'node:crypto';
import { closeDb, getDb, type Db } from '@/lib/db/client';
import { listClients, listClientFacets, clientListQuerySchema } from '@/lib/clients/list-clients';

const target = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 200);
const words = ['billing', 'reports', 'payroll', 'crm', 'portal', 'sync', 'mobile', 'agent', 'gateway', 'analytics'];
const day = 24 * 60 * 60 * 1000;

// What the generated clients vary in, so each facet has several options with real counts.
const organizations = ['org_default', 'bench_org_1', 'bench_org_2', 'bench_org_3'];
const owners = [null, 'bench_key_1', 'bench_key_2', 'bench_key_3', 'bench_key_4', 'bench_key_5'];
const grantSets = [['client_credentials'], ['authorization_code', 'refresh_token'], ['authorization_code'], ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token']];
const authMethods = ['client_secret_basic', 'none', 'client_secret_post'];

async function seed(db: Db) {
  for (const id of organizations.slice(1)) await db.organization.upsert({ where: { id }, create: { id, name: `Bench ${id}` }, update: {} });
  for (const id of owners.slice(1) as string[]) {
    await db.apiKey.upsert({ where: { id }, create: { id, name: id, scopes: '["clients:write"]', digest: `digest-${id}`, hint: 'thak_…bnch' }, update: {} });
  }
  const now = Date.now();
  for (let made = await db.oAuthClient.count(); made < target;) {
    const batch = Array.from({ length: Math.min(500, target - made) }, (_, b) => {
      const i = made + b;
      return {
        clientId: randomBytes(10).toString('hex'),
        name: `${words[i % words.length]} service ${i}`,
        organizationId: organizations[i % organizations.length]!,
        ownerApiKeyId: owners[i % owners.length]!,
        grantTypes: JSON.stringify(grantSets[i % grantSets.length]),
        tokenEndpointAuthMethod: authMethods[i % authMethods.length]!,
        enabled: i % 10 !== 0,
        scopes: '["directory:read"]',
      };
    });
    await db.oAuthClient.createMany({ data: batch });
    // Three in five have got a token, at some time in the last 180 days; the rest never did.
    const used = batch.filter((_, b) => (made + b) % 5 < 3).map((c, b) => ({ clientId: c.clientId, lastUsedAt: new Date(now - ((b * 7919) % 180) * day) }));
    await db.clientUsage.createMany({ data: used });
    made += batch.length;
  }
}

async function time(run: (i: number) => Promise<unknown>) {
  const timings: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run(i);
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  const at = (p: number) => timings[Math.min(timings.length - 1, Math.floor((p / 100) * timings.length))]!.toFixed(1);
  return `p50 ${at(50)} ms, p95 ${at(95)} ms, max ${at(100)} ms`;
}

/** The i-th faceted query: one to three facets at a time, sometimes with a search. */
function facetQuery(i: number) {
  const pick = <T>(options: readonly T[], salt: number) => options[(i * 7 + salt) % options.length];
  const mixes: Record<string, string | undefined>[] = [
    { grant_type: pick(['authorization_code', 'client_credentials', 'refresh_token'], 0) },
    { status: 'disabled', not_used_days: '90' },
    { client_kind: pick(['public', 'confidential'], 1), organization_id: pick(organizations, 2) },
    { owner: pick(['none', ...(owners.slice(1) as string[])], 3), grant_type: 'authorization_code', status: 'enabled' },
    { not_used_days: pick(['30', '90'], 4), q: pick(words, 5) },
    { organization_id: pick(organizations, 6), owner: 'none', not_used_days: '30' },
  ];
  return clientListQuerySchema.parse({ ...mixes[i % mixes.length], sort: i % 2 ? 'name' : 'created_at', page: 1 + (i % 3) });
}

const db = await getDb();
await seed(db);
const total = await db.oAuthClient.count();

const search = await time((i) => listClients(db, clientListQuerySchema.parse({ q: words[i % words.length], sort: i % 2 ? 'name' : 'created_at', page: 1 + (i % 5) })));
console.log(`${total} clients, ${runs} searches: ${search}`);

const faceted = await time((i) => {
  const query = facetQuery(i);
  return Promise.all([listClients(db, query), listClientFacets(db, query)]);
});
console.log(`${total} clients, ${runs} faceted lists with facet counts: ${faceted}`);
await closeDb();

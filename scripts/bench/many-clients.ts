/**
 * Registers `count` confidential client_credentials clients (JWT access tokens) straight
 * in the database, 500 rows at a time (the admin API manages ~160 a second; this takes a
 * few), and prints their credentials as JSON `[[client_id, client_secret], …]` for the
 * benchmark's round-robin row. Secrets are issued and stored as the admin API does
 * (lib/clients/client-secret.ts: SHA-256 digest and hint).
 *
 *   DATABASE_URL=… node --import tsx scripts/bench/many-clients.ts 10000
 *   DATABASE_URL=… node --import tsx scripts/bench/many-clients.ts --remove   # deletes them again
 */
import { closeDb, getDb } from '@/lib/db/client';
import { issueClientSecret } from '@/lib/clients/client-secret';

const PREFIX = 'bench-many-';
const db = await getDb();
if (process.argv[2] === '--remove') {
  await db.oAuthClient.deleteMany({ where: { clientId: { startsWith: PREFIX } } }); // their secrets go with them (ON DELETE CASCADE)
  await closeDb();
  process.exit(0);
}
const count = Number(process.argv[2] ?? 10_000);
const credentials: [string, string][] = [];
for (let made = 0; made < count;) {
  const batch = Array.from({ length: Math.min(500, count - made) }, (_, i) => ({ clientId: `${PREFIX}${made + i}`, secret: issueClientSecret() }));
  await db.$transaction([
    db.oAuthClient.createMany({
      data: batch.map(({ clientId }) => ({
        clientId,
        name: `bench round-robin ${clientId}`,
        organizationId: 'org_default',
        grantTypes: '["client_credentials"]',
        scopes: '["directory:read"]',
        accessTokenFormat: 'jwt',
        registeredBy: 'CLI',
      })),
    }),
    db.clientSecret.createMany({ data: batch.map(({ clientId, secret }) => ({ id: `sec_${clientId}`, clientId, digest: secret.digest, hint: secret.hint })) }),
  ]);
  for (const { clientId, secret } of batch) credentials.push([clientId, secret.plaintext]);
  made += batch.length;
}
console.log(JSON.stringify(credentials));
await closeDb();

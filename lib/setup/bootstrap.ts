import { randomBytes } from 'node:crypto';
import { env } from '@/lib/config/env';
import type { Db } from '@/lib/db/client';
import { ADMIN_CLIENT_ID, CONSOLE_CLIENT_ID, DEFAULT_CLIENTS, DEFAULT_ORGANIZATION_ID, defaultClientFields } from '@/lib/clients/default-clients';
import { toRow } from '@/lib/clients/client-record';
import { parseList, toJsonList } from '@/lib/db/json-list';
import { adoptSecret, issueSecret } from '@/lib/secrets/secret-token';
import { CLIENT_SECRET_PREFIX } from '@/lib/clients/client-secret';
import { changeClients } from '@/lib/clients/clients-version';
import { ensureKeys } from '@/lib/keys/keys';
import { createUser } from '@/lib/users/create-user';
import { newId } from '@/lib/secrets/ids';
import { ensureConsoleClientSecret } from '@/lib/console/console-client';
import { ADMIN_SCOPE, BUILTIN_SCOPES } from '@/lib/scopes/builtin-scopes';
import { requireKnownScopes } from '@/lib/scopes/known-scopes';
import { ensureThalamusApiResource } from '@/lib/resources/thalamus-api-resource';

export interface BootstrapReport {
  created: string[];
  /** Secrets generated during this run; printed once by the caller, never stored. */
  revealed: { label: string; value: string }[];
}

/**
 * Provisions what a fresh installation needs: keys, the default organization, the
 * built-in scopes, the default clients and the first super admin. Every step checks
 * before it writes, so running it again changes nothing.
 */
export async function bootstrap(db: Db): Promise<BootstrapReport> {
  const report: BootstrapReport = { created: [], revealed: [] };

  for (const key of await ensureKeys(db)) report.created.push(`key ${key}`);

  const org = await db.organization.findUnique({ where: { id: DEFAULT_ORGANIZATION_ID } });
  if (!org) {
    await db.organization.create({ data: { id: DEFAULT_ORGANIZATION_ID, name: 'Default', description: 'The default organization', isDefault: true } });
    report.created.push('organization Default');
  }

  // Scopes first: a client may carry only scopes the registry knows (known-scopes.ts).
  for (const scope of BUILTIN_SCOPES) {
    const existing = await db.scope.findUnique({ where: { name: scope.name } });
    if (existing) continue;
    await db.scope.create({ data: { name: scope.name, description: scope.description, builtIn: true } });
    report.created.push(`scope ${scope.name}`);
  }

  // Thalamus's own API, holding its built-in scopes (lib/resources/thalamus-api-resource.ts).
  if (await ensureThalamusApiResource(db)) report.created.push('API Thalamus API');

  for (const client of DEFAULT_CLIENTS) {
    const existing = await db.oAuthClient.findUnique({ where: { clientId: client.clientId }, select: { clientId: true } });
    if (existing) continue;
    const fields = defaultClientFields(client);
    await requireKnownScopes(db, fields.scopes, `${client.clientId}.scopes`);
    const fromEnv = client.secretEnv ? env()[client.secretEnv] : undefined;
    const secret = fields.token_endpoint_auth_method === 'none' ? undefined : fromEnv ? adoptSecret(fromEnv, CLIENT_SECRET_PREFIX) : issueSecret(CLIENT_SECRET_PREFIX);
    await db.oAuthClient.create({
      data: {
        clientId: client.clientId,
        isDefault: true,
        registeredBy: 'Thalamus setup',
        ...toRow(fields),
        secrets: secret ? { create: { id: newId('sec'), digest: secret.digest, hint: secret.hint } } : undefined,
      },
    });
    report.created.push(`client ${client.clientId}`);
    if (secret && !fromEnv && client.secretEnv) report.revealed.push({ label: `${fields.name} (${client.clientId}) client secret`, value: secret.plaintext });
  }

  if (await ensureConsoleClientSecret(db)) report.created.push('console client secret');
  if (await alignConsoleRedirects(db)) report.created.push('console redirect URIs for the current APP_URL');
  if (await grantAdminScopeToAdminClient(db)) report.created.push('admin scope for the Admin Client');

  const admins = await db.user.count({ where: { role: 'super_admin' } });
  if (admins === 0) {
    const { ADMIN_EMAIL, ADMIN_PASSWORD } = env();
    const email = ADMIN_EMAIL ?? 'admin@thalamus.local';
    const password = ADMIN_PASSWORD ?? randomBytes(18).toString('base64url');
    await createUser(db, { email, password, name: 'Administrator', role: 'super_admin' });
    report.created.push(`super admin ${email}`);
    if (!ADMIN_PASSWORD) report.revealed.push({ label: `Super admin password for ${email}`, value: password });
  }

  return report;
}

/**
 * The Admin Client is the platform-automation credential: installations set up before
 * the `admin` scope existed get it added to the client's scopes once.
 */
async function grantAdminScopeToAdminClient(db: Db): Promise<boolean> {
  const row = await db.oAuthClient.findUnique({ where: { clientId: ADMIN_CLIENT_ID }, select: { scopes: true } });
  if (!row) return false;
  const scopes = parseList(row.scopes);
  if (scopes.includes(ADMIN_SCOPE)) return false;
  await changeClients(db, (tx) => tx.oAuthClient.update({ where: { clientId: ADMIN_CLIENT_ID }, data: { scopes: toJsonList([...scopes, ADMIN_SCOPE]) } }));
  return true;
}

/**
 * The console's redirect URIs follow APP_URL: moving the server to a new address
 * (say, from http://localhost:3000 to its https name) must not lock administrators out.
 */
async function alignConsoleRedirects(db: Db): Promise<boolean> {
  const { redirectUris, postLogoutRedirectUris } = toRow(defaultClientFields(DEFAULT_CLIENTS.find((c) => c.clientId === CONSOLE_CLIENT_ID)!));
  const wanted = { redirectUris, postLogoutRedirectUris };
  const where = { clientId: CONSOLE_CLIENT_ID, NOT: wanted };
  if ((await db.oAuthClient.count({ where })) === 0) return false;
  await changeClients(db, (tx) => tx.oAuthClient.updateMany({ where, data: wanted }));
  return true;
}

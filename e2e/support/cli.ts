import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/** Runs `npx thalamus …` against the test database, as an operator would. */
export function thalamus(...args: string[]): string {
  return thalamusWith(process.env, ...args);
}

/** The same against another installation (its own DATABASE_URL and APP_URL). */
export function thalamusWith(env: NodeJS.ProcessEnv, ...args: string[]): string {
  return execFileSync(process.execPath, ['bin/thalamus.mjs', ...args], { encoding: 'utf8', env });
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

/** A new end user with a unique email, verified unless `verified: false`. */
export function createUser(options: { name?: string; picture?: string; requireMfa?: boolean; verified?: boolean; env?: NodeJS.ProcessEnv } = {}): TestUser {
  const email = `user-${randomBytes(6).toString('hex')}@example.test`;
  const password = `pw-${randomBytes(12).toString('base64url')}`;
  const args = ['users', 'create', '--email', email, '--password', password, '--name', options.name ?? 'Ada Lovelace', '--nickname', 'ada', '--json'];
  if (options.verified !== false) args.push('--verified');
  if (options.picture) args.push('--picture', options.picture);
  if (options.requireMfa) args.push('--require-mfa');
  const { id } = JSON.parse(thalamusWith(options.env ?? process.env, ...args)) as { id: string };
  return { id, email, password };
}

/** A registered client as `clients create` prints it: its fields, with the secret beside them (RFC 7591 §3.2.1). */
export interface CreatedClient {
  client_id: string;
  name: string;
  redirect_uris: string[];
  organization_id: string;
  client_secret?: string;
}

/** An operator registers a client on the server (`npx thalamus clients create`). */
export function createClient(body: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env): CreatedClient {
  return JSON.parse(thalamusWith(env, 'clients', 'create', '--data', JSON.stringify(body))) as CreatedClient;
}

export interface CreatedApiKey {
  api_key: { id: string; name: string; scopes: string[]; hint: string };
  key: string;
}

/** Step 0 of the integration story: a super admin creates an admin API key (shown once). */
export function createApiKey(scopes: string, name = `service-${randomBytes(4).toString('hex')}`, ...guardrails: string[]): CreatedApiKey {
  return JSON.parse(thalamus('api-keys', 'create', '--name', name, '--scopes', scopes, ...guardrails, '--json')) as CreatedApiKey;
}

export function revokeApiKey(id: string) {
  thalamus('api-keys', 'revoke', id);
}

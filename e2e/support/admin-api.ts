import type { APIRequestContext } from '@playwright/test';
import { adminClient, basicAuth } from './test-env';
import type { CreatedClient } from './cli';

/** `Authorization: Bearer …` for an admin API key or an admin token. */
export const bearer = (credential: string) => ({ Authorization: `Bearer ${credential}` });

/** A service registers a client with its own API key (the key then owns it). */
export async function registerClient(request: APIRequestContext, key: string, body: Record<string, unknown>): Promise<CreatedClient> {
  const response = await request.post('/api/clients', { headers: bearer(key), data: body });
  if (response.status() !== 201) throw new Error(`registration failed: ${response.status()} ${await response.text()}`);
  return (await response.json()) as CreatedClient;
}

/**
 * The platform credential: a client_credentials access token of the Admin Client with the
 * `admin` scope, accepted by the whole admin API.
 */
export async function adminToken(request: APIRequestContext): Promise<string> {
  const response = await request.post('/oauth/token', {
    headers: { Authorization: basicAuth(adminClient.id, adminClient.secret) },
    form: { grant_type: 'client_credentials', scope: 'admin' },
  });
  if (response.status() !== 200) throw new Error(`admin token refused: ${response.status()} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export interface IssuedApiKey {
  api_key: { id: string; name: string; hint: string; scopes: string[] } & Record<string, unknown>;
  key: string;
}

/** Platform automation creates an admin API key over HTTP with an admin token (shown once). */
export async function issueApiKey(request: APIRequestContext, body: Record<string, unknown>): Promise<IssuedApiKey> {
  const response = await request.post('/api/api-keys', { headers: bearer(await adminToken(request)), data: { scopes: ['clients:read', 'clients:write'], ...body } });
  if (response.status() !== 201) throw new Error(`API key refused: ${response.status()} ${await response.text()}`);
  return (await response.json()) as IssuedApiKey;
}

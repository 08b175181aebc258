import type { APIRequestContext } from '@playwright/test';
import { basicAuth } from './test-env';

/** A token request from a confidential client with client_secret_basic (RFC 6749 §2.3.1, §3.2). */
export function requestToken(request: APIRequestContext, client: { id: string; secret: string }, form: Record<string, string>) {
  return request.post('/oauth/token', { headers: { Authorization: basicAuth(client.id, client.secret) }, form });
}

import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import * as oidc from 'openid-client';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { completeSignIn, discover } from '../../examples/relying-party';
import { invoicesApi } from '../../examples/resource-server';
import { adminToken, bearer } from '../support/admin-api';
import { createClient, createUser } from '../support/cli';
import { beginBrowserSignIn } from '../support/relying-party';
import { SignInPage } from '../support/sign-in-page';
import { baseURL, syncClient } from '../support/test-env';
import { requestToken } from '../support/token-request';

const tag = randomBytes(3).toString('hex');
const identifier = `https://shipping-${tag}.acceptance.example`;
const scope = `shipments${tag}:read`;
const redirectUri = 'https://shipping.example.test/callback';

test('a sign-in for an API asks consent for its scope by description and yields a JWT that API accepts', async ({ page, request }) => {
  const created = await request.post('/api/resources', {
    headers: bearer(await adminToken(request)),
    data: { name: 'Shipping', identifier, scopes: [{ name: scope, description: 'Track your shipments' }] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const user = createUser();
  const { client_secret, ...client } = createClient({
    name: 'Shipping Portal',
    grant_types: ['authorization_code', 'refresh_token'],
    redirect_uris: [redirectUri],
    scopes: ['openid', scope],
    require_consent: true,
  });
  const config = await discover(baseURL, client.client_id, client_secret);

  const { start, callback } = await beginBrowserSignIn(page, config, redirectUri, `openid ${scope}`, { resource: identifier });
  await new SignInPage(page).signIn(user);
  await expect(page.getByRole('heading', { name: 'Allow access?' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Requested permissions' })).toContainText('Track your shipments');
  await page.getByRole('button', { name: 'Allow' }).click();
  const tokens = await completeSignIn(config, await callback, start);

  const jwks = createRemoteJWKSet(new URL(`${baseURL}/oauth/jwks`));
  const { payload } = await jwtVerify(tokens.access_token, jwks, { issuer: baseURL, audience: identifier, typ: 'at+jwt' });
  expect(payload).toMatchObject({ sub: user.id, client_id: client.client_id, scope });

  // The API, as examples/resource-server.ts builds it, accepts the user's token...
  const api = invoicesApi({ issuer: baseURL, audience: identifier }, scope).listen(0, '127.0.0.1');
  await new Promise((resolve) => api.once('listening', resolve));
  const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}/invoices`;
  try {
    const accepted = await fetch(apiUrl, { headers: { Authorization: `Bearer ${tokens.access_token}` } });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ for: user.id, client_id: client.client_id });

    // ...and refuses a valid Thalamus token meant for another API (Thalamus's own).
    const other = (await (await requestToken(request, syncClient, { grant_type: 'client_credentials', scope: 'directory:read' })).json()).access_token;
    const refused = await fetch(apiUrl, { headers: { Authorization: `Bearer ${other}` } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('invalid_token');

    // Refreshing keeps the API: the new access token is for it too.
    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
    const again = await jwtVerify(refreshed.access_token, jwks, { issuer: baseURL, audience: identifier });
    expect(again.payload.scope).toBe(scope);
  } finally {
    api.close();
  }
});

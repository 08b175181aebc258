import { expect, test } from '@playwright/test';
import { adminClient, basicAuth } from '../support/test-env';
import { startExtraServer } from '../support/extra-server';

test.describe('Restarting the server', () => {
  test('keeps the signing keys, the clients and every issued opaque token', async () => {
    test.setTimeout(90_000);
    const port = Number(process.env.THALAMUS_TEST_PORT ?? 3210) + 1;
    const auth = { Authorization: basicAuth(adminClient.id, adminClient.secret) };

    let server = await startExtraServer(port);
    const jwksBefore = await (await fetch(`${server.url}/oauth/jwks`)).json();
    const issued = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      headers: auth,
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'clients:read' }),
    });
    expect(issued.status).toBe(200);
    const { access_token: token } = await issued.json();
    await server.stop();

    server = await startExtraServer(port);
    try {
      expect(await (await fetch(`${server.url}/oauth/jwks`)).json()).toEqual(jwksBefore);
      const introspection = await fetch(`${server.url}/oauth/introspect`, {
        method: 'POST',
        headers: auth,
        body: new URLSearchParams({ token }),
      });
      expect(await introspection.json()).toMatchObject({ active: true, client_id: adminClient.id, scope: 'clients:read' });
    } finally {
      await server.stop();
    }
  });
});

import { expect, test } from '@playwright/test';
import { createUser } from '../support/cli';
import { startExtraServer, type ExtraServer } from '../support/extra-server';
import { authorize, MOBILE_APP, redeem, refreshWith } from '../support/http-sign-in';
import { ACCOUNT_LIMIT } from '../../lib/users/authenticate';
import { baseURL } from '../support/test-env';

// Two `next start` processes on one database, as behind a load balancer: the main test
// server (A) and an extra one (B). Everything that matters for security lives in the
// database, so it must not matter which instance answers which request. On SQLite both
// processes open the same file (WAL mode allows it); on PostgreSQL they share the server.
//
// Instances behind one load balancer serve one issuer: B gets A's APP_URL. Tokens and
// codes are issuer-bound (the ID token's `iss`, the issuer the client discovered), so two
// instances with different APP_URLs would be two authorization servers, not one.

const port = Number(process.env.THALAMUS_TEST_PORT ?? 3210) + 20;
let b: ExtraServer;

test.beforeAll(async () => {
  b = await startExtraServer(port, { APP_URL: baseURL });
});
test.afterAll(async () => {
  await b?.stop();
});

test.describe('Several instances on one database', () => {
  test('sign in on A, redeem and refresh on B, revoke on A: the refresh token is dead on B', async () => {
    test.setTimeout(60_000);
    const grant = await authorize(baseURL, createUser());

    const redeemed = await redeem(b.url, grant);
    expect(redeemed.status).toBe(200);
    const tokens = (await redeemed.json()) as { refresh_token: string; id_token: string };
    // B signs as the one issuer, with the keys it shares with A.
    const idToken = JSON.parse(Buffer.from(tokens.id_token.split('.')[1]!, 'base64url').toString()) as { iss: string };
    expect(idToken.iss).toBe(baseURL);
    expect(await (await fetch(`${b.url}/oauth/jwks`)).json()).toEqual(await (await fetch(`${baseURL}/oauth/jwks`)).json());

    const refreshed = await refreshWith(b.url, tokens.refresh_token);
    expect(refreshed.status).toBe(200);
    const { refresh_token: current } = (await refreshed.json()) as { refresh_token: string };

    // RFC 7009 §2.1: a public client identifies itself with client_id and can revoke its own tokens.
    const revoked = await fetch(`${baseURL}/oauth/revoke`, {
      method: 'POST',
      body: new URLSearchParams({ token: current, token_type_hint: 'refresh_token', client_id: MOBILE_APP.clientId }),
    });
    expect(revoked.status).toBe(200);

    const afterRevocation = await refreshWith(b.url, current);
    expect(afterRevocation.status).toBe(400);
    expect(await afterRevocation.json()).toMatchObject({ error: 'invalid_grant' });
  });

  test('wrong passwords spread over A and B lock the account on both (one shared counter)', async () => {
    test.setTimeout(60_000);
    const user = createUser();
    const wrong = { email: user.email, password: `${user.password}-wrong` };

    // ACCOUNT_LIMIT.max failures, alternating instances: with per-instance counters neither
    // would reach the limit and the right password would still work below.
    // The browser is at the one public origin whichever instance the load balancer picks.
    const viaLoadBalancer = { origin: baseURL };
    for (let attempt = 0; attempt < ACCOUNT_LIMIT.max; attempt++) {
      const instance = attempt % 2 === 0 ? baseURL : b.url;
      await expect(authorize(instance, wrong, MOBILE_APP, viaLoadBalancer)).rejects.toThrow('wrong password?');
    }
    for (const instance of [baseURL, b.url]) {
      await expect(authorize(instance, user, MOBILE_APP, viaLoadBalancer)).rejects.toThrow(/Too many sign-in attempts/);
    }
  });
});

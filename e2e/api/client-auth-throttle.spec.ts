import { expect, test } from '@playwright/test';
import { createClient } from '../support/cli';
import { basicAuth } from '../support/test-env';

// Failed client authentications are counted per client and address in the database
// (shared by every instance); past 20 in 15 minutes the token endpoint answers 429,
// even for the right secret, until the window ends.

test.describe('Client authentication throttling', () => {
  test('20 concurrent wrong secrets and then some: the limit holds, later attempts get 429 even with the right secret', async ({ request }) => {
    const { client_secret, ...client } = createClient({ name: 'Throttled Service', grant_types: ['client_credentials'], scopes: ['clients:read'] });
    const attempt = (secret: string) =>
      request.post('/oauth/token', { headers: { Authorization: basicAuth(client.client_id, secret) }, form: { grant_type: 'client_credentials' } });

    expect((await attempt(client_secret!)).status()).toBe(200);

    const burst = await Promise.all(Array.from({ length: 25 }, (_, i) => attempt(`thcs_wrong-${i}`)));
    const statuses = burst.map((r) => r.status());
    // Exactly the limit is answered as a wrong secret; everything past it is refused outright.
    expect(statuses.filter((s) => s === 401)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    const refused = await burst.find((r) => r.status() === 429)!.json();
    expect(refused).toMatchObject({ error: 'invalid_client' });
    expect(refused.error_description).toMatch(/try again in \d+ seconds/);

    const locked = await attempt(client_secret!);
    expect(locked.status()).toBe(429);
    expect(locked.headers()['cache-control']).toBe('no-store');
    expect(Number(locked.headers()['retry-after'])).toBeGreaterThan(0);
  });

  test('a client locked out by failures does not affect other clients', async ({ request }) => {
    const other = createClient({ name: 'Unaffected Service', grant_types: ['client_credentials'], scopes: ['clients:read'] });
    const ok = await request.post('/oauth/token', {
      headers: { Authorization: basicAuth(other.client_id, other.client_secret!) },
      form: { grant_type: 'client_credentials' },
    });
    expect(ok.status()).toBe(200);
  });
});

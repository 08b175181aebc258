import { expect, test, type Page } from '@playwright/test';
import { completeSignIn, discover } from '../../examples/relying-party';
import { createUser, type TestUser } from '../support/cli';
import { baseURL } from '../support/test-env';
import { beginBrowserSignIn } from '../support/relying-party';
import { SignInPage } from '../support/sign-in-page';

// Conformance: the UserInfo endpoint (OIDC Core §5.3, RFC 6750 §2) and refresh
// (RFC 6749 §6, OIDC Core §12), with tokens from a real sign-in.

const redirectUri = 'http://127.0.0.1:53682/callback';
const clientId = 'thalamus-desktop-agent';

async function signIn(page: Page, user: TestUser, scope: string) {
  const config = await discover(baseURL, clientId);
  const { start, callback } = await beginBrowserSignIn(page, config, redirectUri, scope);
  await new SignInPage(page).signIn(user);
  return completeSignIn(config, await callback, start);
}

function refresh(refreshToken: string, extra: Record<string, string> = {}) {
  return fetch(`${baseURL}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'refresh_token', client_id: clientId, refresh_token: refreshToken, ...extra }),
  });
}

function claimsOf(idToken: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
}

test.describe('Conformance: userinfo and refresh', () => {
  test('userinfo answers GET and POST with the Authorization header, and POST with access_token in the form body', async ({ page }) => {
    const user = createUser({ name: 'Dorothy Vaughan' });
    const { access_token } = await signIn(page, user, 'openid profile email');
    const userinfo = `${baseURL}/oauth/userinfo`;
    const answers = {
      'GET, Authorization header': await fetch(userinfo, { headers: { Authorization: `Bearer ${access_token}` } }),
      'POST, Authorization header': await fetch(userinfo, { method: 'POST', headers: { Authorization: `Bearer ${access_token}` } }),
      // RFC 6750 §2.2: form-encoded body parameter.
      'POST, form body': await fetch(userinfo, { method: 'POST', body: new URLSearchParams({ access_token }) }),
    };
    for (const [how, response] of Object.entries(answers)) {
      expect(response.status, how).toBe(200);
      expect(await response.json(), how).toMatchObject({ sub: user.id, name: 'Dorothy Vaughan', email: user.email });
    }
  });

  test('userinfo without a valid token is refused with a WWW-Authenticate challenge (RFC 6750 §3)', async () => {
    const cases: [Record<string, string>, number[]][] = [
      [{}, [401]],
      [{ Authorization: 'Bearer not-a-token' }, [401]],
      // Another scheme is a malformed request to a Bearer resource: 400 invalid_request or a bare 401 (§3.1).
      [{ Authorization: 'Basic abc' }, [400, 401]],
    ];
    for (const [headers, statuses] of cases) {
      const response = await fetch(`${baseURL}/oauth/userinfo`, { headers });
      expect(statuses, JSON.stringify(headers)).toContain(response.status);
      expect(response.headers.get('www-authenticate'), JSON.stringify(headers)).toMatch(/^Bearer /);
    }
  });

  test('an access token in two places at once is refused (RFC 6750 §2: one method per request)', async ({ page }) => {
    const { access_token } = await signIn(page, createUser(), 'openid');
    const response = await fetch(`${baseURL}/oauth/userinfo`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${access_token}` },
      body: new URLSearchParams({ access_token }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('www-authenticate')).toMatch(/invalid_request/);
  });

  test('a refreshed ID token keeps iss, sub, aud, azp and auth_time (OIDC Core §12.2)', async ({ page }) => {
    const user = createUser();
    const tokens = await signIn(page, user, 'openid profile offline_access');
    const original = tokens.claims()!;

    const response = await refresh(tokens.refresh_token!);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/no-store/); // RFC 6749 §5.1
    const body = (await response.json()) as { id_token: string };
    const renewed = claimsOf(body.id_token);
    expect({ iss: renewed.iss, sub: renewed.sub, aud: renewed.aud, azp: renewed.azp, auth_time: renewed.auth_time }).toEqual({
      iss: original.iss,
      sub: user.id,
      aud: original.aud,
      azp: original.azp,
      auth_time: original.auth_time,
    });
    expect(renewed.iat as number).toBeGreaterThanOrEqual(original.iat);
  });

  test('refresh cannot widen the scope; it may narrow it (RFC 6749 §6)', async ({ page }) => {
    const user = createUser();
    const tokens = await signIn(page, user, 'openid profile offline_access');

    const wider = await refresh(tokens.refresh_token!, { scope: 'openid profile email offline_access' });
    expect(wider.status).toBe(400);
    expect((await wider.json()).error).toBe('invalid_scope');

    // The refused attempt did not use the refresh token up: it still works, for fewer scopes.
    const narrower = await refresh(tokens.refresh_token!, { scope: 'openid' });
    expect(narrower.status).toBe(200);
    const body = (await narrower.json()) as { access_token: string; scope: string };
    expect(body.scope.split(' ')).not.toContain('profile');
    const info = await (await fetch(`${baseURL}/oauth/userinfo`, { headers: { Authorization: `Bearer ${body.access_token}` } })).json();
    expect(info).toEqual({ sub: user.id });
  });
});

import { expect } from '@playwright/test';
import { authorize, redeem } from './http-sign-in';
import { baseURL } from './test-env';

export interface ProfileClaims {
  /** What GET /oauth/userinfo answers (OIDC Core §5.3). */
  userinfo: Record<string, unknown>;
  /** The ID token's payload (signature checks are the conformance tests' business). */
  idToken: Record<string, unknown>;
}

/** The user signs in to the Thalamus Mobile App with `openid profile`; what the app then learns about them. */
export async function profileClaims(user: { email: string; password: string }): Promise<ProfileClaims> {
  const token = await redeem(baseURL, await authorize(baseURL, user));
  expect(token.status).toBe(200);
  const { access_token, id_token } = (await token.json()) as { access_token: string; id_token: string };
  const response = await fetch(`${baseURL}/oauth/userinfo`, { headers: { Authorization: `Bearer ${access_token}` } });
  expect(response.status).toBe(200);
  const payload = id_token.split('.')[1]!;
  return { userinfo: (await response.json()) as Record<string, unknown>, idToken: JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown> };
}

/**
 * The ID token carries profile claims only where the provider puts them there: with an
 * access token beside it they are left to userinfo (OIDC Core §5.4). Whichever it does,
 * a claim it carries is the current value, never a stale one.
 */
export function expectCurrentOrAbsent(idToken: Record<string, unknown>, expected: Record<string, string>) {
  for (const [claim, value] of Object.entries(expected)) {
    if (claim in idToken) expect(idToken[claim], claim).toBe(value);
  }
}

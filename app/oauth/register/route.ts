import { getDb } from '@/lib/db/client';
import { apiError } from '@/lib/http/api-error';
import { readJsonBody } from '@/lib/http/read-json-body';
import { withApiKey } from '@/lib/http/with-api-key';
import { dynamicRegistrationEnabled, registerClient } from '@/lib/registration/dynamic-registration';
import { registrationDisabled, registrationError } from '@/lib/registration/registration-http';

// Dynamic client registration (RFC 7591 §3), served here rather than by oidc-provider's
// `registration` feature: the provider would write clients itself, check them against its
// own rules and take its own InitialAccessToken records, while Thalamus's clients are
// written only by lib/clients, with the one client schema, and an admin API key is the
// initial access token, so the key owns the client and its guardrails apply exactly as
// for POST /api/clients. This route is more specific than app/oauth/[...path] and wins.
export const dynamic = 'force-dynamic';

const handle = withApiKey('clients:write', async (request, { access }) => {
  if (access.kind !== 'api_key') {
    return apiError(403, 'insufficient_scope', 'Use an admin API key (thak_…) with the clients:write scope as the initial access token: the client belongs to that key');
  }
  try {
    const { value } = await readJsonBody(request);
    const registered = await registerClient(await getDb(), value, access.key);
    return Response.json(registered, { status: 201, headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' } });
  } catch (error) {
    return registrationError(error);
  }
});

/** POST /oauth/register → 201 with the client information response (RFC 7591 §3.2.1). */
export async function POST(request: Request, route: { params: Promise<Record<string, never>> }): Promise<Response> {
  if (!dynamicRegistrationEnabled()) return registrationDisabled();
  return handle(request, route);
}

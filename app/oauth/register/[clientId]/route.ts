import { getDb } from '@/lib/db/client';
import { readJsonBody } from '@/lib/http/read-json-body';
import { deleteRegistration, readRegistration, replaceRegistration } from '@/lib/registration/dynamic-registration';
import { withRegistrationToken } from '@/lib/registration/registration-http';

// Client configuration endpoint (RFC 7592): a registered client reads, replaces and
// deletes its own registration with its registration access token.
export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

/** GET → the registration, without the secret (RFC 7592 §2.1). */
export const GET = withRegistrationToken(async (_request, self) => Response.json(await readRegistration(await getDb(), self), { headers: noStore }));

/** PUT → the registration replaced by the body (RFC 7592 §2.2). */
export const PUT = withRegistrationToken(async (request, self) => {
  const { value } = await readJsonBody(request);
  return Response.json(await replaceRegistration(await getDb(), self, value), { headers: noStore });
});

/** DELETE → 204; the client and its tokens are gone (RFC 7592 §2.3). */
export const DELETE = withRegistrationToken(async (_request, self) => {
  await deleteRegistration(await getDb(), self);
  return new Response(null, { status: 204, headers: noStore });
});

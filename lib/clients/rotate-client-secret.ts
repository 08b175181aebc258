import type { Db } from '@/lib/db/client';
import { ServiceError } from '@/lib/errors/service-error';
import { newId } from '@/lib/secrets/ids';
import { recordAudit, type Actor } from '@/lib/audit/record-audit';
import { clientSecretRotationSchema } from './client-schema';
import { issueClientSecret } from './client-secret';
import { changeClients } from './clients-version';
import { getClient } from './get-client';
import type { RegisteredClient } from './client-schema';
import { assertClientReachable, OPERATOR_ACCESS, type ClientAccess } from './client-access';
import { CONSOLE_CLIENT_ID } from './default-clients';

/**
 * Issues a new secret for a confidential client (RFC 6749 §2.3.1) and sets when the
 * secrets it had stop working: at once by default, or after an overlap so that every
 * instance of the application can switch to the new one first (a secret already on a
 * shorter overlap keeps it). The plaintext is returned this once; only its digest is kept.
 *
 * Servers that hold the client in memory drop it at once here and within a second
 * elsewhere (lib/oidc/client-cache.ts), so an ended secret is refused within seconds
 * of its end.
 */
export async function rotateClientSecret(
  db: Db,
  clientId: string,
  input: unknown,
  actor: Actor,
  access: ClientAccess = OPERATOR_ACCESS,
): Promise<RegisteredClient & { client_secret: string }> {
  const parsed = clientSecretRotationSchema.safeParse(input ?? {});
  if (!parsed.success) throw ServiceError.fromZod(parsed.error);
  await assertClientReachable(db, access, clientId, 'write');
  if (clientId === CONSOLE_CLIENT_ID) {
    throw new ServiceError('forbidden', "Thalamus manages the console's secret itself (it is derived from the installation's keys): there is nothing to rotate by hand");
  }
  const row = await db.oAuthClient.findUnique({ where: { clientId }, select: { tokenEndpointAuthMethod: true } });
  if (!row) throw new ServiceError('not_found', `No client has the ID ${clientId}`);
  if (row.tokenEndpointAuthMethod === 'none') {
    throw new ServiceError('invalid_request', 'This is a public client: it has no secret to rotate and proves itself with PKCE instead', [
      { path: 'token_endpoint_auth_method', message: 'Public clients have no secret' },
    ]);
  }
  if (row.tokenEndpointAuthMethod === 'private_key_jwt') {
    throw new ServiceError('invalid_request', 'This client authenticates with its own key (private_key_jwt): it has no secret; change its keys (jwks) instead', [
      { path: 'token_endpoint_auth_method', message: 'private_key_jwt clients have no secret' },
    ]);
  }

  const now = new Date();
  const overlapSeconds = parsed.data.previous_secret_expires_in;
  const previousEnd = new Date(now.getTime() + overlapSeconds * 1000);
  const secret = issueClientSecret();
  const before = await getClient(db, clientId);
  await changeClients(db, async (tx) => {
    // Secrets that no longer work are dropped; with no overlap, so are the current ones.
    await tx.clientSecret.deleteMany({ where: { clientId, ...(overlapSeconds === 0 ? {} : { expiresAt: { lte: now } }) } });
    if (overlapSeconds > 0) {
      await tx.clientSecret.updateMany({ where: { clientId, OR: [{ expiresAt: null }, { expiresAt: { gt: previousEnd } }] }, data: { expiresAt: previousEnd } });
    }
    await tx.clientSecret.create({ data: { id: newId('sec'), clientId, digest: secret.digest, hint: secret.hint } });
    await tx.oAuthClient.update({ where: { clientId }, data: { updatedAt: now } });
    const after = await getClient(tx, clientId);
    await recordAudit(
      tx,
      actor,
      'client.secret_rotated',
      { type: 'client', id: clientId },
      {
        before: { client_secret_hints: before.client_secret_hints },
        after: { client_secret_hints: after.client_secret_hints },
        previous_valid_until: previousEnd.toISOString(),
      },
    );
  });
  return { ...(await getClient(db, clientId)), client_secret: secret.plaintext, client_secret_expires_at: 0 };
}

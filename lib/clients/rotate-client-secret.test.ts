import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { ServiceError } from '@/lib/errors/service-error';
import { toProviderMetadata } from './provider-metadata';
import { liveSecretDigests } from '@/lib/oidc/client-metadata';
import { clientSecretMatches } from './client-secret';
import { createClient } from './create-client';
import { deleteClient } from './delete-client';
import { rotateClientSecret } from './rotate-client-secret';

afterAll(closeDb);

const actor = { type: 'cli' as const, label: 'test' };
const service = { name: 'Rotating Service', grant_types: ['client_credentials' as const], scopes: ['clients:read'] };

/** The secrets the token endpoint would accept for this client right now. */
async function accepted(clientId: string, now = new Date()): Promise<(secret: string) => boolean> {
  const db = await getDb();
  const row = await db.oAuthClient.findUniqueOrThrow({ where: { clientId }, include: { secrets: { select: { digest: true, expiresAt: true } } } });
  // As the token endpoint sees it: the client as read at `now`, its secrets checked at `now`.
  const digests = liveSecretDigests(toProviderMetadata(row, now), now.getTime());
  return (secret) => clientSecretMatches(secret, digests);
}

describe('rotateClientSecret', () => {
  it('by default replaces the secret at once: the old one is refused, the new one works, the audit names no secret', async () => {
    const db = await getDb();
    const { client_secret: first, ...client } = await createClient(db, service, actor);
    const { client_secret: second, ...rotated } = await rotateClientSecret(db, client.client_id, {}, actor);
    expect(second).toMatch(/^thcs_/);
    expect(second).not.toBe(first);
    const works = await accepted(client.client_id);
    expect([works(first!), works(second)]).toEqual([false, true]);
    expect(rotated.client_secrets).toEqual([{ hint: expect.any(String), expires_at: null, last_used_at: null }]);
    expect(rotated.client_secret_hints).not.toEqual(client.client_secret_hints);
    const [event] = await db.auditEvent.findMany({ where: { targetId: client.client_id, action: 'client.secret_rotated' } });
    expect(event!.changes).not.toContain(second);
    expect(event!.changes).not.toContain(first!);
    await deleteClient(db, client.client_id, actor);
  });

  it('with an overlap both secrets work until it ends; a later rotation never lengthens it', async () => {
    const db = await getDb();
    const { client_secret: first, ...client } = await createClient(db, service, actor);
    const before = Date.now();
    const { client_secret: second, ...rotated } = await rotateClientSecret(db, client.client_id, { previous_secret_expires_in: 3600 }, actor);
    expect(rotated.client_secrets).toHaveLength(2);
    const ending = rotated.client_secrets.find((s) => s.expires_at)!;
    expect(Date.parse(ending.expires_at!)).toBeGreaterThanOrEqual(before + 3600_000 - 1000);

    const now = await accepted(client.client_id);
    expect([now(first!), now(second)]).toEqual([true, true]);
    const inTwoHours = await accepted(client.client_id, new Date(Date.now() + 7200_000));
    expect([inTwoHours(first!), inTwoHours(second)]).toEqual([false, true]);
    // A server that read the client now and still holds it refuses the old secret once the overlap ends.
    const held = toProviderMetadata(await db.oAuthClient.findUniqueOrThrow({ where: { clientId: client.client_id }, include: { secrets: true } }));
    expect(liveSecretDigests(held)).toHaveLength(2);
    expect(liveSecretDigests(held, Date.now() + 7200_000)).toHaveLength(1);

    // A second rotation with a longer overlap keeps the first secret's earlier end.
    const { client_secret: third, ...again } = await rotateClientSecret(db, client.client_id, { previous_secret_expires_in: 86_400 }, actor);
    expect(again.client_secrets.find((s) => s.hint === ending.hint)?.expires_at).toBe(ending.expires_at);
    const later = await accepted(client.client_id, new Date(Date.now() + 7200_000));
    expect([later(first!), later(second), later(third)]).toEqual([false, true, true]);
    await deleteClient(db, client.client_id, actor);
  });

  it('refuses bad input with the field to fix and changes nothing', async () => {
    const db = await getDb();
    const { client_secret, ...client } = await createClient(db, service, actor);
    for (const [input, path] of [
      [{ previous_secret_expires_in: -1 }, 'previous_secret_expires_in'],
      [{ previous_secret_expires_in: 1.5 }, 'previous_secret_expires_in'],
      [{ previous_secret_expires_in: '3600' }, 'previous_secret_expires_in'],
      [{ previous_secret_expires_in: 31 * 86_400 }, 'previous_secret_expires_in'],
      [{ keep_old: true }, ''],
    ] as const) {
      await expect(rotateClientSecret(db, client.client_id, input, actor)).rejects.toMatchObject({ code: 'invalid_request', fields: [{ path }] });
    }
    expect((await accepted(client.client_id))(client_secret!)).toBe(true);
    expect(await db.clientSecret.count({ where: { clientId: client.client_id } })).toBe(1);
    await expect(rotateClientSecret(db, 'no-such-client', {}, actor)).rejects.toMatchObject({ code: 'not_found' });
    await deleteClient(db, client.client_id, actor);
  });

  it('refuses a public client, which has no secret', async () => {
    const db = await getDb();
    const error = await rotateClientSecret(db, 'thalamus-mobile-app', {}, actor).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: 'invalid_request', fields: [{ path: 'token_endpoint_auth_method' }] });
    expect(await db.clientSecret.count({ where: { clientId: 'thalamus-mobile-app' } })).toBe(0);
  });
});

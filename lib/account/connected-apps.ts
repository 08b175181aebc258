import type { Db } from '@/lib/db/client';
import { CONSOLE_CLIENT_ID } from '@/lib/clients/default-clients';
import { parseInput, ServiceError } from '@/lib/errors/service-error';
import { describeScopes } from '@/lib/scopes/scope-service';
import { listConnectedApps, revokeUserGrants } from '@/lib/sessions/user-sessions';
import { recordSecurityEvent } from '@/lib/security-events/record-security-event';
import { removeAccessSchema } from './account-schemas';
import type { AccountActor, RequestContext } from './request-context';

export interface AccountConnectedApp {
  clientId: string;
  name: string;
  scopes: { name: string; description: string }[];
  grantedAt: Date | null;
}

/**
 * The applications a person has allowed, by name, with what each may do in plain words.
 * Thalamus's own console client is left out: it is how this page and the console sign
 * in, not an application the person connected.
 */
export async function accountConnectedApps(db: Db, userId: string): Promise<AccountConnectedApp[]> {
  const apps = (await listConnectedApps(db, userId)).filter((app) => app.clientId !== CONSOLE_CLIENT_ID);
  const clients = await db.oAuthClient.findMany({ where: { clientId: { in: apps.map((a) => a.clientId) } }, select: { clientId: true, name: true } });
  const names = new Map(clients.map((c) => [c.clientId, c.name]));
  return Promise.all(
    apps.map(async (app) => ({
      clientId: app.clientId,
      name: names.get(app.clientId) ?? app.clientId,
      scopes: await describeScopes(db, app.scopes),
      grantedAt: app.grantedAt,
    })),
  );
}

/** "Remove access": the client's grants, codes and tokens go, and it must ask again. */
export async function removeAppAccess(db: Db, actor: AccountActor, input: unknown, context: RequestContext): Promise<void> {
  const { clientId } = parseInput(removeAccessSchema, input);
  if (clientId === CONSOLE_CLIENT_ID) throw new ServiceError('forbidden', 'Thalamus itself cannot be removed');
  const client = await db.oAuthClient.findUnique({ where: { clientId }, select: { name: true } });
  const removed = await revokeUserGrants(db, actor.userId, { clientId });
  await recordSecurityEvent(db, {
    type: 'app.access_removed',
    userId: actor.userId,
    email: actor.email,
    ...context,
    detail: { client_id: clientId, client_name: client?.name ?? '', grants: removed },
  });
}

import type { Db } from '@/lib/db/client';
import { ServiceError } from '@/lib/errors/service-error';
import { SECRET_HINTS, toClientResponse } from './client-response';
import type { ClientResponse } from './client-schema';
import { assertClientReachable, type ClientAccess } from './client-access';

/** A client as the API reads it; with `access`, only if that caller may see it (else 404). */
export async function getClient(db: Pick<Db, 'oAuthClient'>, clientId: string, access?: ClientAccess): Promise<ClientResponse> {
  if (access) await assertClientReachable(db, access, clientId, 'read');
  const row = await db.oAuthClient.findUnique({ where: { clientId }, include: SECRET_HINTS });
  if (!row) throw new ServiceError('not_found', `No client has the ID ${clientId}`);
  return toClientResponse(row);
}

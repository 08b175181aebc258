import type { Db } from '@/lib/db/client';
import { ServiceError } from '@/lib/errors/service-error';
import { SECRET_HINTS, toClientResponse } from './client-response';
import type { ClientResponse } from './client-schema';

export async function getClient(db: Pick<Db, 'oAuthClient'>, clientId: string): Promise<ClientResponse> {
  const row = await db.oAuthClient.findUnique({ where: { clientId }, include: SECRET_HINTS });
  if (!row) throw new ServiceError('not_found', `No client has the ID ${clientId}`);
  return toClientResponse(row);
}

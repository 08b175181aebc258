import type { Db } from '@/lib/db/client';
import { defaultResource } from '@/lib/oidc/default-resource';
import { API_SCOPES } from '@/lib/scopes/builtin-scopes';
import { tokenLifetimes } from '@/lib/oidc/token-lifetimes';
import { markResourcesChanged } from './resources-version';

export const THALAMUS_API_RESOURCE_ID = 'res_thalamus_api';

/**
 * Thalamus's own API as an API resource: provisioned at setup, protected (never deleted,
 * its scopes fixed), its identifier following the issuer like the console's redirect URIs
 * follow APP_URL. Returns true when it wrote anything.
 */
export async function ensureThalamusApiResource(db: Db): Promise<boolean> {
  const identifier = defaultResource();
  const existing = await db.apiResource.findUnique({ where: { id: THALAMUS_API_RESOURCE_ID } });
  const unattached = await db.scope.count({ where: { name: { in: API_SCOPES }, OR: [{ resourceId: null }, { resourceId: { not: THALAMUS_API_RESOURCE_ID } }] } });
  if (existing?.identifier === identifier && unattached === 0) return false;
  await db.$transaction(async (tx) => {
    if (!existing) {
      await tx.apiResource.create({
        data: {
          id: THALAMUS_API_RESOURCE_ID,
          name: 'Thalamus API',
          identifier,
          description: "Thalamus's own admin API: clients, directory and platform automation",
          accessTokenLifetime: tokenLifetimes().AccessToken,
          protected: true,
        },
      });
    } else if (existing.identifier !== identifier) {
      await tx.apiResource.update({ where: { id: THALAMUS_API_RESOURCE_ID }, data: { identifier } });
    }
    await tx.scope.updateMany({ where: { name: { in: API_SCOPES } }, data: { resourceId: THALAMUS_API_RESOURCE_ID } });
    await markResourcesChanged(tx);
  });
  return true;
}

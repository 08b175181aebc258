import { getDb } from '@/lib/db/client';
import { sendAccountLink, type AccountLinkKind } from '@/lib/account-links/admin-links';
import { apiUserManager } from '@/lib/users/api-user-manager';
import { withApiKey } from './with-api-key';

/**
 * `POST /api/users/{id}/password-reset` and `/invitation` (users:write): 200 with
 * `{ delivery: 'queued' }` once emailed, or `{ delivery: 'link', link, reason }` (reason
 * `not_configured` or `limited`) for the caller to hand over. The link signs whoever
 * holds it in as the person: it is never stored by a cache (no-store) nor logged.
 */
export function accountLinkRoute(kind: AccountLinkKind) {
  return withApiKey<{ id: string }>('users:write', async (request, context) => {
    const delivery = await sendAccountLink(await getDb(), apiUserManager(request, context), context.params.id, kind);
    return Response.json(delivery, { headers: { 'Cache-Control': 'no-store' } });
  });
}

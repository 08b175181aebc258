import type { ApiContext } from '@/lib/http/with-api-key';
import { clientAddress } from '@/lib/http/client-address';
import type { UserManager } from './user-manager';

/**
 * The admin API's caller as a UserManager: the platform token (scope admin) may change
 * administrators; an API key with users:write manages end users only.
 */
export function apiUserManager(request: Request, context: Pick<ApiContext<unknown>, 'access' | 'actor'>): UserManager {
  return {
    actor: context.actor,
    managesAdmins: context.access.kind === 'platform',
    address: clientAddress({ headers: request.headers }),
    userAgent: request.headers.get('user-agent') ?? '',
  };
}

import { consoleAccess, type ConsoleAdmin } from '@/lib/console/require-admin';
import type { Actor } from '@/lib/audit/record-audit';
import { apiError, errorResponse } from './api-error';
import { BodyError } from './read-json-body';
import { lacksSameOriginProof } from './cross-site';

/**
 * For route handlers the console calls with its session cookie: the admin (or super
 * admin) is checked here, and a write that does not show it came from the console's own
 * pages is refused (the cookie would ride along on a cross-site request; the Origin
 * header says where it came from, and a request without one is not a browser's).
 */
export function withConsoleSession<P = Record<string, never>>(
  options: { superAdmin?: boolean },
  handler: (request: Request, context: { admin: ConsoleAdmin; actor: Actor; params: P }) => Promise<Response>,
) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const access = await consoleAccess();
      if (access.status === 'signed-out') return apiError(401, 'unauthorized', 'Sign in to the console first');
      // Only a request with the session cookie gets this far: it must show where it came from.
      if (lacksSameOriginProof(request)) {
        return apiError(403, 'forbidden', 'Changes made with the console session must come from the console (send its Origin)');
      }
      if (access.status === 'forbidden' || (options.superAdmin && access.admin.role !== 'super_admin')) {
        return apiError(403, 'forbidden', options.superAdmin ? 'Only super admins can do this' : 'Only administrators can do this');
      }
      const { admin } = access;
      return await handler(request, { admin, actor: { type: 'admin', id: admin.id, label: admin.email }, params: await route.params });
    } catch (error) {
      if (error instanceof BodyError) return apiError(error.status, error.code, error.message);
      return errorResponse(error);
    }
  };
}

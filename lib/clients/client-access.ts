import type { Db } from '@/lib/db/client';
import type { AuthenticatedKey } from '@/lib/api-keys/api-keys';
import { ServiceError } from '@/lib/errors/service-error';
import { ADMIN_SCOPE } from '@/lib/scopes/builtin-scopes';

/**
 * Who is acting on clients, which decides what they may reach:
 * - `operator`: an administrator in the console or the CLI. Every client; the default
 *   clients' redirect URIs and scopes only as a super admin (the CLI counts as one).
 * - `api_key`: a service's admin API key. Only the clients it registered, within its
 *   guardrails; every other client answers as if it did not exist.
 * - `platform`: a client_credentials token with the `admin` scope (the Admin Client).
 *   Every client, but like any API caller it cannot change the default clients.
 */
export type ClientAccess = { kind: 'operator'; superAdmin: boolean } | { kind: 'api_key'; key: AuthenticatedKey } | { kind: 'platform'; clientId: string };

/** The CLI runs with the operator's full rights. */
export const OPERATOR_ACCESS: ClientAccess = { kind: 'operator', superAdmin: true };

/** The filter of the clients this caller may list. */
export function visibleClients(access: ClientAccess) {
  return access.kind === 'api_key' ? { ownerApiKeyId: access.key.id } : {};
}

/** May this caller give a client the `admin` scope? Only super admins. */
export function mayGrantAdminScope(access: ClientAccess): boolean {
  return access.kind === 'operator' && access.superAdmin;
}

export const DEFAULT_CLIENT_API_REFUSAL =
  'Default clients are managed by Thalamus and its administrators: the console, the mobile and desktop apps and directory sync depend on them, so no API credential may change, rotate, disable or delete them. A super admin can change their redirect URIs and scopes in the console.';

/**
 * Checks that the caller may act on the client at all. An API key asking about a client
 * it did not register gets the same 404 as for an unknown ID (nothing tells it the
 * client exists); a write to a default client by any API credential is a 403 with the reason.
 */
export async function assertClientReachable(db: Pick<Db, 'oAuthClient'>, access: ClientAccess, clientId: string, intent: 'read' | 'write'): Promise<void> {
  const row = await db.oAuthClient.findUnique({ where: { clientId }, select: { isDefault: true, ownerApiKeyId: true } });
  const notFound = new ServiceError('not_found', `No client has the ID ${clientId}`);
  if (!row) throw notFound;
  if (access.kind === 'operator') return;
  if (row.isDefault && intent === 'write') throw new ServiceError('forbidden', DEFAULT_CLIENT_API_REFUSAL);
  if (access.kind === 'api_key' && row.ownerApiKeyId !== access.key.id) throw notFound;
}

/** How the client list and the details panel say who registered a client. */
export function registeredByLabel(access: ClientAccess, actor: { type: string; label: string }): string {
  if (access.kind === 'api_key') return `API key ${access.key.name} · ${access.key.hint}`;
  if (access.kind === 'platform') return `Admin API token (${access.clientId})`;
  if (actor.type === 'admin') return `console: ${actor.label}`;
  if (actor.type === 'cli') return 'CLI';
  return actor.label;
}

/**
 * The `admin` scope makes a client's tokens a credential for the whole admin API, so only
 * a super admin may add it to a client; a client that already has it keeps it on other edits.
 */
export function checkAdminScopeGrant(access: ClientAccess, scopes: string[], before: string[] = []): void {
  if (mayGrantAdminScope(access) || before.includes(ADMIN_SCOPE)) return;
  const index = scopes.indexOf(ADMIN_SCOPE);
  if (index >= 0) {
    throw new ServiceError('forbidden', 'Only a super admin can give a client the admin scope', [
      { path: `scopes[${index}]`, message: 'The admin scope is granted by super admins only' },
    ]);
  }
}

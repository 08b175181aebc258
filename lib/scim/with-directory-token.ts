import { getDb, type Db } from '@/lib/db/client';
import type { Actor } from '@/lib/audit/record-audit';
import { parseList } from '@/lib/db/json-list';
import { clientAddress } from '@/lib/http/client-address';
import { clientCredentialsClaims } from '@/lib/oidc/admin-token';
import type { UserManager } from '@/lib/users/user-manager';
import { ScimError, scimErrorResponse } from './scim-error';
import { observeRequest } from '@/lib/observability/observe-request';

export type DirectoryScope = 'directory:read' | 'directory:write';

export interface DirectoryContext<P> {
  db: Db;
  /** The directory connector's client, as the audit log and the console name it. */
  clientId: string;
  actor: Actor;
  /** The connector as a UserManager: it manages end users only, never administrators. */
  manager: UserManager;
  params: P;
}

const challenge = (error?: string, scope?: string) => `Bearer realm="thalamus-scim"${error ? `, error="${error}"` : ''}${scope ? `, scope="${scope}"` : ''}`;

/**
 * Authenticates a SCIM request (RFC 7644 §2: OAuth bearer tokens, RFC 6750) and runs the
 * handler; every failure, the handler's too, is answered in the SCIM error shape (RFC
 * 7644 §3.12). Only a client_credentials access token for Thalamus's API is accepted, and
 * only from a client that still holds the scope: `directory:write` for changes,
 * `directory:read` (or `directory:write`, which a connector that writes also reads with)
 * for reads. Admin tokens, API keys and users' tokens are refused: the directory is the
 * connectors' (the Sync Connector preset and the Sync Service Client).
 */
export function withDirectoryToken<P = Record<string, never>>(scope: DirectoryScope, handler: (request: Request, context: DirectoryContext<P>) => Promise<Response>) {
  // Counted and logged like the admin API (lib/observability/observe-request.ts).
  return (request: Request, route: { params: Promise<P> }): Promise<Response> => observeRequest(request, new URL(request.url).pathname, () => authorized(request, route));
  async function authorized(request: Request, route: { params: Promise<P> }): Promise<Response> {
    try {
      const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
      if (!match) throw new ScimError(401, 'Send a directory connector access token as Authorization: Bearer <token>', undefined, { 'WWW-Authenticate': challenge() });
      const db = await getDb();
      const claims = await clientCredentialsClaims(db, match[1]!);
      if (!claims)
        throw new ScimError(401, 'The access token is not valid: it is unknown, expired or revoked, or not a client credentials token for this API', undefined, {
          'WWW-Authenticate': challenge('invalid_token'),
        });
      const client = await db.oAuthClient.findUnique({ where: { clientId: claims.clientId }, select: { enabled: true, scopes: true, name: true } });
      const held = new Set(parseList(client?.scopes ?? '[]'));
      const accepted = scope === 'directory:read' ? ['directory:read', 'directory:write'] : ['directory:write'];
      if (!client?.enabled) throw new ScimError(401, 'The client of this access token is disabled or deleted', undefined, { 'WWW-Authenticate': challenge('invalid_token') });
      if (!accepted.some((name) => claims.scopes.includes(name) && held.has(name))) {
        throw new ScimError(403, `This request needs an access token with the ${scope} scope, from a client that is granted it`, undefined, {
          'WWW-Authenticate': challenge('insufficient_scope', scope),
        });
      }
      const actor: Actor = { type: 'client', id: claims.clientId, label: `SCIM: ${client.name}` };
      const manager: UserManager = { actor, managesAdmins: false, address: clientAddress({ headers: request.headers }), userAgent: request.headers.get('user-agent') ?? '' };
      return await handler(request, { db, clientId: claims.clientId, actor, manager, params: await route.params });
    } catch (error) {
      return scimErrorResponse(error);
    }
  }
}

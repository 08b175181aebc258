import type { Db } from '@/lib/db/client';
import { containsText } from '@/lib/db/text-search';
import { ServiceError } from '@/lib/errors/service-error';
import { withoutControls } from '@/lib/text/control-characters';
import { unknownScopeMessage } from './unknown-scope';
import { OIDC_SCOPES } from './builtin-scopes';

/**
 * A client may carry only scopes the registry (Configuration › OAuth Scopes) knows. The
 * provider is configured with the registry's scopes, so a client holding any other one
 * fails every authorization request (invalid_client_metadata) and token request: one
 * careless save would take the client offline. Refused at save time instead, against
 * the position in the list (`scopes[1]`) the way the form shows it.
 */
export async function requireKnownScopes(db: Db, scopes: readonly string[], path = 'scopes'): Promise<void> {
  const rows = await db.scope.findMany({ where: { name: { in: [...new Set(scopes)] } }, select: { name: true } });
  const known = new Set(rows.map((row) => row.name));
  const unknown = scopes.flatMap((scope, index) => (known.has(scope) ? [] : [{ path: `${path}[${index}]`, message: unknownScopeMessage(scope) }]));
  if (!unknown.length) return;
  throw new ServiceError('invalid_request', unknown.length === 1 ? unknown[0]!.message : `${unknown.length} scopes are unknown: create them under OAuth Scopes first`, unknown);
}

/**
 * A client's default resource must be an API the registry knows: the provider answers a
 * request that falls back to an unknown one with invalid_target (RFC 8707 §2).
 */
export async function requireKnownResource(db: Db, identifier: string | null | undefined, path = 'default_resource'): Promise<void> {
  if (!identifier) return;
  if (await db.apiResource.findUnique({ where: { identifier }, select: { id: true } })) return;
  throw new ServiceError('invalid_request', `Unknown API "${identifier}": create it under APIs first`, [
    { path, message: `Unknown API "${identifier}": create it under APIs first` },
  ]);
}

/** A group of scopes a client may be granted: the OIDC ones, each API's, and those of no API. */
export interface GrantableScopeGroup {
  label: string;
  /** The API's identifier; null for OIDC scopes and scopes of no API. */
  resource: string | null;
  scopes: { name: string; description: string }[];
}

const OIDC_GROUP = new Set(OIDC_SCOPES);

/** Every scope a client may be granted, grouped the way the client form offers them. */
export async function grantableScopes(db: Db): Promise<GrantableScopeGroup[]> {
  const [scopes, resources] = await Promise.all([
    db.scope.findMany({ orderBy: { name: 'asc' }, select: { name: true, description: true, resourceId: true } }),
    db.apiResource.findMany({ orderBy: [{ protected: 'desc' }, { name: 'asc' }], select: { id: true, name: true, identifier: true } }),
  ]);
  const pick = (keep: (scope: (typeof scopes)[number]) => boolean) => scopes.filter(keep).map(({ name, description }) => ({ name, description }));
  const groups: GrantableScopeGroup[] = [
    { label: 'OpenID Connect', resource: null, scopes: pick((s) => OIDC_GROUP.has(s.name)) },
    ...resources.map((r) => ({ label: r.name, resource: r.identifier, scopes: pick((s) => s.resourceId === r.id) })),
    { label: 'Other scopes', resource: null, scopes: pick((s) => !s.resourceId && !OIDC_GROUP.has(s.name)) },
  ];
  return groups.filter((group) => group.scopes.length);
}

export interface ScopeUser {
  client_id: string;
  name: string;
}

/** The clients whose scopes list holds `scope` (exactly: `read` is not `read:all`). */
export async function clientsUsingScope(db: Db, scope: string): Promise<ScopeUser[]> {
  // Scopes are stored as a JSON array; the quoted name narrows the rows, the parse decides.
  const candidates = await db.oAuthClient.findMany({
    where: { scopes: containsText(JSON.stringify(scope)) },
    select: { clientId: true, name: true, scopes: true },
    orderBy: { name: 'asc' },
  });
  return candidates.filter((row) => (JSON.parse(row.scopes) as string[]).includes(scope)).map((row) => ({ client_id: row.clientId, name: row.name }));
}

/** "Billing (abc123), Payroll (def456) and 3 more": the clients named in an error message. */
export function describeClients(clients: ScopeUser[], shown = 5): string {
  const named = clients.slice(0, shown).map((client) => `${withoutControls(client.name)} (${client.client_id})`);
  const more = clients.length - named.length;
  return more > 0 ? `${named.join(', ')} and ${more} more` : named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : named.join('');
}

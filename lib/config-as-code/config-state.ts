import type { Db } from '@/lib/db/client';
import { SECRET_HINTS, toClientResponse } from '@/lib/clients/client-response';
import type { ClientResponse } from '@/lib/clients/client-schema';
import { DEFAULT_ORGANIZATION_ID } from '@/lib/clients/default-clients';
import { clientFieldsSchema } from '@/lib/clients/client-schema';
import type { DocumentClient, DocumentOrganization, DocumentResource, DocumentScope } from './document-schema';

/**
 * An installation's configuration as apply compares it and export writes it: every entry
 * in the document's shape (all fields present, nulls spelled out), in a stable order, plus
 * what protects an entry (a default client, a built-in scope, Thalamus's own API, the
 * default organization). Never a secret: clients are read without theirs.
 */
export interface ConfigState {
  organizations: (Required<DocumentOrganization> & { is_default: boolean })[];
  /** Every scope of the registry; `resource` is the identifier of the API it belongs to. */
  scopes: (Required<DocumentScope> & { built_in: boolean; resource: string | null })[];
  resources: (Required<DocumentResource> & { protected: boolean })[];
  clients: (ExportedClient & { is_default: boolean })[];
}

/** The document's client fields in the order export writes them: the key, the fields of clientFieldsSchema, `enabled`. */
export const CLIENT_DOCUMENT_KEYS = ['client_id', ...clientFieldsSchema.keyof().options.filter((key) => key !== 'response_types'), 'enabled'] as const;
type ClientDocumentKey = (typeof CLIENT_DOCUMENT_KEYS)[number];
export type ExportedClient = Record<ClientDocumentKey, unknown> & { client_id: string; name: string };

/** Optional text fields stored as null when empty (client-record.ts `toRow`). */
const EMPTY_IS_NULL = new Set(['default_resource', 'jwks_uri', 'backchannel_logout_uri']);

/**
 * A client's document entry, from the stored client or from a document's entry: the same
 * values either way, so comparing the two finds exactly what apply would change.
 */
export function clientEntry(client: ClientResponse | DocumentClient): ExportedClient {
  const source = client as Record<string, unknown>;
  const entry = Object.fromEntries(
    CLIENT_DOCUMENT_KEYS.map((key) => {
      const value = source[key];
      if (key === 'organization_id') return [key, value ?? DEFAULT_ORGANIZATION_ID];
      if (key === 'jwks') return [key, value ? sortedKeys(value) : null];
      if (EMPTY_IS_NULL.has(key)) return [key, value || null];
      return [key, value ?? null];
    }),
  );
  return entry as ExportedClient;
}

/** Object keys in a fixed order, however deep, so a JWK Set reads back the same after a round trip. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]),
    );
  return value;
}

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

export async function readConfigState(db: Db): Promise<ConfigState> {
  const [organizations, scopes, resources, clients] = await Promise.all([
    db.organization.findMany(),
    db.scope.findMany({ include: { resource: { select: { identifier: true } } } }),
    db.apiResource.findMany({ include: { scopes: { select: { name: true, description: true } } } }),
    db.oAuthClient.findMany({ include: SECRET_HINTS }),
  ]);
  return {
    organizations: organizations.map((row) => ({ id: row.id, name: row.name, description: row.description, is_default: row.isDefault })).sort(byKey((o) => o.id)),
    scopes: scopes.map((row) => ({ name: row.name, description: row.description, built_in: row.builtIn, resource: row.resource?.identifier ?? null })).sort(byKey((s) => s.name)),
    resources: resources
      .map((row) => ({
        name: row.name,
        identifier: row.identifier,
        description: row.description,
        access_token_format: row.accessTokenFormat as 'jwt' | 'opaque',
        access_token_lifetime: row.accessTokenLifetime,
        scopes: row.scopes.map((s) => ({ name: s.name, description: s.description })).sort(byKey((s) => s.name)),
        protected: row.protected,
      }))
      .sort(byKey((r) => r.identifier)),
    clients: clients
      .map((row) => {
        const client = toClientResponse(row);
        return { ...clientEntry(client), is_default: client.is_default };
      })
      .sort(byKey((c) => c.client_id)),
  };
}

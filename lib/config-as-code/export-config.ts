import type { Db } from '@/lib/db/client';
import { DOCUMENT_VERSION, ENTITY_KINDS, type EntityKind } from './document-schema';
import { readConfigState, type ConfigState } from './config-state';

/**
 * What `thalamus export` prints: the installation's organizations, the scopes that belong
 * to no API, the APIs with their scopes, and the clients with their client IDs, in a fixed
 * order with fixed key order and no timestamps, so the same configuration always exports
 * to the same bytes. Never a secret (client secrets, their digests, registration tokens).
 * Thalamus's own API is left out: setup provisions it and its identifier follows APP_URL.
 */
export function toDocument(state: ConfigState, only: readonly EntityKind[] = ENTITY_KINDS) {
  const kinds = new Set(only);
  return {
    version: DOCUMENT_VERSION,
    ...(kinds.has('organizations') ? { organizations: state.organizations.map(({ is_default: _, ...organization }) => organization) } : {}),
    ...(kinds.has('scopes') ? { scopes: state.scopes.filter((s) => s.resource === null).map(({ name, description }) => ({ name, description })) } : {}),
    ...(kinds.has('resources') ? { resources: state.resources.filter((r) => !r.protected).map(({ protected: _, ...resource }) => resource) } : {}),
    ...(kinds.has('clients') ? { clients: state.clients.map(({ is_default: _, ...client }) => client) } : {}),
  };
}

export async function exportConfig(db: Db, only?: readonly EntityKind[]) {
  return toDocument(await readConfigState(db), only);
}

/** The document as a file holds it: two-space JSON and a final newline. */
export function documentText(document: ReturnType<typeof toDocument>): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** `--only clients,scopes` (or `?only=`): which lists to export; an unknown word names the valid ones. */
export function parseOnly(value: string | undefined): EntityKind[] | { unknown: string } {
  if (value === undefined || value.trim() === '') return [...ENTITY_KINDS];
  const words = value.split(',').map((word) => word.trim());
  const unknown = words.find((word) => !(ENTITY_KINDS as readonly string[]).includes(word));
  if (unknown !== undefined) return { unknown };
  return ENTITY_KINDS.filter((kind) => words.includes(kind));
}

import type { ClientResponse } from '@/lib/clients/client-schema';
import { CONSOLE_CLIENT_ID, DEFAULT_CLIENT_GUARDED_FIELDS } from '@/lib/clients/default-clients';

// What the console offers for the protected clients, mirroring the rules the server
// enforces in lib/clients/update-client.ts and rotate-client-secret.ts: the form says
// why a field is locked instead of letting the server refuse the save.

export const MANAGED_CLIENT_NOTE = "Thalamus manages this client: its redirect URIs follow APP_URL and its secret is derived from the installation's keys.";

const MANAGED_REDIRECTS_REASON = 'Managed by Thalamus: the redirect URIs follow APP_URL, so administrators can always sign in.';

const SUPER_ADMIN_ONLY_REASON = "Only a super admin can change a default client's redirect URIs and scopes: Thalamus's own apps send users' sign-ins there.";

/** The guarded fields the form edits (it has no sign-out redirect URIs): confirmed first, super admins only. */
export type GuardedField = Extract<(typeof DEFAULT_CLIENT_GUARDED_FIELDS)[number], 'redirect_uris' | 'scopes'>;

/** The console's own client: Thalamus keeps its redirect URIs and its secret itself. */
export function managedByThalamus(client: Pick<ClientResponse, 'client_id'>): boolean {
  return client.client_id === CONSOLE_CLIENT_ID;
}

/** The fields this admin may not change on this client, each with the reason shown beside it. */
export function lockedFields(client: Pick<ClientResponse, 'client_id' | 'is_default'>, superAdmin: boolean): Partial<Record<GuardedField, string>> {
  if (!client.is_default) return {};
  if (!superAdmin) return { redirect_uris: SUPER_ADMIN_ONLY_REASON, scopes: SUPER_ADMIN_ONLY_REASON };
  return managedByThalamus(client) ? { redirect_uris: MANAGED_REDIRECTS_REASON } : {};
}

/** The guarded fields a change alters on a default client, compared as the server compares them. */
export function guardedChanges(client: ClientResponse, values: Partial<Record<GuardedField, string[]>>): GuardedField[] {
  if (!client.is_default) return [];
  return DEFAULT_CLIENT_GUARDED_FIELDS.filter((field): field is GuardedField => field !== 'post_logout_redirect_uris').filter(
    (field) => values[field] !== undefined && JSON.stringify(values[field]) !== JSON.stringify(client[field]),
  );
}

/** The risk a super admin confirms before saving such a change. */
export function guardedChangeRisk(client: Pick<ClientResponse, 'name'>, changed: GuardedField[]): string {
  const sentences = [];
  if (changed.includes('redirect_uris')) {
    sentences.push(
      `${client.name} is a default client: Thalamus's own apps send users' sign-ins to these redirect URIs.`,
      "A wrong URI sends signed-in users' authorization codes elsewhere.",
    );
  }
  if (changed.includes('scopes')) {
    if (!sentences.length) sentences.push(`${client.name} is a default client: Thalamus's own apps and services rely on its scopes.`);
    sentences.push('Removing a scope can break their sign-in; adding one widens what their tokens may do.');
  }
  return sentences.join(' ');
}

import { ServiceError, type FieldProblem } from '@/lib/errors/service-error';
import type { ClientFields } from '@/lib/clients/client-schema';
import type { ApiKeyGuardrails } from './api-key-schema';

/** Whether a redirect URI's host is one the key may register (exact, or a `*.suffix` subdomain). */
export function hostAllowed(uri: string, patterns: string[]): boolean {
  let host: string;
  try {
    host = new URL(uri).hostname.toLowerCase();
  } catch {
    return false;
  }
  // A private-use scheme (com.example.app:/cb) has no host, so no host pattern admits it.
  if (!host) return false;
  return patterns.some((pattern) => (pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1 : host === pattern));
}

type GuardedFields = Pick<ClientFields, 'grant_types' | 'scopes' | 'redirect_uris' | 'post_logout_redirect_uris'> & { organization_id?: string };

/**
 * A client as it would be after the write, checked against the key's guardrails. Every
 * rule it breaks is named by the field to fix; the write is refused whole (403).
 */
export function checkGuardrails(guardrails: ApiKeyGuardrails, client: GuardedFields): void {
  const fields: FieldProblem[] = [];
  const { allowed_grant_types: grants, allowed_scopes: scopes, allowed_redirect_hosts: hosts, organization_id: organization } = guardrails;
  if (grants) {
    client.grant_types.forEach((grant, index) => {
      if (!grants.includes(grant)) fields.push({ path: `grant_types[${index}]`, message: `This API key may register only ${grants.join(', ')}` });
    });
  }
  if (scopes) {
    client.scopes.forEach((scope, index) => {
      if (!scopes.includes(scope)) fields.push({ path: `scopes[${index}]`, message: `This API key may register only the scopes ${scopes.join(', ')}` });
    });
  }
  if (hosts) {
    for (const key of ['redirect_uris', 'post_logout_redirect_uris'] as const) {
      client[key].forEach((uri, index) => {
        if (!hostAllowed(uri, hosts)) fields.push({ path: `${key}[${index}]`, message: `This API key may register redirect URIs only on ${hosts.join(', ')}` });
      });
    }
  }
  if (organization && client.organization_id !== organization) {
    fields.push({ path: 'organization_id', message: `This API key registers clients in organization ${organization} only` });
  }
  if (fields.length) throw new ServiceError('forbidden', "The request is outside this API key's guardrails", fields);
}

/** The client quota of a key, checked before it registers one more. */
export function checkClientQuota(guardrails: ApiKeyGuardrails, owned: number): void {
  const max = guardrails.max_clients;
  if (max !== null && max !== undefined && owned >= max) {
    throw new ServiceError('forbidden', `This API key may register at most ${max} client${max === 1 ? '' : 's'} and has ${owned}: delete one first`, [
      { path: 'max_clients', message: `Quota of ${max} reached` },
    ]);
  }
}

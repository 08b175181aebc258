import type { ApiKeyResponse } from '@/lib/api-keys/api-key-schema';
import { GRANT_TYPE_LABELS } from '@/lib/clients/labels';

/** A key's guardrails in a few short lines for the key list. */
export function GuardrailSummary({ apiKey, organizations }: { apiKey: ApiKeyResponse; organizations: { id: string; name: string }[] }) {
  const lines: string[] = [];
  if (apiKey.allowed_grant_types) lines.push(`Grants: ${apiKey.allowed_grant_types.map((g) => GRANT_TYPE_LABELS[g]).join(', ')}`);
  if (apiKey.allowed_scopes) lines.push(`Scopes: ${apiKey.allowed_scopes.join(' ')}`);
  if (apiKey.allowed_redirect_hosts) lines.push(`Hosts: ${apiKey.allowed_redirect_hosts.join(', ')}`);
  if (apiKey.organization_id) lines.push(`Organization: ${organizations.find((o) => o.id === apiKey.organization_id)?.name ?? apiKey.organization_id}`);
  if (apiKey.max_clients !== null) lines.push(`At most ${apiKey.max_clients} client${apiKey.max_clients === 1 ? '' : 's'}`);
  if (!lines.length) lines.push('No limits');
  lines.push(`${apiKey.writes_per_minute} writes/min`);
  return (
    <ul aria-label="Guardrails" className="space-y-0.5 text-xs text-slate-600 dark:text-slate-400">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

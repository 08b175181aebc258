import { parseArgs } from 'node:util';
import { getDb } from '@/lib/db/client';
import { createApiKey, listApiKeys, revokeApiKey } from '@/lib/api-keys/api-keys';
import { CLI_ACTOR } from '@/lib/audit/record-audit';
import { ServiceError } from '@/lib/errors/service-error';
import { CliError } from '../cli-error';

/**
 * `thalamus api-keys create --name N --scopes clients:read,clients:write [--description D] [--expires-at ISO]
 *   [--allowed-grant-types G,…] [--allowed-scopes S,…] [--allowed-redirect-hosts H,…] [--organization ID]
 *   [--max-clients N] [--writes-per-minute N] [--json]` prints the key once; `api-keys list`; `api-keys revoke <id>`.
 */
export async function apiKeysCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const db = await getDb();
  try {
    if (sub === 'create') {
      const { values } = parseArgs({
        args: rest,
        options: {
          name: { type: 'string' },
          scopes: { type: 'string' },
          description: { type: 'string' },
          'expires-at': { type: 'string' },
          'allowed-grant-types': { type: 'string' },
          'allowed-scopes': { type: 'string' },
          'allowed-redirect-hosts': { type: 'string' },
          organization: { type: 'string' },
          'max-clients': { type: 'string' },
          'writes-per-minute': { type: 'string' },
          json: { type: 'boolean', default: false },
        },
      });
      const list = (value: string | undefined) => (value === undefined ? undefined : value.split(',').map((s) => s.trim()).filter(Boolean));
      const number = (value: string | undefined) => (value === undefined ? undefined : /^\d+$/.test(value) ? Number(value) : (value as never));
      const created = await createApiKey(
        db,
        {
          name: values.name ?? '',
          description: values.description ?? '',
          scopes: (list(values.scopes) ?? []) as never,
          expires_at: values['expires-at'],
          allowed_grant_types: list(values['allowed-grant-types']) as never,
          allowed_scopes: list(values['allowed-scopes']),
          allowed_redirect_hosts: list(values['allowed-redirect-hosts']),
          organization_id: values.organization,
          max_clients: number(values['max-clients']),
          writes_per_minute: number(values['writes-per-minute']),
        },
        CLI_ACTOR,
      );
      if (values.json) console.log(JSON.stringify(created));
      else {
        console.log(`Created API key ${created.api_key.name} (${created.api_key.id}) with ${created.api_key.scopes.join(', ')}`);
        console.log(`Key (shown once, store it in a secrets manager): ${created.key}`);
      }
      return 0;
    }
    if (sub === 'list') {
      console.log(JSON.stringify(await listApiKeys(db), null, 2));
      return 0;
    }
    if (sub === 'revoke') {
      if (!rest[0]) throw new CliError('Give the ID of the key to revoke');
      await revokeApiKey(db, rest[0], CLI_ACTOR);
      console.log(`Revoked ${rest[0]}`);
      return 0;
    }
    throw new CliError(`Unknown api-keys command "${sub ?? ''}"`);
  } catch (error) {
    if (error instanceof ServiceError) throw new CliError([error.message, ...error.fields.map((f) => `  --${cliOption(f.path)}: ${f.message}`)].join('\n'), false);
    throw error;
  }
}

/** The option a field problem is about: `allowed_scopes[1]` → `allowed-scopes`, `organization_id` → `organization`. */
function cliOption(path: string): string {
  const field = path.replace(/\[\d+\]$/, '');
  return field === 'organization_id' ? 'organization' : field.replaceAll('_', '-');
}

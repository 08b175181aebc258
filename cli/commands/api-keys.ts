import { getDb } from '@/lib/db/client';
import { createApiKey, revokeApiKey } from '@/lib/api-keys/api-keys';
import { listApiKeys } from '@/lib/api-keys/list-api-keys';
import { CLI_ACTOR } from '@/lib/audit/record-audit';
import { ServiceError } from '@/lib/errors/service-error';
import { API_KEY_SCOPES, DEFAULT_WRITES_PER_MINUTE } from '@/lib/api-keys/api-key-schema';
import { GRANT_TYPES } from '@/lib/clients/client-schema';
import { CliError } from '../cli-error';
import { command, type CommandGroup } from '../command-spec';

const create = command({
  name: 'create',
  summary: 'create an admin API key for /api/clients; the key is printed once',
  options: {
    name: { type: 'string', value: 'N', required: true, description: 'name shown in the console and the audit log' },
    scopes: { type: 'string', value: 'S,…', required: true, description: `comma-separated, of ${API_KEY_SCOPES.join(', ')}` },
    description: { type: 'string', value: 'D', description: 'what the key is for' },
    'expires-at': { type: 'string', value: 'ISO', description: 'when the key stops working (ISO 8601 date-time)' },
    'allowed-grant-types': { type: 'string', value: 'G,…', description: `guardrail: grant types its clients may use, of ${GRANT_TYPES.join(', ')}` },
    'allowed-scopes': { type: 'string', value: 'S,…', description: 'guardrail: scopes its clients may request' },
    'allowed-redirect-hosts': { type: 'string', value: 'H,…', description: 'guardrail: redirect URI hosts its clients may use (billing.example.com, *.corp.example)' },
    organization: { type: 'string', value: 'ID', description: 'guardrail: the organization its clients belong to' },
    'max-clients': { type: 'string', value: 'N', description: 'guardrail: how many clients it may register (default: no limit)' },
    'writes-per-minute': { type: 'string', value: 'N', description: `guardrail: client writes per minute (default: ${DEFAULT_WRITES_PER_MINUTE})` },
    json: { type: 'boolean', default: false, description: 'print the key and its record as JSON' },
  },
  async run({ values }) {
    const list = (value: string | undefined) =>
      value === undefined
        ? undefined
        : value
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
    const number = (value: string | undefined) => (value === undefined ? undefined : /^\d+$/.test(value) ? Number(value) : value);
    const created = await withOptionErrors(async () =>
      createApiKey(
        await getDb(),
        {
          name: values.name ?? '',
          description: values.description ?? '',
          scopes: list(values.scopes) ?? [],
          expires_at: values['expires-at'],
          allowed_grant_types: list(values['allowed-grant-types']),
          allowed_scopes: list(values['allowed-scopes']),
          allowed_redirect_hosts: list(values['allowed-redirect-hosts']),
          organization_id: values.organization,
          max_clients: number(values['max-clients']),
          writes_per_minute: number(values['writes-per-minute']),
        },
        CLI_ACTOR,
      ),
    );
    if (values.json) console.log(JSON.stringify(created));
    else {
      console.log(`Created API key ${created.api_key.name} (${created.api_key.id}) with ${created.api_key.scopes.join(', ')}`);
      console.log(`Key (shown once, store it in a secrets manager): ${created.key}`);
    }
    return 0;
  },
});

const list = command({
  name: 'list',
  summary: 'list the admin API keys as JSON (hints only, never a key)',
  async run() {
    console.log(JSON.stringify(await listApiKeys(await getDb()), null, 2));
    return 0;
  },
});

const revoke = command({
  name: 'revoke',
  summary: 'revoke an admin API key: it stops working at once',
  positionals: [{ name: 'id', description: 'the key ID (from `api-keys list`)' }],
  async run({ positionals: [id] }) {
    if (!id) throw new CliError('Give the ID of the key to revoke');
    await withOptionErrors(async () => revokeApiKey(await getDb(), id, CLI_ACTOR));
    console.log(`Revoked ${id}`);
    return 0;
  },
});

/**
 * `thalamus api-keys create --name N --scopes clients:read,clients:write [guardrails] [--json]`
 * prints the key once; `api-keys list`; `api-keys revoke <id>`.
 */
export const apiKeysCommands: CommandGroup = {
  name: 'api-keys',
  summary: 'admin API keys for /api/clients',
  subcommands: [create, list, revoke],
};

/** A field problem names the option to fix: `allowed_scopes[1]` → `--allowed-scopes`. */
async function withOptionErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
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

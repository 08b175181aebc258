import { parseArgs } from 'node:util';
import { getDb } from '@/lib/db/client';
import { createApiKey, listApiKeys, revokeApiKey } from '@/lib/api-keys/api-keys';
import { CLI_ACTOR } from '@/lib/audit/record-audit';
import { ServiceError } from '@/lib/errors/service-error';
import { CliError } from '../cli-error';

/**
 * `thalamus api-keys create --name N --scopes clients:read,clients:write [--description D] [--expires-at ISO] [--json]`
 * prints the key once; `api-keys list`; `api-keys revoke <id>`.
 */
export async function apiKeysCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const db = await getDb();
  try {
    if (sub === 'create') {
      const { values } = parseArgs({
        args: rest,
        options: { name: { type: 'string' }, scopes: { type: 'string' }, description: { type: 'string' }, 'expires-at': { type: 'string' }, json: { type: 'boolean', default: false } },
      });
      const created = await createApiKey(
        db,
        {
          name: values.name ?? '',
          description: values.description ?? '',
          scopes: (values.scopes ?? '').split(',').map((s) => s.trim()).filter(Boolean) as never,
          expires_at: values['expires-at'],
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
    if (error instanceof ServiceError) throw new CliError([error.message, ...error.fields.map((f) => `  --${f.path.replace('_', '-')}: ${f.message}`)].join('\n'), false);
    throw error;
  }
}

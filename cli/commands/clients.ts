import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { getDb } from '@/lib/db/client';
import { createClient } from '@/lib/clients/create-client';
import { rotateClientSecret } from '@/lib/clients/rotate-client-secret';
import { ServiceError } from '@/lib/errors/service-error';
import { CLI_ACTOR } from '@/lib/audit/record-audit';
import { CliError } from '../cli-error';

/**
 * `thalamus clients create --data '{"name": …}'` (or `--data @file.json`): registers a
 * client with the same body POST /api/clients takes.
 * `thalamus clients rotate-secret <client_id> [--previous-secret-expires-in SECONDS]`:
 * the same as POST /api/clients/{client_id}/secret.
 * Both print the result as JSON, including the client secret, once.
 */
export async function clientsCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  try {
    if (sub === 'create') return await create(rest);
    if (sub === 'rotate-secret') return await rotateSecret(rest);
  } catch (error) {
    if (error instanceof ServiceError) {
      throw new CliError([error.message, ...error.fields.map((f) => `  ${f.path}: ${f.message}`)].join('\n'), false);
    }
    throw error;
  }
  throw new CliError(`Unknown clients command "${sub ?? ''}"`);
}

async function create(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { data: { type: 'string' } } });
  if (!values.data) throw new CliError('--data is required: the client as JSON, or @path/to/file.json');
  const text = values.data.startsWith('@') ? readFileSync(values.data.slice(1), 'utf8') : values.data;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new CliError('--data is not valid JSON', false);
  }
  console.log(JSON.stringify(await createClient(await getDb(), body as never, CLI_ACTOR), null, 2));
  return 0;
}

async function rotateSecret(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { 'previous-secret-expires-in': { type: 'string' } } });
  const [clientId, ...extra] = positionals;
  if (!clientId || extra.length) throw new CliError('Name one client: thalamus clients rotate-secret <client_id>');
  const seconds = values['previous-secret-expires-in'];
  if (seconds !== undefined && !/^\d+$/.test(seconds)) throw new CliError('--previous-secret-expires-in takes a whole number of seconds', false);
  const input = seconds === undefined ? {} : { previous_secret_expires_in: Number(seconds) };
  console.log(JSON.stringify(await rotateClientSecret(await getDb(), clientId, input, CLI_ACTOR), null, 2));
  return 0;
}

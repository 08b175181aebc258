import { readFileSync } from 'node:fs';
import { getDb } from '@/lib/db/client';
import { createClient } from '@/lib/clients/create-client';
import { rotateClientSecret } from '@/lib/clients/rotate-client-secret';
import { ServiceError } from '@/lib/errors/service-error';
import { CLI_ACTOR } from '@/lib/audit/record-audit';
import { CliError } from '../cli-error';
import { command, type CommandGroup } from '../command-spec';

const create = command({
  name: 'create',
  summary: 'register an OAuth client (same body as POST /api/clients); prints it with its secret, once',
  options: {
    data: { type: 'string', value: 'JSON|@file', required: true, description: 'the client as JSON, or @path/to/file.json' },
  },
  async run({ values }) {
    if (!values.data) throw new CliError('--data is required: the client as JSON, or @path/to/file.json');
    const text = values.data.startsWith('@') ? readFileSync(values.data.slice(1), 'utf8') : values.data;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new CliError('--data is not valid JSON', false);
    }
    const created = await withFieldErrors(async () => createClient(await getDb(), body, CLI_ACTOR));
    console.log(JSON.stringify(created, null, 2));
    return 0;
  },
});

const rotateSecret = command({
  name: 'rotate-secret',
  summary: 'issue a new client secret (printed once); the current one stops at once or after an overlap',
  positionals: [{ name: 'client_id', description: 'the client whose secret to replace' }],
  options: {
    'previous-secret-expires-in': { type: 'string', value: 'SECONDS', description: 'keep the current secret working this long (default: 0, it stops at once)' },
  },
  async run({ values, positionals: [clientId] }) {
    if (!clientId) throw new CliError('Name one client: thalamus clients rotate-secret <client_id>');
    const seconds = values['previous-secret-expires-in'];
    if (seconds !== undefined && !/^\d+$/.test(seconds)) throw new CliError('--previous-secret-expires-in takes a whole number of seconds', false);
    const input = seconds === undefined ? {} : { previous_secret_expires_in: Number(seconds) };
    const rotated = await withFieldErrors(async () => rotateClientSecret(await getDb(), clientId, input, CLI_ACTOR));
    console.log(JSON.stringify(rotated, null, 2));
    return 0;
  },
});

/**
 * `thalamus clients create --data '{"name": …}'` (or `--data @file.json`) and
 * `thalamus clients rotate-secret <client_id>`: the same as POST /api/clients and
 * POST /api/clients/{client_id}/secret. Both print the result as JSON, the client secret included, once.
 */
export const clientsCommands: CommandGroup = {
  name: 'clients',
  summary: 'OAuth clients, as the admin API manages them',
  subcommands: [create, rotateSecret],
};

async function withFieldErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ServiceError) throw new CliError([error.message, ...error.fields.map((f) => `  ${f.path}: ${f.message}`)].join('\n'), false);
    throw error;
  }
}

import { getDb } from '@/lib/db/client';
import { createClient } from '@/lib/clients/create-client';
import { rotateClientSecret } from '@/lib/clients/rotate-client-secret';
import { CLI_ACTOR } from '@/lib/audit/record-audit';
import { CliError } from '../cli-error';
import { command, type CommandGroup } from '../command-spec';
import { readJsonData, withFieldErrors } from '../json-input';

const create = command({
  name: 'create',
  summary: 'register an OAuth client (same body as POST /api/clients); prints it with its secret, once',
  options: {
    data: { type: 'string', value: 'JSON|@file', required: true, description: 'the client as JSON, or @path/to/file.json' },
  },
  async run({ values }) {
    const body = readJsonData(values.data, 'the client');
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

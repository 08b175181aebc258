import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { getDb } from '@/lib/db/client';
import { createClient } from '@/lib/clients/create-client';
import { ServiceError } from '@/lib/errors/service-error';
import { CLI_ACTOR } from '@/lib/audit/record-audit';
import { CliError } from '../cli-error';

/**
 * `thalamus clients create --data '{"name": …}'` (or `--data @file.json`): registers a
 * client with the same body POST /api/clients takes, and prints the result as JSON,
 * including the client secret, once.
 */
export async function clientsCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'create') throw new CliError(`Unknown clients command "${sub ?? ''}"`);
  const { values } = parseArgs({ args: rest, options: { data: { type: 'string' } } });
  if (!values.data) throw new CliError('--data is required: the client as JSON, or @path/to/file.json');
  const text = values.data.startsWith('@') ? readFileSync(values.data.slice(1), 'utf8') : values.data;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new CliError('--data is not valid JSON', false);
  }
  try {
    const created = await createClient(await getDb(), body as never, CLI_ACTOR);
    console.log(JSON.stringify(created, null, 2));
    return 0;
  } catch (error) {
    if (error instanceof ServiceError) {
      throw new CliError([error.message, ...error.fields.map((f) => `  ${f.path}: ${f.message}`)].join('\n'), false);
    }
    throw error;
  }
}

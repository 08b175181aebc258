import { readFileSync } from 'node:fs';
import { getDb } from '@/lib/db/client';
import { createResource, listResources } from '@/lib/resources/resource-service';
import { ServiceError } from '@/lib/errors/service-error';
import { CLI_ACTOR } from '@/lib/audit/record-audit';
import { CliError } from '../cli-error';
import { command, type CommandGroup } from '../command-spec';

const create = command({
  name: 'create',
  summary: 'create an API resource (same body as POST /api/resources); prints it',
  options: {
    data: { type: 'string', value: 'JSON|@file', required: true, description: 'the API as JSON, or @path/to/file.json' },
  },
  notes: ['e.g. --data \'{"name":"Billing","identifier":"https://billing.example.com","scopes":[{"name":"invoices:read","description":"Read your invoices"}]}\''],
  async run({ values }) {
    if (!values.data) throw new CliError('--data is required: the API as JSON, or @path/to/file.json');
    const text = values.data.startsWith('@') ? readFileSync(values.data.slice(1), 'utf8') : values.data;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new CliError('--data is not valid JSON', false);
    }
    try {
      console.log(JSON.stringify(await createResource(await getDb(), body, CLI_ACTOR), null, 2));
    } catch (error) {
      if (error instanceof ServiceError) throw new CliError([error.message, ...error.fields.map((f) => `  ${f.path}: ${f.message}`)].join('\n'), false);
      throw error;
    }
    return 0;
  },
});

const list = command({
  name: 'list',
  summary: 'list the API resources with their identifiers and scopes',
  options: {
    json: { type: 'boolean', default: false, description: 'print them as JSON (the GET /api/resources data)' },
  },
  async run({ values }) {
    const resources = await listResources(await getDb());
    if (values.json) console.log(JSON.stringify(resources, null, 2));
    else
      for (const r of resources)
        console.log(
          `${r.identifier}  ${r.name}${r.protected ? ' (protected)' : ''}  ${r.access_token_format}, ${r.access_token_lifetime} s  scopes: ${r.scopes.map((s) => s.name).join(' ') || '—'}`,
        );
    return 0;
  },
});

/** `thalamus resources create --data …` and `thalamus resources list`: what /api/resources does. */
export const resourcesCommands: CommandGroup = {
  name: 'resources',
  summary: 'API resources: the APIs access tokens are for (RFC 8707)',
  subcommands: [create, list],
};

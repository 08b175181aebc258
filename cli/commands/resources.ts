import { getDb } from '@/lib/db/client';
import { createResource, listResources } from '@/lib/resources/resource-service';
import { CLI_ACTOR } from '@/lib/audit/record-audit';
import { command, type CommandGroup } from '../command-spec';
import { readJsonData, withFieldErrors } from '../json-input';

const create = command({
  name: 'create',
  summary: 'create an API resource (same body as POST /api/resources); prints it',
  options: {
    data: { type: 'string', value: 'JSON|@file', required: true, description: 'the API as JSON, or @path/to/file.json' },
  },
  notes: ['e.g. --data \'{"name":"Billing","identifier":"https://billing.example.com","scopes":[{"name":"invoices:read","description":"Read your invoices"}]}\''],
  async run({ values }) {
    const body = readJsonData(values.data, 'the API');
    const created = await withFieldErrors(async () => createResource(await getDb(), body, CLI_ACTOR));
    console.log(JSON.stringify(created, null, 2));
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

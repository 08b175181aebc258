import type { z } from 'zod';
import { configDocumentSchema } from '@/lib/config-as-code/document-schema';
import { applyResultSchema } from '@/lib/config-as-code/apply-result-schema';

/** POST /api/apply and GET /api/export: clients as code, for an Admin Client access token. */
export function configAsCodeOpenApi(helpers: {
  schema: (source: z.ZodType, io: 'input' | 'output') => Record<string, unknown>;
  json: (name: string) => unknown;
  errors: (...statuses: number[]) => Record<string, unknown>;
}) {
  const { schema, json, errors } = helpers;
  const flag = (name: string, description: string) => ({ name, in: 'query', required: false, schema: { type: 'string', enum: ['true', 'false'] }, description });
  const paths = {
    '/api/apply': {
      post: {
        operationId: 'applyConfiguration',
        summary: 'Apply a configuration document',
        description:
          'Makes organizations, scopes, APIs and clients match the document (the one `GET /api/export` and `npx thalamus export` give), in one transaction: every change or none. Entities are matched by organization ID, scope name, API identifier and client ID; a list the document leaves out is not touched. Default clients are not changed through the API (listed under `skipped`). New confidential clients get a secret, returned once in `secrets`. Refusals name the document field, e.g. `clients[2].redirect_uris[0]`, and nothing is written. Admin Client access token only (an API key gets 403).',
        security: [{ adminToken: [] }],
        parameters: [
          flag('dry_run', 'true: only plan; nothing is written'),
          flag('prune', "true: delete what the document's lists leave out (never default clients, built-in scopes, Thalamus's API or the default organization)"),
        ],
        requestBody: { required: true, content: json('ConfigDocument') },
        responses: { 200: { description: 'The plan, and whether it was applied', content: json('ApplyResult') }, ...errors(400, 401, 403, 409, 413, 415) },
      },
    },
    '/api/export': {
      get: {
        operationId: 'exportConfiguration',
        summary: 'Export the configuration document',
        description:
          "Organizations, the scopes that belong to no API, the APIs with their scopes and the clients with their client IDs, in a stable order; never a secret. Thalamus's own API is provisioned by setup and left out.",
        security: [{ adminToken: [] }],
        parameters: [
          { name: 'only', in: 'query', required: false, schema: { type: 'string' }, description: 'Comma-separated lists to export: organizations, scopes, resources, clients' },
        ],
        responses: { 200: { description: 'The document', content: json('ConfigDocument') }, ...errors(400, 401, 403) },
      },
    },
  };
  const schemas = { ConfigDocument: schema(configDocumentSchema, 'input'), ApplyResult: schema(applyResultSchema, 'output') };
  return { paths, schemas };
}

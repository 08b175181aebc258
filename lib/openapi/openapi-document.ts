import { z } from 'zod';
import { clientCreateSchema, clientPatchSchema, clientResponseSchema, clientSecretRotationSchema, registeredClientSchema } from '@/lib/clients/client-schema';
import { clientCursorQuerySchema } from '@/lib/clients/list-clients';
import { apiKeyCreateSchema, apiKeyGuardrailsPatchSchema, apiKeyResponseSchema } from '@/lib/api-keys/api-key-schema';
import { resourceResponseSchema, resourceSchema, resourceScopeSchema, resourceUpdateSchema } from '@/lib/resources/resource-schema';
import { organizationCreateSchema, organizationResponseSchema } from '@/lib/organizations/organization-service';
import { usersOpenApi } from './users-paths';
import { configAsCodeOpenApi } from './config-as-code-paths';

/**
 * The admin API described as OpenAPI 3.1, generated from the same zod schemas the
 * handlers validate with (JSON Schema 2020-12 is OpenAPI 3.1's schema dialect), so the
 * document cannot drift from the code.
 */
function schema(source: z.ZodType, io: 'input' | 'output') {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(source, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

const errorSchema = z.object({
  error: z.string().meta({ description: 'Machine-readable code, e.g. invalid_request, unauthorized, insufficient_scope, not_found' }),
  error_description: z.string().meta({ description: 'What went wrong, in words' }),
  fields: z.array(z.object({ path: z.string().meta({ description: 'The input to fix, e.g. redirect_uris[1]' }), message: z.string() })),
});

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ 'application/json': { schema: ref(name) } });
const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      {
        description: {
          400: 'Invalid input',
          401: 'Missing, unknown, revoked or expired credentials',
          403: "Not allowed: the credential's scope, a user rule (your own account, an administrator), a guardrail of the API key (fields name the rule broken), or a protected default client",
          404: 'Not found (also a client another API key registered: keys see only their own)',
          409: 'Conflict',
          413: 'Body too large',
          415: 'Body is not JSON',
          429: "Past the API key's writes per minute; wait Retry-After seconds",
        }[status],
        content: json('Error'),
      },
    ]),
  );

export function openApiDocument(serverUrl: string) {
  // Each query parameter of GET /api/clients, described by the schema the handler parses with.
  const listParameters = Object.entries((schema(clientCursorQuerySchema, 'input').properties ?? {}) as Record<string, { description?: string }>).map(([name, itemSchema]) => ({
    name,
    in: 'query',
    required: false,
    schema: itemSchema,
    description:
      { q: 'Search by name or client ID', limit: 'Page size (1–100)', cursor: 'next_cursor of the previous page, asked for with the same sort and order' }[name] ??
      itemSchema.description,
  }));
  const clientIdParameter = { name: 'client_id', in: 'path', required: true, schema: { type: 'string' } };
  const users = usersOpenApi({ schema, json, errors, ref });
  const configAsCode = configAsCodeOpenApi({ schema, json, errors });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Thalamus Admin API',
      version: '1.0.0',
      description:
        'Register and manage OAuth clients programmatically. Authenticate with an admin API key (`Authorization: Bearer thak_…`) created by a super admin in Settings › API Keys, with `npx thalamus api-keys create` or with `POST /api/api-keys`. A key manages only the clients it registered (any other client answers 404), within the guardrails it was created with (allowed grant types, scopes and redirect-URI hosts, an organization, a client quota: 403 naming the field), and at most its writes per minute (429 with Retry-After). No API credential may change, rotate, disable or delete a default client (403). Keys with `users:read` / `users:write` manage end users at /api/users (administrators: an admin token only). A client_credentials access token with the `admin` scope (the Admin Client, `thalamus_admin_client`) is the platform credential: it reaches every client and organization and manages API keys. Errors share one shape: `{ error, error_description, fields[] }`.',
    },
    servers: [{ url: serverUrl }],
    security: [{ adminApiKey: [] }, { adminToken: [] }],
    paths: {
      '/api/clients': {
        get: {
          operationId: 'listClients',
          summary: 'List clients',
          description:
            'Newest first unless `sort` and `order` say otherwise (ties broken by client ID), with cursor paging. Filters (grant_type, status, client_kind, organization_id, owner, not_used_days, is_default) combine: every one given must hold. An API key lists the clients it registered (its filters and facet counts too); an admin token lists all. Needs the clients:read scope.',
          parameters: listParameters,
          responses: { 200: { description: 'One page of clients', content: json('ClientPage') }, ...errors(400, 401, 403) },
        },
        post: {
          operationId: 'createClient',
          summary: 'Register a client',
          description:
            'Creates a client and answers its fields at the top level with, for confidential clients, client_secret beside them (RFC 7591 §3.2.1): the only time the secret is shown. Send an Idempotency-Key header to make retries safe: a retry with the same key and body within 24 hours returns the first response. Needs clients:write.',
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 } }],
          requestBody: { required: true, content: json('ClientCreate') },
          responses: { 201: { description: 'The new client (and its secret)', content: json('ClientCreated') }, ...errors(400, 401, 403, 409, 413, 415, 429) },
        },
      },
      '/api/clients/{client_id}': {
        parameters: [clientIdParameter],
        get: { operationId: 'getClient', summary: 'Read a client', responses: { 200: { description: 'The client', content: json('Client') }, ...errors(401, 403, 404) } },
        patch: {
          operationId: 'updateClient',
          summary: 'Change a client',
          description:
            "Send only the fields to change; `enabled: false` disables the client (its tokens stop working) and `enabled: true` enables it again. The client after the change must satisfy the API key's guardrails. API credentials cannot change default clients (403). Needs clients:write.",
          requestBody: { required: true, content: json('ClientPatch') },
          responses: { 200: { description: 'The changed client', content: json('Client') }, ...errors(400, 401, 403, 404, 413, 415, 429) },
        },
        delete: {
          operationId: 'deleteClient',
          summary: 'Delete a client',
          description: 'Revokes its tokens, grants and consents. Default clients cannot be deleted (403). Needs clients:write.',
          responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404, 429) },
        },
      },
      '/api/clients/{client_id}/secret': {
        parameters: [clientIdParameter],
        post: {
          operationId: 'rotateClientSecret',
          summary: "Rotate a client's secret",
          description:
            'Issues a new client_secret, returned this once. The current secret stops working at once (the default: the answer to a leaked secret) or after previous_secret_expires_in seconds, so every instance of the application can switch first. The body may be left out. Send an Idempotency-Key header so a retry gets the same secret back instead of rotating again. Public clients have no secret (400). Needs clients:write.',
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 } }],
          requestBody: { required: false, content: json('ClientSecretRotation') },
          responses: {
            201: { description: 'The client (its secrets listed by hint) and the new secret', content: json('ClientCreated') },
            ...errors(400, 401, 403, 404, 409, 413, 415, 429),
          },
        },
      },
      '/api/organizations': {
        get: {
          operationId: 'listOrganizations',
          summary: 'List organizations',
          responses: { 200: { description: 'All organizations', content: json('OrganizationList') }, ...errors(401, 403) },
        },
        post: {
          operationId: 'createOrganization',
          summary: 'Create an organization',
          requestBody: { required: true, content: json('OrganizationCreate') },
          responses: { 201: { description: 'The new organization', content: json('Organization') }, ...errors(400, 401, 403, 409, 413, 415) },
        },
      },
      '/api/api-keys': {
        get: {
          operationId: 'listApiKeys',
          summary: 'List admin API keys',
          description: 'For super admins signed in to the console (session cookie) and for admin tokens; API keys get 403. Keys are never shown again, only their hints.',
          security: [{ consoleSession: [] }, { adminToken: [] }],
          responses: { 200: { description: 'All keys', content: json('ApiKeyList') }, ...errors(401, 403) },
        },
        post: {
          operationId: 'createApiKey',
          summary: 'Create an admin API key',
          description:
            'The key is in this response only. Guardrails (allowed_grant_types, allowed_scopes, allowed_redirect_hosts, organization_id, max_clients, writes_per_minute) bind every write the key makes; leave one out for no limit of that kind.',
          security: [{ consoleSession: [] }, { adminToken: [] }],
          requestBody: { required: true, content: json('ApiKeyCreate') },
          responses: { 201: { description: 'The key, shown once', content: json('ApiKeyCreated') }, ...errors(400, 401, 403, 413, 415) },
        },
      },
      '/api/api-keys/{id}': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        patch: {
          operationId: 'updateApiKeyGuardrails',
          summary: "Change an admin API key's guardrails",
          description: 'Clients the key registered are not rewritten; their next write must satisfy the new guardrails. null lifts a limit.',
          security: [{ consoleSession: [] }, { adminToken: [] }],
          requestBody: { required: true, content: json('ApiKeyGuardrailsPatch') },
          responses: { 200: { description: 'The key', content: json('ApiKey') }, ...errors(400, 401, 403, 404, 413, 415) },
        },
        delete: {
          operationId: 'revokeApiKey',
          summary: 'Revoke an admin API key',
          description: 'The key stops working on its next request. The clients it registered keep working, owned by no key (the console manages them).',
          security: [{ consoleSession: [] }, { adminToken: [] }],
          responses: { 204: { description: 'Revoked' }, ...errors(401, 403, 404) },
        },
      },
      '/api/resources': {
        get: {
          operationId: 'listResources',
          summary: 'List API resources',
          description: "Every API that accepts Thalamus access tokens, Thalamus's own first, each with its scopes.",
          security: [{ consoleSession: [] }, { adminToken: [] }],
          responses: { 200: { description: 'The APIs', content: json('ResourceList') }, ...errors(401, 403) },
        },
        post: {
          operationId: 'createResource',
          summary: 'Create an API resource',
          description:
            'The identifier (an absolute https:// URL or urn: name without fragment, RFC 8707 §2) becomes the `aud` of its tokens and cannot change. Scope names are unique across all APIs and the OAuth Scopes registry (409 otherwise). Only a super admin or an admin token manages APIs; admin API keys cannot.',
          security: [{ consoleSession: [] }, { adminToken: [] }],
          requestBody: { required: true, content: json('ResourceCreate') },
          responses: { 201: { description: 'The API', content: json('Resource') }, ...errors(400, 401, 403, 409, 413, 415) },
        },
      },
      '/api/resources/{id}': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        get: {
          operationId: 'getResource',
          summary: 'Read an API resource',
          security: [{ consoleSession: [] }, { adminToken: [] }],
          responses: { 200: { description: 'The API', content: json('Resource') }, ...errors(401, 403, 404) },
        },
        patch: {
          operationId: 'updateResource',
          summary: 'Change an API resource',
          description: "Name, description, token format and lifetime. Thalamus's own API takes a name and description only (403 otherwise).",
          security: [{ consoleSession: [] }, { adminToken: [] }],
          requestBody: { required: true, content: json('ResourcePatch') },
          responses: { 200: { description: 'The API', content: json('Resource') }, ...errors(400, 401, 403, 404, 413, 415) },
        },
        delete: {
          operationId: 'deleteResource',
          summary: 'Delete an API resource',
          description: "Refused with 409, naming the clients, while clients hold one of its scopes or have it as their default API. Thalamus's own API cannot be deleted (403).",
          security: [{ consoleSession: [] }, { adminToken: [] }],
          responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404, 409) },
        },
      },
      '/api/resources/{id}/scopes': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        post: {
          operationId: 'addResourceScope',
          summary: 'Add a scope to an API resource',
          description: 'The description is what the consent page shows the user.',
          security: [{ consoleSession: [] }, { adminToken: [] }],
          requestBody: { required: true, content: json('ResourceScope') },
          responses: { 201: { description: 'The API with its scopes', content: json('Resource') }, ...errors(400, 401, 403, 404, 409, 413, 415) },
        },
      },
      '/api/resources/{id}/scopes/{name}': {
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'name', in: 'path', required: true, schema: { type: 'string' } },
        ],
        delete: {
          operationId: 'removeResourceScope',
          summary: 'Remove a scope from an API resource',
          description: 'Refused with 409, naming them, while clients hold the scope.',
          security: [{ consoleSession: [] }, { adminToken: [] }],
          responses: { 200: { description: 'The API with its scopes', content: json('Resource') }, ...errors(401, 403, 404, 409) },
        },
      },
      ...users.paths,
      ...configAsCode.paths,
    },
    components: {
      securitySchemes: {
        adminApiKey: { type: 'http', scheme: 'bearer', description: 'An admin API key (thak_…): its own clients, within its guardrails' },
        adminToken: { type: 'http', scheme: 'bearer', description: 'A client_credentials access token with the admin scope (e.g. of thalamus_admin_client): the whole admin API' },
        consoleSession: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token', description: 'The console session of a super admin' },
      },
      schemas: {
        Error: schema(errorSchema, 'output'),
        ResourceCreate: schema(resourceSchema, 'input'),
        ResourcePatch: schema(resourceUpdateSchema, 'input'),
        ResourceScope: schema(resourceScopeSchema, 'input'),
        Resource: schema(resourceResponseSchema, 'output'),
        ResourceList: schema(z.object({ data: z.array(resourceResponseSchema) }), 'output'),
        ClientCreate: schema(clientCreateSchema, 'input'),
        ClientPatch: schema(clientPatchSchema, 'input'),
        Client: schema(clientResponseSchema, 'output'),
        ClientSecretRotation: schema(clientSecretRotationSchema, 'input'),
        ClientCreated: schema(registeredClientSchema, 'output'),
        ClientPage: {
          type: 'object',
          properties: {
            data: { type: 'array', items: ref('Client') },
            next_cursor: { type: ['string', 'null'] },
            facets: {
              description:
                'With include=facets: for each filter, how many clients each of its options would list, for this search and the other filters given (an option of grant_type, status, client_kind and not_used_days is always present; organization_id and owner name those with clients, owner `none` and the chosen one)',
              type: 'object',
              properties: Object.fromEntries(
                ['grant_type', 'status', 'client_kind', 'organization_id', 'owner', 'not_used_days'].map((facet) => [
                  facet,
                  { type: 'object', additionalProperties: { type: 'integer' } },
                ]),
              ),
            },
          },
          required: ['data', 'next_cursor'],
        },
        OrganizationCreate: schema(organizationCreateSchema, 'input'),
        Organization: schema(organizationResponseSchema, 'output'),
        OrganizationList: { type: 'object', properties: { data: { type: 'array', items: ref('Organization') } }, required: ['data'] },
        ApiKeyCreate: schema(apiKeyCreateSchema, 'input'),
        ApiKey: schema(apiKeyResponseSchema, 'output'),
        ApiKeyGuardrailsPatch: schema(apiKeyGuardrailsPatchSchema, 'input'),
        ApiKeyCreated: { type: 'object', properties: { api_key: ref('ApiKey'), key: { type: 'string', description: 'Shown this once' } }, required: ['api_key', 'key'] },
        ApiKeyList: { type: 'object', properties: { data: { type: 'array', items: ref('ApiKey') } }, required: ['data'] },
        ...users.schemas,
        ...configAsCode.schemas,
      },
    },
  };
}

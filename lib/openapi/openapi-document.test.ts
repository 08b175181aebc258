import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validate } from '@readme/openapi-parser';
import { openApiDocument } from './openapi-document';

describe('OpenAPI document', () => {
  const document = openApiDocument('https://id.example.com');

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? [] : (result as unknown as { errors: unknown[] }).errors).toEqual([]);
  });

  it('describes exactly the methods each route handler exports', () => {
    for (const [path, item] of Object.entries(document.paths)) {
      const file = `app${path.replace('{client_id}', '[clientId]').replace(/\{(\w+)\}/g, '[$1]')}/route.ts`;
      expect(existsSync(file), file).toBe(true);
      const source = readFileSync(file, 'utf8');
      const exported = ['GET', 'POST', 'PATCH', 'DELETE'].filter((method) => new RegExp(`export const ${method}\\b`).test(source));
      const documented = Object.keys(item)
        .filter((key) => key !== 'parameters')
        .map((key) => key.toUpperCase());
      expect(documented.sort(), path).toEqual(exported.sort());
    }
  });

  it('takes the client fields from the shared schema', () => {
    const create = document.components.schemas.ClientCreate as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(create.properties)).toEqual(expect.arrayContaining(['name', 'redirect_uris', 'grant_types', 'scopes', 'token_endpoint_auth_method']));
    expect(create.required).toEqual(expect.arrayContaining(['name', 'grant_types', 'scopes']));
  });

  it('answers registration and rotation with the client fields at the top level and the secret beside them (RFC 7591 §3.2.1)', () => {
    const created = document.components.schemas.ClientCreated as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(created.properties)).toEqual(expect.arrayContaining(['client_id', 'name', 'redirect_uris', 'client_secret', 'client_secret_expires_at']));
    expect(created.properties).not.toHaveProperty('client');
    expect(created.required).toContain('client_id');
    expect(created.required).not.toContain('client_secret');
  });

  it("documents the list's search, filters and order from the query schema GET /api/clients parses with", () => {
    const parameters = document.paths['/api/clients'].get.parameters as { name: string; schema: { enum?: string[] }; description?: string }[];
    expect(parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'q',
        'grant_type',
        'status',
        'client_kind',
        'organization_id',
        'owner',
        'not_used_days',
        'is_default',
        'sort',
        'order',
        'limit',
        'cursor',
        'include',
      ]),
    );
    const sort = parameters.find((p) => p.name === 'sort');
    expect(sort?.schema.enum).toEqual(['name', 'client_id', 'status', 'created_at']);
    expect(sort?.description).toMatch(/default created_at/);
  });
});

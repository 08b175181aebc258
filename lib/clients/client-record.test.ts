import { describe, expect, it } from 'vitest';
import type { OAuthClient } from '@/lib/db/generated/sqlite/client';
import { clientCreateSchema } from './client-schema';
import { fromRow, toRow } from './client-record';
import { DEFAULT_CLIENTS, defaultClientFields } from './default-clients';
import { extraClientMetadataProblem, EXTRA_CLIENT_METADATA_KEYS } from './extra-client-metadata';
import { toProviderMetadata } from './provider-metadata';

function stored(fields: ReturnType<typeof toRow>): OAuthClient {
  const at = new Date('2026-01-01T00:00:00Z');
  return {
    clientId: 'c1',
    isDefault: false,
    enabled: true,
    ownerApiKeyId: null,
    registeredBy: 'CLI',
    registrationTokenDigest: null,
    allowedGroups: null,
    createdAt: at,
    updatedAt: at,
    ...fields,
  };
}

describe('client record', () => {
  it('reads back every field it stores, with response types following the grants', () => {
    const fields = clientCreateSchema.parse({
      name: 'Billing',
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      redirect_uris: ['http://127.0.0.1/cb'],
      scopes: ['openid'],
      logo_uri: 'https://billing.example/logo.png',
    });
    const back = fromRow(stored(toRow({ ...fields, organization_id: 'org_default' })));
    expect(back).toMatchObject({ ...fields, organization_id: 'org_default', response_types: ['code'] });
    expect(fromRow(stored(toRow({ ...fields, organization_id: 'org_default', grant_types: ['client_credentials'] }))).response_types).toEqual([]);
  });

  it('parses every default client with the client schema', () => {
    for (const client of DEFAULT_CLIENTS) expect(() => defaultClientFields(client)).not.toThrow();
  });

  it("hands the provider each of Thalamus's extra metadata properties, each valid for its schema", () => {
    const row = { ...stored(toRow(defaultClientFields(DEFAULT_CLIENTS[0]!))), secrets: [{ digest: 'd1', expiresAt: null }] };
    const metadata: Record<string, unknown> = toProviderMetadata(row);
    for (const key of EXTRA_CLIENT_METADATA_KEYS) {
      expect(metadata).toHaveProperty(key);
      expect(extraClientMetadataProblem(key, metadata[key])).toBeUndefined();
    }
    expect(extraClientMetadataProblem('thalamus_access_token_format', 'plain')).toMatch(/^thalamus_access_token_format: /);
  });
});

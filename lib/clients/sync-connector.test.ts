import { describe, expect, it } from 'vitest';
import { ServiceError } from '@/lib/errors/service-error';
import { clientCreateSchema } from './client-schema';
import { SYNC_CONNECTOR_PRESET, syncConnectorClient, withClientTypePreset } from './sync-connector';

describe('withClientTypePreset', () => {
  it('fills in a Sync Connector from its name alone, as the console asks for it', () => {
    const client = clientCreateSchema.parse(withClientTypePreset(syncConnectorClient('LDAP sync')));
    expect(client).toMatchObject({ ...SYNC_CONNECTOR_PRESET, name: 'LDAP sync', client_type: 'sync_connector', token_endpoint_auth_method: 'client_secret_basic' });
  });

  it('accepts fields sent with the preset’s values, lists in any order, and the caller’s choice of secret method', () => {
    const input = {
      name: 'AD sync',
      client_type: 'sync_connector',
      scopes: ['directory:write', 'directory:read'],
      grant_types: ['client_credentials'],
      token_endpoint_auth_method: 'client_secret_post',
    };
    expect(clientCreateSchema.parse(withClientTypePreset(input))).toMatchObject({
      scopes: ['directory:write', 'directory:read'],
      token_endpoint_auth_method: 'client_secret_post',
    });
  });

  it('refuses fields that contradict the preset, naming each', () => {
    const input = { name: 'Odd sync', client_type: 'sync_connector', grant_types: ['authorization_code'], scopes: ['openid'], token_endpoint_auth_method: 'none' };
    let error: unknown;
    try {
      withClientTypePreset(input);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).fields.map((f) => f.path)).toEqual(['grant_types', 'scopes', 'token_endpoint_auth_method']);
  });

  it('leaves a malformed field to the schema, and custom clients untouched', () => {
    const malformed = withClientTypePreset({ name: 'Typo sync', client_type: 'sync_connector', grant_types: 'client_credentials' });
    expect(clientCreateSchema.safeParse(malformed).error?.issues[0]?.path).toEqual(['grant_types']);
    const custom = { name: 'App', grant_types: ['authorization_code'] };
    expect(withClientTypePreset(custom)).toBe(custom);
  });
});

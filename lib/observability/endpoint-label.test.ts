import { describe, expect, it } from 'vitest';
import { endpointLabel } from './endpoint-label';

describe('endpointLabel', () => {
  it('names protocol endpoints, and turns every ID of an admin or SCIM path into {id}', () => {
    expect(endpointLabel('/oauth/token')).toBe('/oauth/token');
    expect(endpointLabel('/oauth/authorize/abc123')).toBe('/oauth/authorize/*');
    expect(endpointLabel('/oauth/anything-else')).toBe('/oauth/other');
    expect(endpointLabel('/.well-known/openid-configuration')).toBe('/.well-known/openid-configuration');
    expect(endpointLabel('/api/clients')).toBe('/api/clients');
    expect(endpointLabel('/api/clients/my-app/secret')).toBe('/api/clients/{id}/secret');
    expect(endpointLabel('/api/users/usr_1/revoke-sessions')).toBe('/api/users/{id}/revoke-sessions');
    expect(endpointLabel('/scim/v2/Users/usr_1')).toBe('/scim/v2/Users/{id}');
    expect(endpointLabel('/console/clients')).toBe('/other');
  });
});

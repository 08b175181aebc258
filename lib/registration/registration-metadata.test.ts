import { describe, expect, it } from 'vitest';
import { registrationPath, toClientInput } from './registration-metadata';

describe('registration metadata (RFC 7591 §2)', () => {
  it('renames client_name and scope, applies RFC 7591 defaults and drops metadata Thalamus does not know', () => {
    expect(toClientInput({ client_name: 'CLI', scope: 'openid  email', contacts: ['ops@example.com'] })).toEqual({
      name: 'CLI',
      scopes: ['openid', 'email'],
      grant_types: ['authorization_code'],
      application_type: 'web',
    });
  });

  it('registers native apps for loopback or private-use redirect URIs and the device grant, unless told otherwise', () => {
    expect(toClientInput({ redirect_uris: ['http://127.0.0.1:5000/cb'] }).application_type).toBe('native');
    expect(toClientInput({ redirect_uris: ['com.example.app:/cb'] }).application_type).toBe('native');
    expect(toClientInput({ redirect_uris: ['https://app.example.com/cb'] }).application_type).toBe('web');
    expect(toClientInput({ grant_types: ['urn:ietf:params:oauth:grant-type:device_code'] }).application_type).toBe('native');
    expect(toClientInput({ application_type: 'web', redirect_uris: ['http://127.0.0.1/cb'] }).application_type).toBe('web');
  });

  it('reports schema paths under the RFC 7591 names', () => {
    expect(registrationPath('name')).toBe('client_name');
    expect(registrationPath('scopes[2]')).toBe('scope');
    expect(registrationPath('redirect_uris[0]')).toBe('redirect_uris[0]');
  });
});

import { describe, expect, it } from 'vitest';
import { envBlock, oauthEndpoints } from './service-environment';

describe('envBlock', () => {
  it('holds the credentials, the first redirect URI and the endpoints under the issuer', () => {
    expect(envBlock('https://id.example.com/', { client_id: 'abc', client_secret: 'thcs_s', redirect_uri: 'https://app.example.com/cb' })).toBe(
      [
        'OAUTH2_CLIENT_ID=abc',
        'OAUTH2_CLIENT_SECRET=thcs_s',
        'OAUTH2_REDIRECT_URI=https://app.example.com/cb',
        'OAUTH2_AUTHORIZE_URL=https://id.example.com/oauth/authorize',
        'OAUTH2_TOKEN_URL=https://id.example.com/oauth/token',
      ].join('\n'),
    );
  });

  it('leaves out what a client has not got: a public client has no secret, a service no redirect URI', () => {
    const block = envBlock('https://id.example.com', { client_id: 'abc' });
    expect(block).not.toMatch(/OAUTH2_CLIENT_SECRET|OAUTH2_REDIRECT_URI/);
    expect(block.split('\n')).toHaveLength(3);
  });
});

describe('oauthEndpoints', () => {
  it('names the authorization and token endpoints', () => {
    expect(oauthEndpoints('http://localhost:3000')).toEqual({
      issuer: 'http://localhost:3000',
      authorize: 'http://localhost:3000/oauth/authorize',
      token: 'http://localhost:3000/oauth/token',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { clientCreateSchema } from './client-schema';
import { fieldProblems } from '@/lib/errors/service-error';

const valid = {
  name: 'Expense Reports',
  grant_types: ['authorization_code', 'refresh_token'],
  redirect_uris: ['https://expenses.example.com/callback'],
  scopes: ['openid', 'profile'],
};

function problems(input: unknown) {
  const result = clientCreateSchema.safeParse(input);
  return result.success ? [] : fieldProblems(result.error);
}

describe('client schema', () => {
  it('accepts a typical web application and fills in the defaults', () => {
    const client = clientCreateSchema.parse(valid);
    expect(client).toMatchObject({ token_endpoint_auth_method: 'client_secret_basic', application_type: 'web', require_pkce: true, require_consent: false });
  });

  it('names the field of every problem', () => {
    expect(problems({ ...valid, name: '' })).toEqual([{ path: 'name', message: 'Client Name is required' }]);
    expect(problems({ ...valid, name: 'x'.repeat(300) })[0]?.path).toBe('name');
    expect(problems({ ...valid, grant_types: [] })[0]).toEqual({ path: 'grant_types', message: 'Select at least one grant type' });
    expect(problems({ ...valid, scopes: [] })[0]?.path).toBe('scopes');
    expect(problems({ ...valid, redirect_uris: ['https://ok.example/cb', 'http://bad.example/cb'] })).toEqual([
      { path: 'redirect_uris[1]', message: 'Redirect URI must use https (http is allowed only for native apps on a loopback address)' },
    ]);
    expect(problems({ ...valid, extra: true })[0]?.path).toBe('');
  });

  it('refuses the grants the OAuth 2.0 Security BCP removed, saying why', () => {
    expect(problems({ ...valid, grant_types: ['password'] })[0]?.message).toMatch(/RFC 9700/);
    expect(problems({ ...valid, grant_types: ['implicit'] })[0]?.message).toMatch(/RFC 9700/);
  });

  it('checks rules that span fields', () => {
    expect(problems({ ...valid, redirect_uris: [] })[0]).toMatchObject({ path: 'redirect_uris' });
    expect(problems({ ...valid, grant_types: ['refresh_token'], redirect_uris: [] })[0]).toMatchObject({ path: 'grant_types' });
    expect(problems({ name: 'Job', grant_types: ['client_credentials'], scopes: ['directory:read'], token_endpoint_auth_method: 'none' })[0]).toMatchObject({
      path: 'grant_types',
    });
    expect(problems({ ...valid, token_endpoint_auth_method: 'none', require_pkce: false })[0]).toMatchObject({ path: 'require_pkce' });
  });

  it('refuses duplicates', () => {
    expect(problems({ ...valid, scopes: ['openid', 'openid'] })).toEqual([{ path: 'scopes[1]', message: '"openid" is listed twice' }]);
  });
});

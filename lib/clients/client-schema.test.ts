import { describe, expect, it } from 'vitest';
import { clientCreateSchema, DEVICE_CODE_GRANT, redirectUriEntryProblem, scopeEntryProblem } from './client-schema';
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

  it('offers the device grant (RFC 8628) to native apps, with refresh tokens and without redirect URIs', () => {
    const device = { name: 'TV', application_type: 'native', token_endpoint_auth_method: 'none', scopes: ['openid'] };
    expect(problems({ ...device, grant_types: [DEVICE_CODE_GRANT, 'refresh_token'] })).toEqual([]);
    expect(problems({ ...device, application_type: 'web', grant_types: [DEVICE_CODE_GRANT] })).toEqual([
      { path: 'grant_types', message: 'Device Code is for native applications (RFC 8628): set application_type to native' },
    ]);
  });

  it('refuses duplicates', () => {
    expect(problems({ ...valid, scopes: ['openid', 'openid'] })).toEqual([{ path: 'scopes[1]', message: '"openid" is listed twice' }]);
  });

  describe('one entry at a time, as the console form adds it', () => {
    const web = { application_type: 'web' as const, redirect_uris: ['https://app.example.com/cb'] };

    it('gives a redirect URI the message saving would give, for the application type chosen', () => {
      const saved = (uri: string) => problems({ ...valid, redirect_uris: [uri] })[0]?.message;
      for (const uri of ['http://app.example.com/cb', 'billing.example.com/cb', 'https://x.example.com/cb#frag']) {
        expect(redirectUriEntryProblem(uri, web)).toBe(saved(uri));
        expect(redirectUriEntryProblem(uri, web)).toMatch(/^Redirect URI /);
      }
      expect(redirectUriEntryProblem('http://127.0.0.1/cb', web)).toMatch(/must use https/);
      expect(redirectUriEntryProblem('http://127.0.0.1/cb', { ...web, application_type: 'native' })).toBeUndefined();
      expect(redirectUriEntryProblem('https://app.example.com/other', web)).toBeUndefined();
    });

    it('refuses a repeat, a too-long URI and a full list like saving does', () => {
      expect(redirectUriEntryProblem('https://app.example.com/cb', web)).toBe('"https://app.example.com/cb" is listed twice');
      expect(redirectUriEntryProblem(`https://app.example.com/${'a'.repeat(2000)}`, web)).toBe('Use at most 2000 characters');
      const full = { ...web, redirect_uris: Array.from({ length: 20 }, (_, i) => `https://app.example.com/${i}`) };
      expect(redirectUriEntryProblem('https://app.example.com/more', full)).toBe('Use at most 20 redirect URIs');
    });

    it('checks a scope name with the scope rules, whatever the entries before it', () => {
      expect(scopeEntryProblem('billing:read', ['openid'])).toBeUndefined();
      expect(scopeEntryProblem('two words', ['openid'])).toBe('Use letters, digits and : . _ - / without spaces');
      expect(scopeEntryProblem('openid', ['openid'])).toBe('"openid" is listed twice');
      expect(scopeEntryProblem('openid', ['bad scope'])).toBeUndefined();
    });
  });
});

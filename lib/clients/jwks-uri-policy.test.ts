import { afterEach, describe, expect, it } from 'vitest';
import { resetEnvCache } from '@/lib/config/env';
import { checkJwksUri, jwksHostAllowed } from './jwks-uri-policy';

afterEach(() => {
  delete process.env.JWKS_URI_ALLOWED_HOSTS;
  resetEnvCache();
});

describe('jwks_uri hosts', () => {
  it('match exactly, or as subdomains of a *. entry (never the bare domain or a look-alike)', () => {
    const allowed = ['keys.example.com', '*.corp.example'];
    expect(jwksHostAllowed('keys.example.com', allowed)).toBe(true);
    expect(jwksHostAllowed('KEYS.example.com', allowed)).toBe(true);
    expect(jwksHostAllowed('evil-keys.example.com', allowed)).toBe(false);
    expect(jwksHostAllowed('idp.corp.example', allowed)).toBe(true);
    expect(jwksHostAllowed('corp.example', allowed)).toBe(false);
    expect(jwksHostAllowed('evilcorp.example', allowed)).toBe(false);
  });

  it('are refused by default, naming the setting, and allowed once listed', () => {
    expect(() => checkJwksUri('https://keys.example.com/jwks')).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ path: 'jwks_uri' })] }));
    process.env.JWKS_URI_ALLOWED_HOSTS = 'keys.example.com, *.corp.example';
    resetEnvCache();
    expect(() => checkJwksUri('https://keys.example.com/jwks')).not.toThrow();
    expect(() => checkJwksUri('https://169.254.169.254/latest')).toThrow(
      expect.objectContaining({ fields: [{ path: 'jwks_uri', message: expect.stringContaining('only from keys.example.com, *.corp.example') }] }),
    );
    expect(() => checkJwksUri(null)).not.toThrow();
  });
});

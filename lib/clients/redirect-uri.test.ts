import { describe, expect, it } from 'vitest';
import { redirectUriProblem } from './redirect-uri';

describe('redirect URI policy', () => {
  it.each([
    ['https://app.example.com/callback', 'web'],
    ['https://app.example.com:8443/cb?tenant=a', 'web'],
    ['http://127.0.0.1/callback', 'native'],
    ['http://[::1]:8080/callback', 'native'],
    ['com.example.app:/oauth2redirect', 'native'],
    ['https://app.example.com/callback', 'native'],
  ] as const)('accepts %s for %s apps', (uri, type) => {
    expect(redirectUriProblem(uri, type)).toBeUndefined();
  });

  it.each([
    ['http://app.example.com/callback', 'web', /must use https/],
    ['http://127.0.0.1/callback', 'web', /must use https/],
    ['http://localhost/callback', 'native', /loopback address/],
    ['https://app.example.com/callback#', 'web', /fragment/],
    ['https://app.example.com/cb#x', 'web', /fragment/],
    ['https://user@app.example.com/cb', 'web', /user name/],
    ['https://*.example.com/cb', 'web', /wildcards/],
    ['javascript:alert(1)', 'native', /javascript/],
    ['data:text/html,hi', 'native', /data/],
    ['myapp:/callback', 'native', /reverse-domain/],
    ['/relative/callback', 'web', /absolute URI/],
    [' https://app.example.com/cb', 'web', /spaces/],
  ] as const)('refuses %s for %s apps', (uri, type, reason) => {
    expect(redirectUriProblem(uri, type)).toMatch(reason);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errors } from 'oidc-provider';
import { describe, expect, it } from 'vitest';
import { answeredAs, CHECKED_AGAINST } from './provider-internals';

const majorMinor = (version: string) => version.split('.').slice(0, 2).join('.');

describe('provider internals', () => {
  it('were checked against the installed oidc-provider', () => {
    const installed = (JSON.parse(readFileSync(join(process.cwd(), 'node_modules/oidc-provider/package.json'), 'utf8')) as { version: string }).version;
    expect(
      majorMinor(installed),
      `oidc-provider ${installed} is installed; lib/oidc/provider-internals.ts was checked against ${CHECKED_AGAINST}. ` +
        'Re-read the library files named at each patch there, then update CHECKED_AGAINST.',
    ).toBe(majorMinor(CHECKED_AGAINST));
  });

  it('set how the provider answers an error', () => {
    const error = answeredAs(new errors.InvalidClient('wait'), { status: 429, showDescription: true, redirect: false });
    expect({ status: error.status, statusCode: error.statusCode, expose: error.expose, allow_redirect: error.allow_redirect }).toEqual({
      status: 429,
      statusCode: 429,
      expose: true,
      allow_redirect: false,
    });
    expect(error.error).toBe('invalid_client');
  });
});

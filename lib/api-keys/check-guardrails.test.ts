import { describe, expect, it } from 'vitest';
import { ServiceError } from '@/lib/errors/service-error';
import { checkClientQuota, checkGuardrails, hostAllowed } from './check-guardrails';

const open = { allowed_grant_types: null, allowed_scopes: null, allowed_redirect_hosts: null, organization_id: null, max_clients: null, writes_per_minute: 60 };
const client = {
  grant_types: ['authorization_code' as const],
  scopes: ['openid'],
  redirect_uris: ['https://app.corp.example/cb'],
  post_logout_redirect_uris: [],
  organization_id: 'org_default',
};

describe('hostAllowed', () => {
  it('matches exact hosts and *.suffix subdomains, never the bare domain or a lookalike', () => {
    expect(hostAllowed('https://billing.example.com/cb', ['billing.example.com'])).toBe(true);
    expect(hostAllowed('https://BILLING.example.com/cb', ['billing.example.com'])).toBe(true);
    expect(hostAllowed('https://a.b.corp.example/cb', ['*.corp.example'])).toBe(true);
    expect(hostAllowed('https://corp.example/cb', ['*.corp.example'])).toBe(false);
    expect(hostAllowed('https://evilcorp.example/cb', ['*.corp.example'])).toBe(false);
    expect(hostAllowed('https://app.corp.example.evil.test/cb', ['*.corp.example'])).toBe(false);
    expect(hostAllowed('com.example.app:/cb', ['*.example.com'])).toBe(false);
    expect(hostAllowed('not a url', ['*.example.com'])).toBe(false);
  });
});

describe('checkGuardrails', () => {
  it('passes a client inside every guardrail, and with none set', () => {
    expect(() => checkGuardrails(open, client)).not.toThrow();
    expect(() =>
      checkGuardrails(
        { ...open, allowed_grant_types: ['authorization_code'], allowed_scopes: ['openid'], allowed_redirect_hosts: ['*.corp.example'], organization_id: 'org_default' },
        client,
      ),
    ).not.toThrow();
  });

  it('names every field that breaks a rule', () => {
    const refusal = (() => {
      try {
        checkGuardrails(
          { ...open, allowed_grant_types: ['client_credentials'], allowed_scopes: ['email'], allowed_redirect_hosts: ['billing.example.com'], organization_id: 'org_other' },
          client,
        );
      } catch (error) {
        return error as ServiceError;
      }
    })();
    expect(refusal).toBeInstanceOf(ServiceError);
    expect(refusal!.code).toBe('forbidden');
    expect(refusal!.fields.map((f) => f.path)).toEqual(['grant_types[0]', 'scopes[0]', 'redirect_uris[0]', 'organization_id']);
  });

  it('counts the quota before one more client', () => {
    expect(() => checkClientQuota({ ...open, max_clients: 2 }, 1)).not.toThrow();
    expect(() => checkClientQuota({ ...open, max_clients: 2 }, 2)).toThrow(/at most 2 clients/);
    expect(() => checkClientQuota(open, 10_000)).not.toThrow();
  });
});

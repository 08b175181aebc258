import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

/** Everything the logger writes, as parsed lines. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) }, 'debug');
  return { logger, lines };
}

// One of every kind of secret Thalamus creates or receives (the test run's server log is
// checked for their real values too, by scripts/test.mjs).
const SECRETS = {
  client_secret: 'thcs_c2VjcmV0LWNsaWVudC1zZWNyZXQtdmFsdWUtMDEyMzQ1Njc4OQ',
  api_key: 'thak_YWRtaW4tYXBpLWtleS12YWx1ZS0wMTIzNDU2Nzg5',
  link: 'https://id.example.com/password/reset?token=thlt_bGluay10b2tlbi0wMTIzNDU2Nzg5',
  password: 'correct horse battery staple',
  access_token: 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ1c3JfMSJ9.c2lnbmF0dXJl',
  refresh_token: 'opaque-refresh-token-0123456789',
  code: 'authorization-code-0123456789',
  code_verifier: 'pkce-verifier-0123456789-0123456789-0123456789',
  client_assertion: 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJhcHAifQ.c2ln',
  authorization: 'Bearer thak_YWRtaW4tYXBpLWtleS12YWx1ZS0wMTIzNDU2Nzg5',
  cookie: '_session=abc; _session.sig=def',
  totpSecret: 'JBSWY3DPEHPK3PXP',
};

describe('the log', () => {
  it('is one JSON object per line with an ISO time, the level as a word and the message', () => {
    const { logger, lines } = capture();
    logger.warn({ status: 400 }, 'malformed path');
    expect(lines[0]).toEqual({ time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), level: 'warn', message: 'malformed path', status: 400 });
  });

  it('blanks every secret field, at the top level and one object down', () => {
    const { logger, lines } = capture();
    logger.info({ ...SECRETS, request: { ...SECRETS, path: '/oauth/token' } }, 'oops');
    const written = JSON.stringify(lines);
    for (const [field, value] of Object.entries(SECRETS)) {
      expect(written, field).not.toContain(value);
      expect(lines[0]![field], field).toBe('[redacted]');
    }
    expect((lines[0]!.request as Record<string, unknown>).path).toBe('/oauth/token');
  });
});

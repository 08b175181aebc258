import { describe, expect, it } from 'vitest';
import { translateJsonBody } from './json-request-body';

const post = (path: string, body: string, contentType = 'application/json; charset=utf-8') =>
  new Request(`http://localhost${path}`, { method: 'POST', headers: { 'content-type': contentType, authorization: 'Basic abc' }, body });

describe('JSON request bodies', () => {
  it('are read as the form the provider expects, headers kept', async () => {
    const outcome = await translateJsonBody(post('/oauth/token', '{"grant_type":"authorization_code","code":"a b&c"}'), '/oauth/token');
    if (outcome.kind !== 'form') throw new Error(outcome.kind);
    expect(outcome.request.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(outcome.request.headers.get('authorization')).toBe('Basic abc');
    expect(Object.fromEntries(new URLSearchParams(await outcome.request.text()))).toEqual({ grant_type: 'authorization_code', code: 'a b&c' });
  });

  it('are refused, naming the parameter, when a value is not a string', async () => {
    for (const [body, named] of [
      ['{"scope":["a"]}', 'scope'],
      ['{"n":1}', 'n'],
      ['{"x":null}', 'x'],
      ['[]', 'object'],
      ['"text"', 'object'],
      ['{', 'JSON'],
    ]) {
      const outcome = await translateJsonBody(post('/oauth/revoke', body!), '/oauth/revoke');
      if (outcome.kind !== 'refused') throw new Error(`${body} was ${outcome.kind}`);
      expect(outcome.response.status).toBe(400);
      expect(await outcome.response.json()).toMatchObject({ error: 'invalid_request', error_description: expect.stringContaining(named!) });
    }
  });

  it('leave forms, other endpoints and GETs alone', async () => {
    expect((await translateJsonBody(post('/oauth/token', 'grant_type=x', 'application/x-www-form-urlencoded'), '/oauth/token')).kind).toBe('untouched');
    expect((await translateJsonBody(post('/oauth/authorize', '{}'), '/oauth/authorize')).kind).toBe('untouched');
    expect((await translateJsonBody(new Request('http://localhost/oauth/userinfo'), '/oauth/userinfo')).kind).toBe('untouched');
  });
});

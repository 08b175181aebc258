import { describe, expect, it } from 'vitest';
import { resourceIdentifierSchema, resourceSchema, resourceUpdateSchema } from './resource-schema';

describe('resource identifiers (RFC 8707 §2)', () => {
  it('takes absolute https:// URLs and urn: names', () => {
    for (const value of ['https://billing.example.com', 'https://api.example.com/v1', 'urn:example:billing'])
      expect(resourceIdentifierSchema.safeParse(value).success, value).toBe(true);
  });

  it('refuses fragments, other schemes and relative references, saying why', () => {
    const problem = (value: string) => resourceIdentifierSchema.safeParse(value).error?.issues[0]?.message;
    expect(problem('https://billing.example.com/#v1')).toMatch(/fragment/);
    expect(problem('http://billing.example.com')).toMatch(/https:\/\//);
    expect(problem('/billing')).toMatch(/https:\/\//);
    expect(problem('')).toMatch(/Enter the identifier/);
  });
});

describe('resourceSchema', () => {
  it('fills in the token format and lifetime, and refuses a scope listed twice at its position', () => {
    expect(resourceSchema.parse({ name: 'Billing', identifier: 'urn:example:billing' })).toMatchObject({ access_token_format: 'jwt', access_token_lifetime: 3600, scopes: [] });
    const twice = resourceSchema.safeParse({
      name: 'B',
      identifier: 'urn:example:b',
      scopes: [
        { name: 'a', description: 'x' },
        { name: 'a', description: 'y' },
      ],
    });
    expect(twice.error?.issues[0]?.path).toEqual(['scopes', 1, 'name']);
  });

  it('changes only what a patch names: no defaults fill in the rest', () => {
    expect(resourceUpdateSchema.parse({ name: 'Renamed' })).toEqual({ name: 'Renamed' });
    expect(resourceUpdateSchema.safeParse({ identifier: 'urn:example:moved' }).success).toBe(false);
  });
});

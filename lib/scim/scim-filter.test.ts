import { describe, expect, it } from 'vitest';
import { filterCondition, type FilterableAttribute } from './scim-filter';
import { ScimError } from './scim-error';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const attributes: Record<string, FilterableAttribute> = {
  username: { column: 'email', lower: true },
  'emails.value': { column: 'email', lower: true },
  externalid: { column: 'externalId' },
};

const refusal = (filter: string) => {
  try {
    filterCondition(filter, attributes, USER);
  } catch (error) {
    return error as ScimError;
  }
  throw new Error(`accepted: ${filter}`);
};

describe('SCIM filters (RFC 7644 §3.4.2.2)', () => {
  it('turns eq, co and sw on supported attributes into conditions, case-insensitive names and URN prefixes included', () => {
    expect(filterCondition('userName eq "Ada@Example.COM"', attributes, USER)).toEqual({ email: 'ada@example.com' });
    expect(filterCondition(`${USER}:USERNAME sw "ada"`, attributes, USER)).toEqual({ email: { startsWith: 'ada' } });
    expect(filterCondition('externalId co "Ab"', attributes, USER)).toEqual({ externalId: { contains: 'Ab' } });
    expect(filterCondition('emails[value eq "a@b.test"] or externalId eq "x"', attributes, USER)).toEqual({ OR: [{ email: 'a@b.test' }, { externalId: 'x' }] });
    expect(filterCondition(null, attributes, USER)).toEqual({});
  });

  it('refuses what it does not support with invalidFilter, naming it', () => {
    for (const [filter, named] of [
      ['title eq "x"', 'title'],
      ['userName gt "a"', 'gt'],
      ['userName pr', 'pr'],
      ['not (userName eq "a")', 'not'],
      ['userName eq', 'not valid'],
    ] as const) {
      const error = refusal(filter);
      expect(error).toBeInstanceOf(ScimError);
      expect(error).toMatchObject({ status: 400, scimType: 'invalidFilter' });
      expect(error.message).toContain(named);
    }
  });
});

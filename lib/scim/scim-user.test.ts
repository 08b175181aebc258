import { describe, expect, it } from 'vitest';
import { parseScimUser } from './scim-user';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('a SCIM User as a Thalamus account', () => {
  it('maps userName, displayName or name, nickName, active and externalId', () => {
    expect(parseScimUser({ schemas: [USER], userName: 'Grace@Example.com', displayName: 'Grace Hopper', nickName: 'amazing', active: 'False', externalId: 'E1' })).toEqual({
      email: 'grace@example.com',
      name: 'Grace Hopper',
      nickname: 'amazing',
      active: false,
      externalId: 'E1',
    });
    expect(parseScimUser({ schemas: [USER], userName: 'a@b.test', name: { givenName: 'Ada', familyName: 'Lovelace' } })).toMatchObject({
      name: 'Ada Lovelace',
      active: true,
      externalId: null,
    });
  });

  it('accepts core attributes it does not keep and the enterprise extension, and refuses attributes of no schema', () => {
    expect(() => parseScimUser({ schemas: [USER, ENTERPRISE], userName: 'a@b.test', title: 'CTO', [ENTERPRISE]: { department: 'R&D' } })).not.toThrow();
    expect(() => parseScimUser({ schemas: [USER], userName: 'a@b.test', shoeSize: 42 })).toThrow(/shoeSize/);
    expect(() => parseScimUser({ schemas: ['urn:example:Other'], userName: 'a@b.test' })).toThrow(/schemas must include/);
  });

  it('holds the password to the policy without echoing it', () => {
    expect(parseScimUser({ schemas: [USER], userName: 'a@b.test', password: 'a-long-and-unusual-passphrase' }).password).toBe('a-long-and-unusual-passphrase');
    let message = '';
    try {
      parseScimUser({ schemas: [USER], userName: 'a@b.test', password: 'hunter2' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^password: /);
    expect(message).not.toContain('hunter2');
  });

  it('requires userName to be an email address', () => {
    expect(() => parseScimUser({ schemas: [USER] })).toThrow(/userName is required/);
    expect(() => parseScimUser({ schemas: [USER], userName: 'grace' })).toThrow(/email address/);
  });
});

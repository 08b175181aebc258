import { describe, expect, it } from 'vitest';
import { applyPatch, readPatchOperations } from './apply-patch';
import { PATCH_OP_SCHEMA } from './scim-error';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const patch = (resource: Record<string, unknown>, Operations: unknown[]) => applyPatch(resource, readPatchOperations({ schemas: [PATCH_OP_SCHEMA], Operations }), USER);

describe('SCIM PATCH (RFC 7644 §3.5.2)', () => {
  const user = { userName: 'a@b.test', displayName: 'A', emails: [{ value: 'a@b.test', type: 'work' }], name: { formatted: 'A' } };

  it('replaces, adds and removes by path, with filters, sub-attributes and without a path', () => {
    expect(patch(user, [{ op: 'Replace', path: 'displayName', value: 'B' }])).toMatchObject({ displayName: 'B' });
    expect(patch(user, [{ op: 'replace', path: 'emails[type eq "work"].value', value: 'c@d.test' }]).emails).toEqual([{ value: 'c@d.test', type: 'work' }]);
    expect(patch(user, [{ op: 'add', path: 'name.givenName', value: 'Ada' }]).name).toEqual({ formatted: 'A', givenName: 'Ada' });
    expect(patch(user, [{ op: 'replace', value: { active: false, DISPLAYNAME: 'C' } }])).toMatchObject({ active: false, displayName: 'C' });
    expect(patch(user, [{ op: 'remove', path: 'displayName' }])).not.toHaveProperty('displayName');
    expect(patch(user, [{ op: 'add', path: `${USER}:nickName`, value: 'n' }])).toMatchObject({ nickName: 'n' });
  });

  it('adds and removes members without duplicates, by filter or by value list', () => {
    const group = { displayName: 'G', members: [{ value: 'u1' }, { value: 'u2' }] };
    expect(patch(group, [{ op: 'add', path: 'members', value: [{ value: 'u2' }, { value: 'u3' }] }]).members).toEqual([{ value: 'u1' }, { value: 'u2' }, { value: 'u3' }]);
    expect(patch(group, [{ op: 'remove', path: 'members[value eq "u1"]' }]).members).toEqual([{ value: 'u2' }]);
    expect(patch(group, [{ op: 'remove', path: 'members', value: [{ value: 'u2' }] }]).members).toEqual([{ value: 'u1' }]);
  });

  it('leaves the resource it was given untouched', () => {
    patch(user, [{ op: 'replace', path: 'displayName', value: 'Z' }]);
    expect(user.displayName).toBe('A');
  });

  it('refuses malformed operations with the scimType that says why', () => {
    expect(() => readPatchOperations({ schemas: ['x'], Operations: [] })).toThrow(expect.objectContaining({ scimType: 'invalidSyntax' }));
    expect(() => patch(user, [{ op: 'move', path: 'x' }])).toThrow(expect.objectContaining({ scimType: 'invalidSyntax' }));
    expect(() => patch(user, [{ op: 'remove' }])).toThrow(expect.objectContaining({ scimType: 'noTarget' }));
    expect(() => patch(user, [{ op: 'replace', path: 'emails[type eq "home"]', value: {} }])).toThrow(expect.objectContaining({ scimType: 'noTarget' }));
    expect(() => patch(user, [{ op: 'replace', path: 'a..b', value: 1 }])).toThrow(expect.objectContaining({ scimType: 'invalidPath' }));
    expect(() =>
      patch(
        user,
        Array.from({ length: 1001 }, () => ({ op: 'replace', path: 'displayName', value: 'x' })),
      ),
    ).toThrow(expect.objectContaining({ scimType: 'tooMany' }));
  });
});

import { z } from 'zod';
import { passwordPolicyProblem } from '@/lib/users/password-policy';
import { ScimError } from './scim-error';
import { ENTERPRISE_USER_SCHEMA, USER_SCHEMA, scimBase } from './scim-schemas';
import { canonicalAttributes, checkSchemas, optionalBoolean, optionalList, optionalRecord, optionalString } from './scim-attributes';
import { isRecord } from './read-scim-body';

/**
 * How a SCIM User (RFC 7643 §4.1) maps onto a Thalamus account: userName is the sign-in
 * email, displayName (or name.formatted, or givenName + familyName) the name claim,
 * nickName the nickname claim, active the opposite of disabled, externalId is kept as
 * given. Core attributes Thalamus has no place for (title, phoneNumbers, addresses, …)
 * and the enterprise extension are accepted and not kept; they are not returned either.
 */

/** Every attribute of the core User schema (RFC 7643 §4.1), and the common ones. */
const USER_ATTRIBUTES = [
  'schemas',
  'id',
  'externalId',
  'meta',
  'userName',
  'name',
  'displayName',
  'nickName',
  'profileUrl',
  'title',
  'userType',
  'preferredLanguage',
  'locale',
  'timezone',
  'active',
  'password',
  'emails',
  'phoneNumbers',
  'ims',
  'photos',
  'addresses',
  'groups',
  'entitlements',
  'roles',
  'x509Certificates',
] as const;

export interface ScimUserInput {
  email: string;
  name: string;
  nickname: string;
  active: boolean;
  externalId: string | null;
  /** As given: hashed by the caller, never stored or logged as it is. */
  password?: string;
}

const emailShape = z.email();

/** Reads a User resource as POST and PUT send it (RFC 7644 §3.3, §3.5.1); readOnly attributes are ignored. */
export function parseScimUser(body: Record<string, unknown>): ScimUserInput {
  const resource = canonicalAttributes(body, USER_ATTRIBUTES, [ENTERPRISE_USER_SCHEMA]);
  checkSchemas(resource.schemas, USER_SCHEMA, [ENTERPRISE_USER_SCHEMA]);
  const userName = optionalString(resource.userName, 'userName', 254);
  if (!userName) throw new ScimError(400, 'userName is required: the email address the user signs in with', 'invalidValue');
  if (!emailShape.safeParse(userName).success) throw new ScimError(400, 'userName must be an email address: Thalamus users sign in with their email', 'invalidValue');
  const name = optionalRecord(resource.name, 'name') ?? {};
  const formatted = optionalString(name.formatted, 'name.formatted', 200);
  const given = optionalString(name.givenName, 'name.givenName', 100);
  const family = optionalString(name.familyName, 'name.familyName', 100);
  const displayName = optionalString(resource.displayName, 'displayName', 200);
  for (const [index, email] of (optionalList(resource.emails, 'emails') ?? []).entries()) {
    if (!isRecord(email) || typeof email.value !== 'string') throw new ScimError(400, `emails[${index}].value must be a string`, 'invalidValue');
  }
  const password = resource.password === undefined || resource.password === null ? undefined : resource.password;
  if (password !== undefined) {
    // The problem is named; the value is never echoed (RFC 7644 §7.5.2).
    if (typeof password !== 'string') throw new ScimError(400, 'password must be a string', 'invalidValue');
    const problem = passwordPolicyProblem(password, { email: userName });
    if (problem) throw new ScimError(400, `password: ${problem}`, 'invalidValue');
  }
  return {
    email: userName.toLowerCase(),
    name: displayName || formatted || [given, family].filter(Boolean).join(' '),
    nickname: optionalString(resource.nickName, 'nickName', 100) ?? '',
    active: optionalBoolean(resource.active, 'active') ?? true,
    externalId: optionalString(resource.externalId, 'externalId', 255) || null,
    ...(password !== undefined ? { password } : {}),
  };
}

export interface UserRow {
  id: string;
  email: string;
  name: string;
  nickname: string;
  disabled: boolean;
  externalId: string | null;
  createdAt: Date;
  updatedAt: Date;
  groups: { group: { id: string; displayName: string } }[];
}

export const USER_ROW_SELECT = {
  id: true,
  email: true,
  name: true,
  nickname: true,
  disabled: true,
  externalId: true,
  createdAt: true,
  updatedAt: true,
  groups: { select: { group: { select: { id: true, displayName: true } } }, orderBy: { createdAt: 'asc' } },
} as const;

/** The account as a SCIM User resource (RFC 7643 §4.1, meta §3.1). */
export function toScimUser(user: UserRow) {
  const location = `${scimBase()}/Users/${user.id}`;
  return {
    schemas: [USER_SCHEMA],
    id: user.id,
    ...(user.externalId ? { externalId: user.externalId } : {}),
    userName: user.email,
    ...(user.name ? { name: { formatted: user.name }, displayName: user.name } : {}),
    ...(user.nickname ? { nickName: user.nickname } : {}),
    active: !user.disabled,
    emails: [{ value: user.email, type: 'work', primary: true }],
    groups: user.groups.map(({ group }) => ({ value: group.id, display: group.displayName, $ref: `${scimBase()}/Groups/${group.id}` })),
    meta: { resourceType: 'User', created: user.createdAt.toISOString(), lastModified: user.updatedAt.toISOString(), location },
  };
}

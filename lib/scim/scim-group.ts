import { ScimError } from './scim-error';
import { GROUP_SCHEMA, MAX_OPERATIONS, scimBase } from './scim-schemas';
import { canonicalAttributes, checkSchemas, optionalList, optionalString } from './scim-attributes';
import { isRecord } from './read-scim-body';

/** A SCIM Group (RFC 7643 §4.2): displayName (unique, the groups claim's value), externalId, members by user id. */
const GROUP_ATTRIBUTES = ['schemas', 'id', 'externalId', 'meta', 'displayName', 'members'] as const;

export interface ScimGroupInput {
  displayName: string;
  externalId: string | null;
  memberIds: string[];
}

export function parseScimGroup(body: Record<string, unknown>): ScimGroupInput {
  const resource = canonicalAttributes(body, GROUP_ATTRIBUTES);
  checkSchemas(resource.schemas, GROUP_SCHEMA, []);
  const displayName = optionalString(resource.displayName, 'displayName', 200);
  if (!displayName) throw new ScimError(400, 'displayName is required', 'invalidValue');
  const members = optionalList(resource.members, 'members') ?? [];
  if (members.length > MAX_OPERATIONS) throw new ScimError(400, `At most ${MAX_OPERATIONS} members in one request: add more with PATCH`, 'tooMany');
  const memberIds = members.map((member, index) => {
    if (!isRecord(member) || typeof member.value !== 'string' || !member.value) throw new ScimError(400, `members[${index}].value must be a user id`, 'invalidValue');
    if (member.type !== undefined && member.type !== 'User') throw new ScimError(400, `members[${index}]: only users can be members (type User)`, 'invalidValue');
    return member.value;
  });
  return { displayName, externalId: optionalString(resource.externalId, 'externalId', 255) || null, memberIds: [...new Set(memberIds)] };
}

export interface GroupRow {
  id: string;
  displayName: string;
  externalId: string | null;
  createdAt: Date;
  updatedAt: Date;
  members: { user: { id: string; email: string } }[];
}

export const GROUP_ROW_SELECT = {
  id: true,
  displayName: true,
  externalId: true,
  createdAt: true,
  updatedAt: true,
  members: { where: { user: { role: 'user' } }, select: { user: { select: { id: true, email: true } } }, orderBy: { createdAt: 'asc' } },
} as const;

export function toScimGroup(group: GroupRow) {
  return {
    schemas: [GROUP_SCHEMA],
    id: group.id,
    ...(group.externalId ? { externalId: group.externalId } : {}),
    displayName: group.displayName,
    members: group.members.map(({ user }) => ({ value: user.id, display: user.email, type: 'User', $ref: `${scimBase()}/Users/${user.id}` })),
    meta: { resourceType: 'Group', created: group.createdAt.toISOString(), lastModified: group.updatedAt.toISOString(), location: `${scimBase()}/Groups/${group.id}` },
  };
}

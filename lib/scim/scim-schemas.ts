import { issuer } from '@/lib/config/env';

/** Schema URNs of RFC 7643 §8.7 that Thalamus serves. */
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
/** Accepted in requests (Entra ID and Okta send it) and not kept. */
export const ENTERPRISE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const SP_CONFIG_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';
const RESOURCE_TYPE_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';
const SCHEMA_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

/** Most resources one list response holds, and most members or operations one request may carry. */
export const MAX_RESULTS = 200;
export const MAX_OPERATIONS = 1000;

export const scimBase = () => `${issuer()}/scim/v2`;

/** RFC 7643 §5: what this server supports, for connectors that read it before they sync. */
export function serviceProviderConfig() {
  return {
    schemas: [SP_CONFIG_SCHEMA],
    documentationUri: `${issuer()}/docs`,
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_RESULTS },
    changePassword: { supported: true },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: 'A client credentials access token (RFC 6749 §4.4) of a Sync Connector Client: directory:read to read, directory:write to change',
        specUri: 'https://www.rfc-editor.org/rfc/rfc6750',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${scimBase()}/ServiceProviderConfig` },
  };
}

/** RFC 7643 §6. */
export function resourceTypes() {
  return [
    {
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      description: 'A Thalamus user account',
      schema: USER_SCHEMA,
      schemaExtensions: [{ schema: ENTERPRISE_USER_SCHEMA, required: false }],
    },
    { id: 'Group', name: 'Group', endpoint: '/Groups', description: 'A group of users; its name is the groups claim', schema: GROUP_SCHEMA, schemaExtensions: [] },
  ].map((type) => ({ schemas: [RESOURCE_TYPE_SCHEMA], ...type, meta: { resourceType: 'ResourceType', location: `${scimBase()}/ResourceTypes/${type.id}` } }));
}

type Attribute = Record<string, unknown>;

const attribute = (name: string, description: string, options: Partial<Attribute> = {}): Attribute => ({
  name,
  type: 'string',
  multiValued: false,
  description,
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
  ...options,
});

const subAttributes = (...list: Attribute[]) => ({ type: 'complex', subAttributes: list });

/** RFC 7643 §7: the attributes Thalamus keeps, with how each maps to the account. */
export function schemaDefinitions() {
  const user = {
    id: USER_SCHEMA,
    name: 'User',
    description: 'User Account',
    attributes: [
      attribute('userName', 'The email address the user signs in with', { required: true, uniqueness: 'server' }),
      attribute(
        'name',
        'The user’s name; formatted is kept as the name claim',
        subAttributes(attribute('formatted', 'Full name'), attribute('givenName', 'Given name'), attribute('familyName', 'Family name')),
      ),
      attribute('displayName', 'Kept as the name claim'),
      attribute('nickName', 'Kept as the nickname claim'),
      attribute('active', 'false disables the account and signs the user out everywhere', { type: 'boolean' }),
      attribute('password', 'Hashed and kept; never returned', { mutability: 'writeOnly', returned: 'never', caseExact: true }),
      attribute('emails', 'The sign-in address, as the one primary email', {
        multiValued: true,
        ...subAttributes(attribute('value', 'Email address'), attribute('type', 'work'), attribute('primary', 'Always true', { type: 'boolean' })),
      }),
      attribute('groups', 'Groups the user belongs to', {
        multiValued: true,
        mutability: 'readOnly',
        ...subAttributes(attribute('value', 'Group id', { mutability: 'readOnly' }), attribute('display', 'Group name', { mutability: 'readOnly' })),
      }),
    ],
  };
  const group = {
    id: GROUP_SCHEMA,
    name: 'Group',
    description: 'Group',
    attributes: [
      attribute('displayName', 'The group’s name, as the groups claim carries it', { required: true, uniqueness: 'server' }),
      attribute('members', 'The users in the group', {
        multiValued: true,
        ...subAttributes(attribute('value', 'User id', { mutability: 'immutable' }), attribute('display', 'User email', { mutability: 'readOnly' })),
      }),
    ],
  };
  return [user, group].map((schema) => ({ schemas: [SCHEMA_SCHEMA], ...schema, meta: { resourceType: 'Schema', location: `${scimBase()}/Schemas/${schema.id}` } }));
}

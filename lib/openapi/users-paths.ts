import { z } from 'zod';
import { userCreateRequestSchema, userResponseSchema, userUpdateSchema } from '@/lib/users/user-schema';
import { userCursorQuerySchema } from '@/lib/users/list-users';

/** The /api/users part of the OpenAPI document, from the schemas the handlers parse with. */
export function usersOpenApi(helpers: {
  schema: (source: z.ZodType, io: 'input' | 'output') => Record<string, unknown>;
  json: (name: string) => unknown;
  errors: (...statuses: number[]) => Record<string, unknown>;
  ref: (name: string) => unknown;
}) {
  const { schema, json, errors, ref } = helpers;
  const id = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
  const listParameters = Object.entries((schema(userCursorQuerySchema, 'input').properties ?? {}) as Record<string, { description?: string }>).map(([name, itemSchema]) => ({
    name,
    in: 'query',
    required: false,
    schema: itemSchema,
    description:
      { q: 'Search by email or name', role: 'Only users of this role', limit: 'Page size (1–100)', cursor: 'next_cursor of the previous page' }[name] ?? itemSchema.description,
  }));
  const action = (operationId: string, summary: string, description: string, response = 'User') => ({
    parameters: [id],
    post: { operationId, summary, description, responses: { 200: { description: 'Done', content: json(response) }, ...errors(401, 403, 404, 409, 429) } },
  });
  const paths = {
    '/api/users': {
      get: {
        operationId: 'listUsers',
        summary: 'List users',
        description: 'Newest first, with cursor paging. Needs users:read (or an admin token).',
        parameters: listParameters,
        responses: { 200: { description: 'One page of users', content: json('UserPage') }, ...errors(400, 401, 403) },
      },
      post: {
        operationId: 'createUser',
        summary: 'Create a user',
        description: 'Emails are stored lower-cased and are unique (409 on `email`). Only an admin token creates administrators. Needs users:write.',
        parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 } }],
        requestBody: { required: true, content: json('UserCreate') },
        responses: { 201: { description: 'The new user', content: json('User') }, ...errors(400, 401, 403, 409, 413, 415, 429) },
      },
    },
    '/api/users/{id}': {
      parameters: [id],
      get: { operationId: 'getUser', summary: 'Read a user', responses: { 200: { description: 'The user', content: json('User') }, ...errors(401, 403, 404) } },
      patch: {
        operationId: 'updateUser',
        summary: 'Change a user',
        description:
          'Send only the fields to change. A new email is unverified unless email_verified is sent too. `disabled: true` also ends their sessions. Nobody changes their own role; an API key changes end users only (administrators: an admin token); super admins only with the CLI. Needs users:write.',
        requestBody: { required: true, content: json('UserPatch') },
        responses: { 200: { description: 'The changed user', content: json('User') }, ...errors(400, 401, 403, 404, 409, 413, 415, 429) },
      },
      delete: {
        operationId: 'deleteUser',
        summary: 'Delete a user',
        description: 'With their sessions, grants, tokens and consents. Security events and the audit log are kept. Needs users:write.',
        responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404, 429) },
      },
    },
    '/api/users/{id}/unlock': action(
      'unlockUser',
      'Unlock a user',
      'Clears the failed sign-in and two-step counters of the account (not the per-address ones). Needs users:write.',
    ),
    '/api/users/{id}/revoke-sessions': action(
      'revokeUserSessions',
      "End a user's sessions",
      'Signs the user out of Thalamus in every browser. Tokens applications already hold stay valid until they expire. Needs users:write.',
      'RevokedSessions',
    ),
    '/api/users/{id}/reset-mfa': action('resetUserMfa', "Reset a user's two-step verification", 'Removes their authenticator and recovery codes. Needs users:write.'),
    '/api/users/{id}/password-reset': action(
      'sendUserPasswordReset',
      'Send a password reset',
      'Emails the user a single-use link (30 minutes) to choose a new password; their earlier reset links stop working. When mail is not configured, or the address got too many emails in the last hour, nothing is sent and the link is the answer: hand it over, never log it. An API key reaches end users only; nobody here reaches a super admin. Needs users:write.',
      'LinkDelivery',
    ),
    '/api/users/{id}/invitation': action(
      'sendUserInvitation',
      'Resend an invitation',
      'For a user without a password (created without one): emails a single-use link (7 days) to choose it, retiring earlier invitations, or answers the link as password-reset does. 409 when the user has a password already. Needs users:write.',
      'LinkDelivery',
    ),
    '/api/users/{id}/sessions': {
      parameters: [id],
      get: {
        operationId: 'listUserSessions',
        summary: "A user's sessions and connected apps",
        responses: { 200: { description: 'Sessions and connected apps', content: { 'application/json': { schema: { type: 'object' } } } }, ...errors(401, 403, 404) },
      },
    },
    '/api/users/{id}/security-events': {
      parameters: [id],
      get: {
        operationId: 'listUserSecurityEvents',
        summary: "A user's security events",
        description: 'Sign-ins (succeeded, failed, locked), two-step failures and account changes, newest first, with address and browser.',
        responses: { 200: { description: 'One page of events', content: { 'application/json': { schema: { type: 'object' } } } }, ...errors(400, 401, 403, 404) },
      },
    },
  };
  const schemas = {
    UserCreate: schema(userCreateRequestSchema, 'input'),
    UserPatch: schema(userUpdateSchema, 'input'),
    User: schema(userResponseSchema, 'output'),
    UserPage: { type: 'object', properties: { data: { type: 'array', items: ref('User') }, next_cursor: { type: ['string', 'null'] } }, required: ['data', 'next_cursor'] },
    LinkDelivery: {
      type: 'object',
      properties: {
        delivery: { type: 'string', enum: ['queued', 'link'], description: '`queued`: emailed (retried while the SMTP server is down); `link`: not emailed, hand `link` over' },
        link: { type: 'string', description: 'Only when delivery is `link`: the one-time link' },
        reason: {
          type: 'string',
          enum: ['not_configured', 'limited'],
          description: 'Only when delivery is `link`: mail is not configured, or the per-recipient send limit was reached',
        },
      },
      required: ['delivery'],
    },
    RevokedSessions: { type: 'object', properties: { revoked: { type: 'integer', description: 'How many sessions ended' } }, required: ['revoked'] },
  };
  return { paths, schemas };
}

import { expect, test, type APIResponse } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import SCIMMY from 'scimmy';
import { scimPatch, type ScimPatchOperation } from 'scim-patch';
import { GROUP_SCHEMA, entraUser, syncConnector } from '../support/scim';

// The SCIM server's answers checked by code nobody here wrote: SCIMMY (npm `scimmy`, a SCIM
// 2.0 library) parses every resource against its own RFC 7643 User and Group schema
// definitions, every list as a ListResponse and every error as an ErrorResponse, and
// evaluates the same filters over the same users; `scim-patch` (npm) applies the same PATCH
// operations to the resource, and the server's answer must agree with it.

const run = randomBytes(4).toString('hex');

async function body(response: APIResponse, status: number) {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as Record<string, unknown>;
}

/** SCIMMY's reading of a resource as the server sends it ("out"): it throws on a type or a schema mismatch. */
const asUser = (resource: Record<string, unknown>) => SCIMMY.Schemas.User.definition.coerce(resource, 'out') as Record<string, unknown>;
const asGroup = (resource: Record<string, unknown>) => SCIMMY.Schemas.Group.definition.coerce(resource, 'out') as Record<string, unknown>;

/** SCIMMY's reading of a list (RFC 7644 §3.4.2): one schema, integer counts. */
const asList = (list: Record<string, unknown>) => new SCIMMY.Messages.ListResponse(list as never) as unknown as { totalResults: number; Resources: Record<string, unknown>[] };

/** SCIMMY's ErrorResponse refuses a status or a status/scimType pair outside RFC 7644 §3.12. */
const asError = (error: Record<string, unknown>) => new SCIMMY.Messages.ErrorResponse({ status: error.status, scimType: error.scimType, detail: error.detail } as never);

test('a connector’s request sequence, with every answer checked by SCIMMY and scim-patch', async ({ request }) => {
  const connector = await syncConnector(request);

  // Discovery, as connectors read it first.
  for (const path of ['/ServiceProviderConfig', '/ResourceTypes', '/Schemas']) await body(await connector.get(path), 200);
  asList(await body(await connector.get('/ResourceTypes'), 200));

  // Provisioning: every answer is a valid User for SCIMMY, and what it reads is what was sent.
  const users = [];
  for (let index = 0; index < 6; index++) {
    const email = `validator-${run}-${index}@corp.example.test`;
    const created = asUser(await body(await connector.send('POST', '/Users', entraUser(email, { nickName: `v${index}` })), 201));
    expect(created).toMatchObject({ userName: email, active: true, nickName: `v${index}` });
    users.push(created);
  }

  // Filters: the server's answer is what SCIMMY's own filter evaluation selects from the same users.
  const everyone = asList(await body(await connector.get(`/Users?count=200&filter=${encodeURIComponent(`userName sw "validator-${run}"`)}`), 200));
  expect(everyone.totalResults).toBe(6);
  for (const filter of [
    `userName eq "validator-${run}-3@corp.example.test"`,
    `userName co "${run}-4"`,
    `emails.value sw "validator-${run}-1"`,
    `externalId eq "${users[2]!.externalId}"`,
  ]) {
    const list = asList(await body(await connector.get(`/Users?filter=${encodeURIComponent(filter)}`), 200));
    const expected = (new SCIMMY.Types.Filter(filter).match(users as never) as Record<string, unknown>[]).map((user) => user.id);
    expect(
      list.Resources.map((user) => asUser(user).id),
      filter,
    ).toEqual(expected);
  }

  // PATCH: the server's result agrees with scim-patch's for the attributes Thalamus keeps.
  const target = await body(await connector.get(`/Users/${users[0]!.id}`), 200);
  const operations: ScimPatchOperation[] = [
    { op: 'replace', path: 'displayName', value: 'Grace B. Hopper' },
    { op: 'replace', path: 'active', value: false },
    { op: 'add', path: 'nickName', value: 'amazing-grace' },
    { op: 'replace', value: { externalId: `ext-${run}` } },
  ];
  const expected = scimPatch(structuredClone(target) as never, operations) as Record<string, unknown>;
  const patched = asUser(await body(await connector.patch(`/Users/${users[0]!.id}`, operations as never), 200));
  for (const attribute of ['userName', 'displayName', 'nickName', 'active', 'externalId']) expect(patched[attribute], attribute).toEqual(expected[attribute]);

  // Groups, members added and removed: valid Groups for SCIMMY, members as scim-patch computes them.
  const group = asGroup(
    await body(await connector.send('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: `Validators ${run}`, members: [{ value: users[1]!.id }] }), 201),
  );
  const memberOps: ScimPatchOperation[] = [
    { op: 'add', path: 'members', value: [{ value: users[2]!.id }, { value: users[3]!.id }] },
    { op: 'remove', path: `members[value eq "${users[1]!.id}"]` },
  ];
  const expectedGroup = scimPatch(structuredClone(await body(await connector.get(`/Groups/${group.id}`), 200)) as never, memberOps) as { members: { value: string }[] };
  const patchedGroup = asGroup(await body(await connector.patch(`/Groups/${group.id}`, memberOps as never), 200)) as { members: { value: string }[] };
  expect(patchedGroup.members.map((member) => member.value).sort()).toEqual(expectedGroup.members.map((member) => member.value).sort());

  // Errors: each a well-formed SCIM error whose status and scimType go together (RFC 7644 §3.12).
  const errors: [Promise<APIResponse>, number, string | undefined][] = [
    [connector.send('POST', '/Users', entraUser(`validator-${run}-0@corp.example.test`)), 409, 'uniqueness'],
    [connector.get(`/Users?filter=${encodeURIComponent('nickName pr')}`), 400, 'invalidFilter'],
    [connector.send('POST', '/Users', '{"userName": '), 400, 'invalidSyntax'],
    [connector.send('POST', '/Users', entraUser('nobody')), 400, 'invalidValue'],
    [connector.get('/Users/usr_missing'), 404, undefined],
  ];
  for (const [response, status, scimType] of errors) {
    const error = await body(await response, status);
    expect(error.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
    expect(asError(error)).toMatchObject({ status: String(status), ...(scimType ? { scimType } : {}) });
  }
  // Not checked with SCIMMY: it pairs tooMany with 413 only, where RFC 7644 §3.12 lists
  // tooMany among the detail types of 400 (Bad Request), which Thalamus answers.
});

import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { adminToken } from '../support/admin-api';
import { createUser } from '../support/cli';
import { authorize, redeem, refreshWith, startSignIn, submitPassword } from '../support/http-sign-in';
import {
  ERROR_SCHEMA,
  GROUP_SCHEMA,
  ScimConnector,
  USER_SCHEMA,
  entraUser,
  scimError,
  syncConnector,
  clientToken,
  silentSignIn,
  groupsApp,
  pkceRequest,
  redeemPublic,
  jwtClaims,
} from '../support/scim';
import { syncClient } from '../support/test-env';

// Directory connectors (Entra ID and Okta provisioning, AD/LDAP agents) keep Thalamus's
// users and groups in step with the directory over SCIM 2.0 (RFC 7643, RFC 7644) at
// /scim/v2, with the client credentials token of a Sync Connector Client.

const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
const unique = () => randomBytes(5).toString('hex');

type ScimUser = { id: string; userName: string; active: boolean; externalId?: string; groups: { value: string; display: string }[]; meta: { location: string } };
type ScimGroup = { id: string; displayName: string; members: { value: string }[] };
type ListResponse<T> = { schemas: string[]; totalResults: number; startIndex: number; itemsPerPage: number; Resources: T[] };

async function created<T>(response: Promise<import('@playwright/test').APIResponse>): Promise<T> {
  const answer = await response;
  expect(answer.status(), await answer.text()).toBe(201);
  expect(answer.headers()['content-type']).toContain('application/scim+json');
  return (await answer.json()) as T;
}

async function ok<T>(response: Promise<import('@playwright/test').APIResponse>): Promise<T> {
  const answer = await response;
  expect(answer.status(), await answer.text()).toBe(200);
  return (await answer.json()) as T;
}

test('a connector provisions 50 users and 3 groups, pages and filters them, and deprovisioning a user ends their session and refresh token', async ({ request, baseURL }) => {
  const connector = await syncConnector(request);
  const run = unique();
  const emails = Array.from({ length: 50 }, (_, index) => `scim-${run}-${String(index).padStart(2, '0')}@corp.example.test`);

  // Provisioning, a few at a time as connectors do.
  const users: ScimUser[] = [];
  for (let batch = 0; batch < emails.length; batch += 10) {
    users.push(...(await Promise.all(emails.slice(batch, batch + 10).map((email) => created<ScimUser>(connector.send('POST', '/Users', entraUser(email)))))));
  }
  expect(users[0]).toMatchObject({
    schemas: [USER_SCHEMA],
    userName: emails[0],
    active: true,
    displayName: 'Grace Hopper',
    emails: [{ value: emails[0], primary: true }],
    groups: [],
  });
  expect(users[0]!.meta.location).toBe(`${baseURL}/scim/v2/Users/${users[0]!.id}`);
  expect(await ok<ScimUser>(connector.get(`/Users/${users[0]!.id}`))).toMatchObject({ id: users[0]!.id, externalId: users[0]!.externalId });

  // userName eq is how a connector matches a directory account to an existing one; case does not matter (RFC 7643 §4.1.1).
  const match = await ok<ListResponse<ScimUser>>(connector.get(`/Users?filter=${encodeURIComponent(`userName eq "${emails[7]!.toUpperCase()}"`)}`));
  expect(match).toMatchObject({ schemas: [LIST_SCHEMA], totalResults: 1, startIndex: 1, itemsPerPage: 1 });
  expect(match.Resources[0]!.id).toBe(users[7]!.id);
  const byExternal = await ok<ListResponse<ScimUser>>(connector.get(`/Users?filter=${encodeURIComponent(`externalId eq "${users[3]!.externalId}"`)}`));
  expect(byExternal.Resources.map((user) => user.id)).toEqual([users[3]!.id]);
  const byEmail = await ok<ListResponse<ScimUser>>(connector.get(`/Users?filter=${encodeURIComponent(`emails.value sw "scim-${run}-4"`)}`));
  expect(byEmail.totalResults).toBe(10);
  const contains = await ok<ListResponse<ScimUser>>(connector.get(`/Users?filter=${encodeURIComponent(`userName co "${run}-1" and emails.value co "corp.example"`)}`));
  expect(contains.totalResults).toBe(10);

  // Paging through the run's users 15 at a time (RFC 7644 §3.4.2.4): every user once, in a stable order.
  const seen: string[] = [];
  const filter = encodeURIComponent(`userName sw "scim-${run}-"`);
  for (let startIndex = 1; ; startIndex += 15) {
    const page = await ok<ListResponse<ScimUser>>(connector.get(`/Users?filter=${filter}&startIndex=${startIndex}&count=15`));
    expect(page).toMatchObject({ totalResults: 50, startIndex });
    seen.push(...page.Resources.map((user) => user.id));
    if (page.itemsPerPage < 15) break;
  }
  expect(seen).toHaveLength(50);
  expect(new Set(seen)).toEqual(new Set(users.map((user) => user.id)));

  // Three groups; members added and removed with PATCH (RFC 7644 §3.5.2).
  const names = ['Engineering', 'Finance', 'Support'].map((name) => `${name} ${run}`);
  const groups = await Promise.all(
    names.map((displayName, index) =>
      created<ScimGroup>(
        connector.send('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName, members: users.slice(index * 10, index * 10 + 5).map((user) => ({ value: user.id })) }),
      ),
    ),
  );
  expect(groups[0]!.members).toHaveLength(5);
  const engineering = groups[0]!.id;
  await ok(connector.patch(`/Groups/${engineering}`, [{ op: 'add', path: 'members', value: users.slice(40, 45).map((user) => ({ value: user.id })) }]));
  await ok(connector.patch(`/Groups/${engineering}`, [{ op: 'remove', path: `members[value eq "${users[0]!.id}"]` }]));
  // Entra ID's way: "Remove" with the members as the value, and a rename in the same request.
  const patched = await ok<ScimGroup>(
    connector.patch(`/Groups/${engineering}`, [
      { op: 'Remove', path: 'members', value: [{ value: users[1]!.id }] },
      { op: 'Replace', path: 'displayName', value: `R&D ${run}` },
    ]),
  );
  expect(patched.displayName).toBe(`R&D ${run}`);
  expect(new Set(patched.members.map((member) => member.value))).toEqual(new Set([...users.slice(2, 5), ...users.slice(40, 45)].map((user) => user.id)));
  expect((await ok<ScimUser>(connector.get(`/Users/${users[42]!.id}`))).groups).toEqual([expect.objectContaining({ value: engineering, display: `R&D ${run}` })]);
  const withoutMembers = await ok<ListResponse<Record<string, unknown>>>(
    connector.get(`/Groups?filter=${encodeURIComponent(`displayName eq "Finance ${run}"`)}&excludedAttributes=members`),
  );
  expect(withoutMembers.Resources).toEqual([expect.not.objectContaining({ members: expect.anything() })]);
  expect(withoutMembers.Resources[0]!.id).toBe(groups[1]!.id);

  // A user the connector gave a password signs in; deactivating them ends their session and their refresh token.
  const password = `Directory-${unique()}-pass`;
  const target = users[2]!;
  await ok(connector.patch(`/Users/${target.id}`, [{ op: 'replace', path: 'password', value: password }]));
  const pending = await startSignIn(baseURL!);
  const { continueAt } = await submitPassword(pending, { email: target.userName, password });
  expect(continueAt).toBeTruthy();
  const grant = await authorize(baseURL!, { email: target.userName, password });
  const tokens = (await (await redeem(baseURL!, grant)).json()) as { refresh_token: string };
  expect(tokens.refresh_token).toBeTruthy();
  await pending.browser.fetch(new URL(continueAt!, baseURL).href);
  expect(await silentSignIn(baseURL!, pending.browser)).toMatchObject({ code: expect.any(String) });

  // Its ID token and userinfo carry the names of its groups when the application asks for them.
  const wiki = groupsApp();
  const asked = pkceRequest('openid groups');
  const wikiGrant = await authorize(baseURL!, { email: target.userName, password }, wiki, { params: asked.params });
  const wikiTokens = await redeemPublic(baseURL!, wiki, wikiGrant.code, asked.verifier);
  expect(jwtClaims(wikiTokens.id_token)).toMatchObject({ sub: target.id, groups: [`R&D ${run}`] });
  const userinfo = await fetch(`${baseURL}/oauth/userinfo`, { headers: { Authorization: `Bearer ${wikiTokens.access_token}` } });
  expect(await userinfo.json()).toMatchObject({ sub: target.id, groups: [`R&D ${run}`] });
  const notAsked = pkceRequest('openid');
  const plainGrant = await authorize(baseURL!, { email: target.userName, password }, wiki, { params: notAsked.params });
  expect(jwtClaims((await redeemPublic(baseURL!, wiki, plainGrant.code, notAsked.verifier)).id_token)).not.toHaveProperty('groups');

  const deactivated = await ok<ScimUser>(connector.patch(`/Users/${target.id}`, [{ op: 'Replace', path: 'active', value: 'False' }]));
  expect(deactivated.active).toBe(false);
  const refused = await refreshWith(baseURL!, tokens.refresh_token);
  expect(refused.status).toBe(400);
  expect(await refused.json()).toMatchObject({ error: 'invalid_grant' });
  expect(await silentSignIn(baseURL!, pending.browser)).toEqual({ error: 'login_required' });
  await expect(authorize(baseURL!, { email: target.userName, password })).rejects.toThrow(/no continuation/);

  // Deleting a group and a user: 204, then 404 in the SCIM error shape.
  expect((await connector.delete(`/Groups/${groups[2]!.id}`)).status()).toBe(204);
  expect((await connector.delete(`/Users/${users[49]!.id}`)).status()).toBe(204);
  const gone = await connector.get(`/Users/${users[49]!.id}`);
  expect(gone.status()).toBe(404);
  expect(await scimError(gone)).toMatchObject({ schemas: [ERROR_SCHEMA], status: '404' });
});

test('only directory tokens reach /scim/v2: writes need directory:write, and admin or user tokens are refused', async ({ request }) => {
  const reader = await syncConnector(request, 'directory:read');
  expect((await reader.get('/Users?count=1')).status()).toBe(200);
  const write = await reader.send('POST', '/Users', entraUser(`reader-${unique()}@corp.example.test`));
  expect(write.status()).toBe(403);
  expect(write.headers()['www-authenticate']).toContain('insufficient_scope');
  expect(await scimError(write)).toMatchObject({ schemas: [ERROR_SCHEMA], status: '403' });

  // The default Sync Service Client is a connector too.
  const service = new ScimConnector(request, await clientToken(request, syncClient, 'directory:read directory:write'));
  expect((await service.get('/ServiceProviderConfig')).status()).toBe(200);

  const admin = new ScimConnector(request, await adminToken(request));
  expect((await admin.get('/Users')).status()).toBe(403);
  const anonymous = await request.get('/scim/v2/Users');
  expect(anonymous.status()).toBe(401);
  expect(await scimError(anonymous)).toMatchObject({ status: '401' });
  expect((await new ScimConnector(request, 'not-a-token').get('/Users')).status()).toBe(401);
});

test('discovery: ServiceProviderConfig, ResourceTypes and Schemas describe what the server supports', async ({ request }) => {
  const connector = await syncConnector(request, 'directory:read');
  const config = await ok<Record<string, unknown>>(connector.get('/ServiceProviderConfig'));
  expect(config).toMatchObject({ patch: { supported: true }, filter: { supported: true, maxResults: 200 }, bulk: { supported: false } });
  const types = await ok<ListResponse<{ id: string; endpoint: string }>>(connector.get('/ResourceTypes'));
  expect(types.Resources.map((type) => type.endpoint)).toEqual(['/Users', '/Groups']);
  const schemas = await ok<ListResponse<{ id: string }>>(connector.get('/Schemas'));
  expect(schemas.Resources.map((schema) => schema.id)).toEqual([USER_SCHEMA, GROUP_SCHEMA]);
  expect(await ok<{ id: string }>(connector.get(`/Schemas/${USER_SCHEMA}`))).toMatchObject({ id: USER_SCHEMA });
  const unknown = await connector.get('/Devices');
  expect(unknown.status()).toBe(404);
  expect(await scimError(unknown)).toMatchObject({ schemas: [ERROR_SCHEMA], status: '404' });
});

test('bad input is answered in the SCIM error shape with its scimType, and nothing is written', async ({ request }) => {
  const connector = await syncConnector(request);
  const email = `bad-${unique()}@corp.example.test`;
  const expectError = async (response: Promise<import('@playwright/test').APIResponse>, status: number, scimType?: string, detail?: RegExp) => {
    const answer = await response;
    expect(answer.status(), await answer.text()).toBe(status);
    const body = await scimError(answer);
    expect(body).toMatchObject({ schemas: [ERROR_SCHEMA], status: String(status), ...(scimType ? { scimType } : {}) });
    if (detail) expect(body.detail).toMatch(detail);
  };
  const countOf = async (filter: string) => (await ok<ListResponse<unknown>>(connector.get(`/Users?filter=${encodeURIComponent(filter)}`))).totalResults;

  await expectError(connector.send('POST', '/Users', '{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": '), 400, 'invalidSyntax', /not valid JSON/);
  await expectError(connector.send('POST', '/Users', entraUser(email, { favouriteColour: 'teal' })), 400, 'invalidSyntax', /favouriteColour/);
  await expectError(connector.send('POST', '/Users', entraUser('not-an-email')), 400, 'invalidValue', /userName/);
  await expectError(connector.send('POST', '/Users', entraUser(email, { password: 'short' })), 400, 'invalidValue', /password/);
  expect(await countOf(`userName eq "${email}"`)).toBe(0);

  const user = await created<ScimUser>(connector.send('POST', '/Users', entraUser(email)));
  await expectError(connector.send('POST', '/Users', entraUser(email.toUpperCase())), 409, 'uniqueness');
  // An administrator's address is taken too, and the administrator is not the directory's to see.
  const admin = await ok<ListResponse<unknown>>(connector.get(`/Users?filter=${encodeURIComponent('userName eq "admin@thalamus.local"')}`));
  expect(admin.totalResults).toBe(0);

  await expectError(connector.get(`/Users?filter=${encodeURIComponent('title eq "Boss"')}`), 400, 'invalidFilter', /title/);
  await expectError(connector.get(`/Users?filter=${encodeURIComponent('userName gt "a"')}`), 400, 'invalidFilter', /gt/);
  await expectError(connector.get(`/Users?filter=${encodeURIComponent('userName eq')}`), 400, 'invalidFilter');
  await expectError(connector.get('/Users?count=many'), 400, 'invalidValue', /count/);

  // A PATCH with one bad operation changes nothing (RFC 7644 §3.5.2: all or none).
  await expectError(
    connector.patch(`/Users/${user.id}`, [
      { op: 'replace', path: 'displayName', value: 'Changed' },
      { op: 'replace', path: 'userName', value: 'not-an-email' },
    ]),
    400,
    'invalidValue',
  );
  await expectError(connector.patch(`/Users/${user.id}`, [{ op: 'move', path: 'displayName' }]), 400, 'invalidSyntax');
  await expectError(connector.patch(`/Users/${user.id}`, [{ op: 'replace', path: 'emails[type eq "home"]', value: { value: 'x@y.test' } }]), 400, 'noTarget');
  expect(await ok<{ displayName: string }>(connector.get(`/Users/${user.id}`))).toMatchObject({ displayName: 'Grace Hopper', userName: email });

  // Groups: a taken name, an unknown member, too many members in one request.
  const name = `Ops ${unique()}`;
  await created(connector.send('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: name }));
  await expectError(connector.send('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: name }), 409, 'uniqueness');
  const other = `Other ${unique()}`;
  await expectError(
    connector.send('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: other, members: [{ value: user.id }, { value: 'usr_nobody' }] }),
    400,
    'invalidValue',
    /usr_nobody/,
  );
  const many = Array.from({ length: 1001 }, (_, index) => ({ value: `usr_${index}` }));
  await expectError(connector.send('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: other, members: many }), 400, 'tooMany');
  expect((await ok<ListResponse<unknown>>(connector.get(`/Groups?filter=${encodeURIComponent(`displayName eq "${other}"`)}`))).totalResults).toBe(0);
  await expectError(connector.get('/Users/usr_nobody'), 404);
  await expectError(connector.send('PUT', `/Users/${user.id}`, { schemas: [GROUP_SCHEMA] }), 400, 'invalidSyntax');
  // Not JSON at all.
  const wrongType = await request.post('/scim/v2/Users', { headers: { Authorization: `Bearer ${connector.token}`, 'Content-Type': 'text/plain' }, data: 'userName=x' });
  expect(wrongType.status()).toBe(415);
});

test('a local account keeps working beside the directory: the connector cannot take its address', async ({ request }) => {
  const connector = await syncConnector(request);
  const local = createUser();
  const conflict = await connector.send('POST', '/Users', entraUser(local.email));
  expect(conflict.status()).toBe(409);
  expect(await scimError(conflict)).toMatchObject({ scimType: 'uniqueness' });
});

test('the admin API keeps its hands off what the directory syncs, and says so', async ({ request }) => {
  const connector = await syncConnector(request, 'directory:read directory:write', 'Okta provisioning');
  const user = await created<ScimUser>(connector.send('POST', '/Users', entraUser(`okta-${unique()}@corp.example.test`)));
  const refused = await request.patch(`/api/users/${user.id}`, { headers: { Authorization: `Bearer ${await adminToken(request)}` }, data: { name: 'Someone Else' } });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).fields).toEqual([{ path: 'name', message: 'Synced from the directory (SCIM: Okta provisioning): change it there' }]);
  const allowed = await request.patch(`/api/users/${user.id}`, {
    headers: { Authorization: `Bearer ${await adminToken(request)}` },
    data: { picture: 'https://images.example.com/g.png' },
  });
  expect(allowed.status(), await allowed.text()).toBe(200);
});

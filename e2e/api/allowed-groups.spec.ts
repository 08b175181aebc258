import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { adminToken, bearer } from '../support/admin-api';
import { authorize, startSignIn, submitPassword } from '../support/http-sign-in';
import { GROUP_SCHEMA, entraUser, groupsApp, pkceRequest, syncConnector } from '../support/scim';

// "Allowed groups" on a client: only members of those groups sign in to it; everyone else
// sees a page that says why and goes back to the application with access_denied.

const unique = () => randomBytes(4).toString('hex');
const unescapeHtml = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

test('a client limited to a group lets its members in and shows everyone else a clear page, then access_denied', async ({ request, baseURL }) => {
  const connector = await syncConnector(request);
  const password = `Allowed-${unique()}-groups`;
  const [member, outsider] = await Promise.all(
    ['member', 'outsider'].map(async (who) => {
      const response = await connector.send('POST', '/Users', entraUser(`${who}-${unique()}@corp.example.test`, { password }));
      expect(response.status(), await response.text()).toBe(201);
      return (await response.json()) as { id: string; userName: string };
    }),
  );
  const group = (await (
    await connector.send('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: `Wiki editors ${unique()}`, members: [{ value: member!.id }] })
  ).json()) as { id: string; displayName: string };
  const wiki = groupsApp(`Team wiki ${unique()}`);
  const admin = bearer(await adminToken(request));

  const unknown = await request.put(`/api/clients/${wiki.clientId}/allowed-groups`, { headers: admin, data: { allowed_groups: ['grp_nope'] } });
  expect(unknown.status()).toBe(400);
  expect((await unknown.json()).fields).toEqual([{ path: 'allowed_groups[0]', message: 'No group has the id grp_nope' }]);
  const limited = await request.put(`/api/clients/${wiki.clientId}/allowed-groups`, { headers: admin, data: { allowed_groups: [group.id] } });
  expect(limited.status(), await limited.text()).toBe(200);
  expect(await limited.json()).toEqual({ client_id: wiki.clientId, allowed_groups: [{ id: group.id, display_name: group.displayName }] });

  // The member signs in as usual.
  const granted = await authorize(baseURL!, { email: member!.userName, password }, wiki, { params: pkceRequest('openid').params });
  expect(granted.code).toBeTruthy();

  // The outsider's password is right, but the application is not theirs to use.
  const pending = await startSignIn(baseURL!, wiki, { params: pkceRequest('openid').params });
  const { continueAt } = await submitPassword(pending, { email: outsider!.userName, password });
  const resumed = await pending.browser.fetch(new URL(continueAt!, baseURL).href);
  const deniedPage = new URL(resumed.headers.get('location')!, baseURL).href;
  expect(deniedPage).toContain('/interaction/');
  const page = await pending.browser.fetch(deniedPage);
  const html = await page.text();
  expect(html).toContain('You don&#x27;t have access to this application');
  expect(html).toContain(outsider!.userName);
  expect(html).toContain('Return to the application');

  // "Return to the application": the client gets access_denied (RFC 6749 §4.1.2.1).
  const form = html.split('<form')[1] ?? '';
  const body = new FormData();
  for (const [, name, value] of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)) body.append(name!, unescapeHtml(value ?? ''));
  const left = await pending.browser.fetch(deniedPage, { method: 'POST', body });
  expect(left.status).toBe(303);
  let location = left.headers.get('location')!;
  for (let hop = 0; hop < 4 && !location.startsWith(wiki.redirectUri); hop++) location = (await pending.browser.fetch(new URL(location, baseURL).href)).headers.get('location')!;
  expect(new URL(location).searchParams.get('error')).toBe('access_denied');

  // Lifting the limit lets the outsider in.
  const lifted = await request.put(`/api/clients/${wiki.clientId}/allowed-groups`, { headers: admin, data: { allowed_groups: null } });
  expect(await lifted.json()).toMatchObject({ allowed_groups: null });
  expect((await authorize(baseURL!, { email: outsider!.userName, password }, wiki, { params: pkceRequest('openid').params })).code).toBeTruthy();
});

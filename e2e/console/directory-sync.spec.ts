import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { adminToken, bearer } from '../support/admin-api';
import { GROUP_SCHEMA, entraUser, groupsApp, syncConnector } from '../support/scim';

// What a directory connector provisions shows in the console with where it came from; the
// fields the directory keeps are read-only there, with the reason.

test('a provisioned user shows its source, its synced fields are read-only, and its group is on the Groups page', async ({ page, request }) => {
  const connectorName = `Entra ID connector ${randomBytes(3).toString('hex')}`;
  const connector = await syncConnector(request, 'directory:read directory:write', connectorName);
  const email = `synced-${randomBytes(4).toString('hex')}@corp.example.test`;
  const user = (await (await connector.send('POST', '/Users', entraUser(email))).json()) as { id: string };
  const groupName = `Design ${randomBytes(3).toString('hex')}`;
  expect((await connector.send('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: groupName, members: [{ value: user.id }] })).status()).toBe(201);

  await page.goto(`/console/users?user=${user.id}`);
  const details = page.getByRole('complementary', { name: 'User Details' });
  await expect(details.getByRole('definition').filter({ hasText: `SCIM: ${connectorName}` })).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search' }).fill(email);
  await page.getByRole('row', { name: email }).getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${email}` });
  const reason = `Synced from the directory (SCIM: ${connectorName}): change it there`;
  for (const label of ['Email', 'Nickname']) {
    await expect(dialog.getByLabel(label, { exact: true })).toHaveAttribute('readonly', '');
    await expect(dialog.getByLabel(label, { exact: true })).toHaveAccessibleDescription(reason);
  }
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveValue('Grace Hopper');
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveAttribute('readonly', '');
  // What is Thalamus's own stays editable.
  await expect(dialog.getByLabel('Picture URL')).not.toHaveAttribute('readonly');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Groups' }).click();
  await expect(page.getByRole('heading', { name: 'Groups', level: 1 })).toBeVisible();
  const group = page.getByRole('region', { name: groupName });
  await expect(group).toContainText(`SCIM: ${connectorName} · 1 member`);
  await expect(group.getByRole('list', { name: `Members of ${groupName}` }).getByRole('link', { name: email })).toBeVisible();
});

test('an administrator limits a client to a group from its details', async ({ page, request }) => {
  const connector = await syncConnector(request);
  const groupName = `Wiki editors ${randomBytes(3).toString('hex')}`;
  const group = (await (await connector.send('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: groupName })).json()) as { id: string };
  const wiki = groupsApp(`Team wiki ${randomBytes(3).toString('hex')}`);

  await page.goto(`/console/clients?client=${wiki.clientId}`);
  const section = page.getByRole('complementary', { name: 'Client Details' }).getByRole('region', { name: 'Allowed groups' });
  await section.getByRole('checkbox', { name: 'Only members of these groups may sign in' }).check();
  await section.getByRole('list', { name: 'Groups allowed to sign in' }).getByRole('checkbox', { name: groupName }).check();
  await section.getByRole('button', { name: 'Save allowed groups' }).click();
  await expect(section.getByRole('status')).toHaveText('Only members of the checked groups may sign in.');

  const stored = await request.get(`/api/clients/${wiki.clientId}/allowed-groups`, { headers: bearer(await adminToken(request)) });
  expect(await stored.json()).toEqual({ client_id: wiki.clientId, allowed_groups: [{ id: group.id, display_name: groupName }] });

  // Opened again, the panel shows the limit.
  await page.reload();
  await expect(section.getByRole('checkbox', { name: groupName })).toBeChecked();
});

import { expect, test } from '@playwright/test';
import { createUser } from '../support/cli';
import { expectCurrentOrAbsent, profileClaims } from '../support/profile-claims';

test.describe('Users: profile', () => {
  test('admins edit a user’s name, nickname and picture; the user’s next sign-in carries them', async ({ page }) => {
    const user = createUser({ name: 'Mary Jackson' });
    const before = Math.floor(Date.now() / 1000);
    await page.goto('/console/users');
    await page.getByRole('searchbox', { name: 'Search' }).fill(user.email);
    const row = page.getByRole('row', { name: user.email });
    await row.getByRole('button', { name: 'Edit' }).click();

    const dialog = page.getByRole('dialog', { name: `Edit ${user.email}` });
    await expect(dialog.getByLabel('Name', { exact: true })).toHaveValue('Mary Jackson');
    await expect(dialog.getByLabel('Nickname')).toHaveValue('ada');
    await dialog.getByLabel('Name', { exact: true }).fill('Mary Winston Jackson');
    await dialog.getByLabel('Nickname').fill('mwj');

    // A picture is put in <img src> by every application: a script URL is refused beside the field.
    await dialog.getByLabel('Picture URL').fill('javascript:alert(document.cookie)');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('Use an https:// URL (http:// only for localhost)')).toBeVisible();
    await expect(dialog.getByLabel('Picture URL')).toHaveAccessibleDescription(/Use an https:\/\/ URL \(http:\/\/ only for localhost\)/);
    await expect(dialog.getByLabel('Name', { exact: true })).not.toHaveAttribute('aria-invalid');

    const picture = 'https://images.example.com/avatars/mwj.png';
    await dialog.getByLabel('Picture URL').fill(picture);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText('Mary Winston Jackson');

    // Opened again, the dialog shows what was saved.
    await row.getByRole('button', { name: 'Edit' }).click();
    await expect(dialog.getByLabel('Nickname')).toHaveValue('mwj');
    await expect(dialog.getByLabel('Picture URL')).toHaveValue(picture);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    const { userinfo, idToken } = await profileClaims(user);
    expect(userinfo).toMatchObject({ sub: user.id, name: 'Mary Winston Jackson', nickname: 'mwj', picture });
    expect(userinfo.updated_at as number).toBeGreaterThanOrEqual(before);
    expect(idToken.sub).toBe(user.id);
    expectCurrentOrAbsent(idToken, { name: 'Mary Winston Jackson', nickname: 'mwj', picture });
  });

  test('an emptied field clears the claim', async ({ page }) => {
    const user = createUser({ name: 'Christine Darden' });
    await page.goto('/console/users');
    await page.getByRole('searchbox', { name: 'Search' }).fill(user.email);
    await page.getByRole('row', { name: user.email }).getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: `Edit ${user.email}` });
    await dialog.getByLabel('Nickname').fill('');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();

    const { userinfo } = await profileClaims(user);
    expect(userinfo).toMatchObject({ sub: user.id, name: 'Christine Darden' });
    expect(userinfo).not.toHaveProperty('nickname');
  });
});

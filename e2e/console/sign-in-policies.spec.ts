import { expect, test } from '@playwright/test';
import { auditTrail } from '../support/audit-log';
import { thalamus } from '../support/cli';

// Settings › Sign-in: the installation's sign-in policies, the same switches as
// `npx thalamus settings`. Super admins change them; each change is audited.

test.describe('Settings › Sign-in', () => {
  test('a super admin requires two-step verification for everyone, and turns it off again; both are in the audit log', async ({ page }) => {
    try {
      await page.goto('/console/settings/sign-in');
      await expect(page.getByRole('heading', { name: 'Sign-in', level: 1 })).toBeVisible();
      const everyone = page.getByRole('switch', { name: 'Require two-step verification for everyone' });
      await expect(everyone).not.toBeChecked();
      await everyone.click();
      await expect(page.getByText('Sign-in policy saved')).toBeVisible();
      await expect(everyone).toBeChecked();
      expect(thalamus('settings', 'mfa-required')).toContain('mfa-required: on');

      await everyone.click();
      await expect(everyone).not.toBeChecked();
      const trail = await auditTrail('mfa.required');
      expect(trail.filter((event) => event.action === 'settings.changed')).toHaveLength(2);
    } finally {
      thalamus('settings', 'mfa-required', 'off');
    }
  });

  test('passkeys for administrators cannot be required by a super admin who has none: they would lock themselves out', async ({ page }) => {
    await page.goto('/console/settings/sign-in');
    const admins = page.getByRole('switch', { name: 'Require passkeys for administrators' });
    await admins.click();
    await expect(admins).toHaveAccessibleDescription(/Add a passkey to your account first/);
    await expect(admins).not.toBeChecked();
    expect(thalamus('settings', 'admin-passkeys')).toContain('admin-passkeys: off');
  });
});

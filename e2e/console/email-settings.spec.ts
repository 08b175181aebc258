import { expect, test, type Page } from '@playwright/test';
import { refuseMail, waitForMail } from '../support/mailbox';

// Settings › Email: the SMTP server Thalamus sends through (here the suite's own, on
// loopback), a test message that really arrives, and the queue that keeps a message
// until the SMTP server takes it.

const uniqueAddress = (label: string) => `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;

async function sendTestEmail(page: Page, to: string) {
  await page.goto('/console/settings/email');
  await page.getByRole('button', { name: 'Send test email' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send test email' });
  await dialog.getByLabel('To').fill(to);
  await dialog.getByRole('button', { name: 'Send test email' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Test email queued for ${to}` })).toBeVisible();
  await expect(dialog).toBeHidden();
  // No error toast. Next's route announcer is an alert too: after the refresh it may read out the page's title.
  const errorToasts = page.getByRole('alert').filter({ hasText: /\S/ }).and(page.locator(':not(#__next-route-announcer__)'));
  await expect(errorToasts).toHaveCount(0);
}

/** The queue's row for `to`, once it shows `text` (the page is reloaded until it does). */
async function expectQueueRow(page: Page, to: string, text: RegExp | string) {
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('row', { name: to })).toContainText(text, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  return page.getByRole('row', { name: to });
}

test.describe('Settings › Email', () => {
  test('shows the SMTP server without its credentials, and a test email reaches the recipient', async ({ page }) => {
    await page.goto('/console/settings/email');
    await expect(page.getByRole('heading', { level: 1, name: 'Email' })).toBeVisible();
    const server = page.getByRole('region', { name: 'SMTP server' });
    await expect(server).toContainText('127.0.0.1');
    await expect(server).toContainText('thalamus@example.test');
    await expect(page.getByText('Email is not configured')).toHaveCount(0);

    const to = uniqueAddress('test-email');
    await sendTestEmail(page, to);
    const mail = await waitForMail(to, { subject: /^Test email from Thalamus$/ });
    expect(mail.from).toBe('thalamus@example.test');
    expect(mail.text).toContain('Thalamus can send email');
    expect(mail.html).toContain('<h1');
    expect(mail.html).toContain('Thalamus can send email');

    const row = await expectQueueRow(page, to, 'Sent');
    await expect(row).toContainText('test');
    // The queue never shows what a message said.
    await expect(page.getByRole('region', { name: 'Queue' })).not.toContainText('Thalamus can send email');
  });

  test('while the SMTP server refuses a recipient the sender sees no error, and the message arrives once it accepts again', async ({ page }) => {
    const to = uniqueAddress('refused-for-now');
    const accept = refuseMail(to);
    await sendTestEmail(page, to);

    // The first attempt was refused (451); the message waits in the queue for its retry.
    // (While that attempt is still under way the row says Retrying without an error yet: wait for the refusal.)
    const row = await expectQueueRow(page, to, '451');
    await expect(row).toContainText('Retrying');
    accept();

    const mail = await waitForMail(to, { subject: /Test email/ });
    expect(mail.text).toContain('Thalamus can send email');
    await expectQueueRow(page, to, 'Sent');
  });

  test('a message refused for good is marked failed, and "Retry now" sends it once the address works', async ({ page }) => {
    const to = uniqueAddress('refused-for-good');
    const accept = refuseMail(to, 550);
    await sendTestEmail(page, to);
    const row = await expectQueueRow(page, to, 'Failed');
    await expect(row).toContainText('550');

    accept();
    await row.getByRole('button', { name: 'Retry now' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Message to ${to} queued again` })).toBeVisible();
    await waitForMail(to, { subject: /Test email/ });
    await expectQueueRow(page, to, 'Sent');
    await expect(page.getByRole('row', { name: to }).getByRole('button', { name: 'Retry now' })).toHaveCount(0);
  });

  test('refuses a test email to something that is not an address, naming the field', async ({ page }) => {
    await page.goto('/console/settings/email');
    await page.getByRole('button', { name: 'Send test email' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send test email' });
    await dialog.getByLabel('To').fill('not an address');
    await dialog.getByRole('button', { name: 'Send test email' }).click();
    await expect(dialog.getByLabel('To')).toHaveAccessibleDescription('Enter an email address');
  });
});

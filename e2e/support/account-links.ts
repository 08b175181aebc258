import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { createDb } from '../../lib/db/client';
import { MAIL_LIMITS } from '../../lib/mail/send-mail';
import { receivedMail, waitForMail } from './mailbox';

/**
 * The emailed-link pages as a person uses them ("Forgot password?", the reset link, the
 * invitation link) and the few database reads the tests make to prove a negative (no
 * email was sent) or to make time pass (a link expires).
 */

/** A new address nobody has used in this run. */
export function uniqueEmail(prefix = 'person'): string {
  return `${prefix}-${randomBytes(6).toString('hex')}@example.test`;
}

/** A password the policy accepts. */
export function strongPassword(): string {
  return `new passphrase ${randomBytes(6).toString('hex')}`;
}

/** "Send reset link" on the forgot-password page the browser is on; returns once "Check your email" shows. */
export async function askForResetLink(page: Page, email: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
}

/** The link of the newest message to `to` whose subject matches, once it arrived. */
export async function linkInMail(to: string, subject: RegExp): Promise<string> {
  const mail = await waitForMail(to, { subject });
  expect(mail.links).toHaveLength(1);
  return mail.links[0]!;
}

/** Waits until `count` messages to `to` arrived, and returns their links, oldest first. */
export async function linksInMail(to: string, subject: RegExp, count: number): Promise<string[]> {
  const matching = () => receivedMail(to).filter((mail) => subject.test(mail.subject));
  await expect.poll(() => matching().length, { message: `${count} messages to ${to}` }).toBe(count);
  return matching().map((mail) => mail.links[0]!);
}

/** "New password" and "Confirm password" on the page a link opened, then the submit button. */
export async function choosePassword(page: Page, password: string, confirm = password, submit: 'Reset password' | 'Set password' = 'Reset password'): Promise<void> {
  await page.getByLabel('New password').fill(password);
  await page.getByLabel('Confirm password').fill(confirm);
  await page.getByRole('button', { name: submit }).click();
}

async function withDb<T>(work: (db: ReturnType<typeof createDb>) => Promise<T>): Promise<T> {
  const db = createDb();
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}

/**
 * Every test asks from 127.0.0.1: forget the per-address counters of reset requests and
 * of the mail they send, so that one test's requests do not use up the next one's limit
 * (the per-account and per-recipient counters are per test address anyway).
 */
export function forgetRequestsFromThisMachine(): Promise<void> {
  return withDb(async (db) => {
    await db.rateLimit.deleteMany({ where: { OR: [{ key: { startsWith: 'reset:address:' } }, { key: { startsWith: 'mail:from:' } }] } });
  });
}

/**
 * As if `email` had received its hourly share of mail (MAIL_LIMITS.perRecipient) already: the next message to it is refused by the send limit,
 * so an admin's link comes back to them instead.
 */
export function useUpMailQuota(email: string): Promise<void> {
  return withDb(async (db) => {
    const key = `mail:to:${email.toLowerCase()}`;
    await db.rateLimit.upsert({
      where: { key },
      create: { key, count: MAIL_LIMITS.perRecipient.max, windowStartsAt: new Date() },
      update: { count: MAIL_LIMITS.perRecipient.max, windowStartsAt: new Date() },
    });
  });
}

/** What each reset request for `email` came to, as its security events record it (waits for `count` of them). */
export async function resetRequestOutcomes(email: string, count: number): Promise<string[]> {
  const outcomes = () =>
    withDb(async (db) => {
      const events = await db.securityEvent.findMany({ where: { email, type: 'password.reset_requested' }, orderBy: { occurredAt: 'asc' } });
      return events.map((event) => (JSON.parse(event.detail) as { outcome: string }).outcome);
    });
  await expect.poll(async () => (await outcomes()).length, { message: `${count} reset requests for ${email}` }).toBe(count);
  return outcomes();
}

/** Messages queued for `email` in the database (sent or not). */
export function mailQueuedFor(email: string): Promise<number> {
  return withDb((db) => db.mailMessage.count({ where: { toAddress: email } }));
}

/** Moves the expiry of every unused link of this user into the past, as if the time had run out. */
export function expireLinks(email: string): Promise<number> {
  return withDb(async (db) => {
    const { count } = await db.userToken.updateMany({ where: { email, usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    return count;
  });
}

/** The stored account, for the assertions a person cannot see (email_verified, the hash changed). */
export function storedUser(email: string) {
  return withDb((db) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true, passwordHash: true, emailVerified: true } }));
}

/** An admin disabled this account. */
export function disableUser(email: string): Promise<void> {
  return withDb(async (db) => {
    await db.user.update({ where: { email }, data: { disabled: true } });
  });
}

/** Runs `npx thalamus …` as an operator would, with some settings changed (e.g. SMTP_URL='' for a server without mail). */
export function thalamusWith(env: Record<string, string>, ...args: string[]): string {
  return execFileSync(process.execPath, ['bin/thalamus.mjs', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
}

/** `users create --invite`: an end user without a password, invited by email (or with the link printed when mail is off). */
export function createInvitedUser(options: { mail?: boolean } = {}): { id: string; email: string; delivery: string; link?: string } {
  const email = uniqueEmail('invited');
  const out = thalamusWith(options.mail === false ? { SMTP_URL: '' } : {}, 'users', 'create', '--email', email, '--name', 'Grace Hopper', '--invite', '--json');
  const printed = JSON.parse(out) as { id: string; email: string; delivery?: string; link?: string };
  if (!printed.delivery) throw new Error(`\`users create --invite --json\` printed no delivery: ${out}`);
  return printed as { id: string; email: string; delivery: string; link?: string };
}

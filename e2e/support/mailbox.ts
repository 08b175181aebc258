import { expect } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The messages the test SMTP server received (scripts/test-mail-server.mjs, started by
 * playwright.config.ts, which also points every Thalamus server the tests run at it).
 * Use a unique recipient address per test: the mailbox is shared by the whole run.
 */
export interface ReceivedMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  receivedAt: string;
  /** Every http(s) URL of the plain-text part, in order. */
  links: string[];
}

function mailDir(): string {
  const dir = process.env.TEST_MAIL_DIR;
  if (!dir) throw new Error('TEST_MAIL_DIR is not set: run the suite with `npm test`');
  return dir;
}

/** Every message received for `to` so far, oldest first. */
export function receivedMail(to: string): ReceivedMail[] {
  const dir = mailDir();
  const wanted = to.toLowerCase();
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as Omit<ReceivedMail, 'links'>)
    .filter((mail) => mail.to.toLowerCase() === wanted)
    .map((mail) => ({ ...mail, links: mail.text.match(/https?:\/\/[^\s<>"]+/g) ?? [] }));
}

/**
 * Waits until a message for `to` (whose subject matches, if given) has arrived and returns
 * the newest such message.
 */
export async function waitForMail(to: string, options: { subject?: RegExp; timeout?: number } = {}): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      () => {
        found = receivedMail(to)
          .filter((mail) => !options.subject || options.subject.test(mail.subject))
          .at(-1);
        return found !== undefined;
      },
      { message: `a message to ${to}${options.subject ? ` with a subject matching ${options.subject}` : ''}`, timeout: options.timeout ?? 15_000 },
    )
    .toBe(true);
  return found!;
}

/**
 * Makes the SMTP server refuse `to` until the returned function is called: with 451 (a
 * temporary failure, RFC 5321 §4.2.1: the mail server is "down" for that person) or with
 * `code`, e.g. 550 (refused for good).
 */
export function refuseMail(to: string, code: 451 | 550 = 451): () => void {
  const marker = join(mailDir(), `refuse-${encodeURIComponent(to.toLowerCase())}`);
  writeFileSync(marker, String(code));
  return () => rmSync(marker, { force: true });
}

/** Whether the server is refusing `to` right now. */
export function isRefusing(to: string): boolean {
  return existsSync(join(mailDir(), `refuse-${encodeURIComponent(to.toLowerCase())}`));
}

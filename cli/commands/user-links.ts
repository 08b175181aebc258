import { getDb } from '@/lib/db/client';
import { CLI_ACTOR } from '@/lib/audit/record-audit';
import { ServiceError } from '@/lib/errors/service-error';
import { userIdByEmail } from '@/lib/users/find-user';
import { sendPasswordResetLink } from '@/lib/account-links/password-reset';
import { sendInvitation } from '@/lib/account-links/invitation';
import type { LinkDelivery } from '@/lib/account-links/deliver-link';
import { USER_TOKEN_TTL_SECONDS } from '@/lib/account-links/user-tokens';
import { CliError } from '../cli-error';
import { command, type CommandSpec } from '../command-spec';

/**
 * `users reset-password <email>` and `users invite <email>`: the emailed links an
 * administrator sends. Without mail configured (or when the address got too many emails
 * lately) the one-time link is printed instead, to hand over; it is never logged.
 */
export function printDelivery(kind: 'password_reset' | 'invitation', user: { id: string; email: string }, delivery: LinkDelivery, json: boolean): void {
  const what = kind === 'invitation' ? 'an invitation' : 'a password reset link';
  if (json) {
    console.log(JSON.stringify({ id: user.id, email: user.email, ...delivery }));
  } else if (delivery.delivery === 'queued') {
    console.log(`Sent ${what} to ${user.email}`);
  } else {
    const why = delivery.reason === 'not_configured' ? 'Mail is not configured (SMTP_URL, MAIL_FROM)' : `${user.email} got too many emails lately`;
    const lifetime = kind === 'invitation' ? `${USER_TOKEN_TTL_SECONDS.invitation / 86_400} days` : `${USER_TOKEN_TTL_SECONDS.password_reset / 60} minutes`;
    console.log(`${why}: give ${user.email} this link yourself. It works once, for ${lifetime}, and is not shown again:`);
    console.log(delivery.link);
  }
}

/** Sends the link to the user with this email (cli/main.ts lets the delivery attempt finish before exiting). */
export async function sendLinkTo(email: string, kind: 'password_reset' | 'invitation', json: boolean): Promise<number> {
  try {
    const db = await getDb();
    const id = await userIdByEmail(db, email);
    const delivery = await (kind === 'invitation' ? sendInvitation : sendPasswordResetLink)(db, CLI_ACTOR, id);
    printDelivery(kind, { id, email: email.trim().toLowerCase() }, delivery, json);
    return 0;
  } catch (error) {
    if (error instanceof ServiceError) throw new CliError(error.message, false);
    throw error;
  }
}

const jsonOption = { json: { type: 'boolean', default: false, description: 'print id, email, delivery ("queued" or "link") and the link, if any, as JSON' } } as const;

export const userLinkCommands: CommandSpec[] = [
  command({
    name: 'reset-password',
    summary: 'email a user a link to choose a new password (prints it when mail is not configured)',
    positionals: [{ name: 'email', description: "the user's sign-in email" }],
    options: jsonOption,
    notes: [
      `The link works once, for ${USER_TOKEN_TTL_SECONDS.password_reset / 60} minutes; sending a new one retires it. The user is signed out everywhere once the new password is set.`,
    ],
    async run({ values, positionals }) {
      if (!positionals[0]) throw new CliError('Name the user: `users reset-password <email>`');
      return sendLinkTo(positionals[0], 'password_reset', values.json);
    },
  }),
  command({
    name: 'invite',
    summary: 'email a user without a password the invitation to choose one (prints it when mail is not configured)',
    positionals: [{ name: 'email', description: "the user's sign-in email" }],
    options: jsonOption,
    notes: [`The link works once, for ${USER_TOKEN_TTL_SECONDS.invitation / 86_400} days; sending a new one retires it. Create such a user with \`users create --invite\`.`],
    async run({ values, positionals }) {
      if (!positionals[0]) throw new CliError('Name the user: `users invite <email>`');
      return sendLinkTo(positionals[0], 'invitation', values.json);
    },
  }),
];

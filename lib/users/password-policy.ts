import { z } from 'zod';
import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * The password policy for every password a person chooses (set at invitation, reset,
 * changed on the account page, given by an admin): NIST SP 800-63B §3.1.1.2 and the
 * OWASP Authentication Cheat Sheet: a minimum length rather than composition rules, and
 * a check against passwords known from breaches.
 *
 * The list is zxcvbn-ts's common-passwords dictionary (about 49,000 passwords ranked by
 * how often they appear in breach corpora), a maintained package, so it is not copied
 * here. Few of its entries reach 12 characters; what a long password usually does is
 * pad a common one ("password1234", "qwertyqwerty"), so those patterns are refused too.
 */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 1024;

const common = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

/** Why `password` is not allowed, or undefined when it is. */
export function passwordPolicyProblem(password: string, context: { email?: string } = {}): string | undefined {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters`;
  const lower = password.toLowerCase();
  if (isCommon(lower)) return 'This password is too common: it appears in lists of breached passwords. Choose another';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'Do not use your email address in your password';
  return undefined;
}

function isCommon(lower: string): boolean {
  if (common.has(lower)) return true;
  // One character repeated, or a short common password repeated ("qwertyqwerty").
  for (let size = 1; size <= lower.length / 2; size++) {
    if (lower.length % size === 0 && lower.slice(0, size).repeat(lower.length / size) === lower && (size < 4 || common.has(lower.slice(0, size)))) return true;
  }
  // A common password padded with digits or symbols before or after it ("password1234!").
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  return core.length >= 4 && core !== lower && common.has(core);
}

/** A new password: the policy as a zod schema, for forms, the API and the CLI. */
export const newPasswordSchema = z.string({ error: 'Enter a password' }).superRefine((value, ctx) => {
  const problem = passwordPolicyProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/**
 * "New password" and "Confirm password" as the hosted pages and the account page ask
 * for them; the mismatch is reported on the confirmation field.
 */
export const passwordChoiceSchema = z
  .object({ password: newPasswordSchema, confirm: z.string() })
  .refine((value) => value.password === value.confirm, { path: ['confirm'], message: 'The passwords do not match' });

'use server';

import { after } from 'next/server';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/db/client';
import { log } from '@/lib/log/logger';
import { passwordResetRequestSchema, requestPasswordReset, resetPassword } from '@/lib/account-links/password-reset';
import { RESET_PASSWORD_DONE_PATH, FORGOT_PASSWORD_SENT_PATH, safeReturnPath, withReturn } from '@/lib/account-links/link-paths';
import type { LinkFormState } from '@/lib/account-links/link-form-state';
import { field, formStateFor, requestContext } from '@/lib/account-links/link-actions-support';

// Every export here is a public endpoint, for anyone: each validates its own input.

/**
 * "Send reset link". The answer ("Check your email") is the same whatever the address,
 * and it comes at once: the request itself runs after the response is sent, so how long
 * it takes (a token and an email only for a real account) tells nothing either.
 */
export async function requestResetAction(_previous: LinkFormState, form: FormData): Promise<LinkFormState> {
  const email = field(form, 'email').slice(0, 254);
  const parsed = passwordResetRequestSchema.safeParse({ email });
  if (!parsed.success) return { email, fieldErrors: { email: parsed.error.issues[0]!.message } };
  const returnTo = safeReturnPath(field(form, 'return'));
  const context = await requestContext();
  const db = await getDb();
  after(() =>
    requestPasswordReset(db, parsed.data.email, { ...context, returnTo }).catch((error: unknown) => log.error('password reset request failed', { error: String(error) })),
  );
  redirect(withReturn(FORGOT_PASSWORD_SENT_PATH, returnTo));
}

/** "Reset password" on the page the emailed link opens. */
export async function resetPasswordAction(_previous: LinkFormState, form: FormData): Promise<LinkFormState> {
  const returnTo = safeReturnPath(field(form, 'return'));
  try {
    await resetPassword(await getDb(), field(form, 'token'), { password: field(form, 'password'), confirm: field(form, 'confirm') }, await requestContext());
  } catch (error) {
    return formStateFor(error);
  }
  redirect(withReturn(RESET_PASSWORD_DONE_PATH, returnTo));
}

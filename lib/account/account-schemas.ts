import { z } from 'zod';
import { userSchema } from '@/lib/users/user-schema';
import { PASSWORD_MAX } from '@/lib/users/password-policy';

/**
 * The account page's inputs. The profile is the user's profile schema
 * (lib/users/user-schema.ts) and a new password the password policy's
 * (lib/users/password-policy.ts); what is here is what only the account page asks.
 */
export const currentPasswordSchema = z
  .string({ error: 'Enter your current password' })
  .min(1, 'Enter your current password')
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`);

export const passwordChangeSchema = z.object({ current: currentPasswordSchema });

export const emailChangeSchema = z.object({ email: userSchema.shape.email, current: currentPasswordSchema });

/** Turning two-step verification off asks for proof: the password or a code (TOTP or recovery). */
export const twoStepOffSchema = z.object({
  proof: z.string({ error: 'Enter your password or a code' }).trim().min(1, 'Enter your password or a code').max(PASSWORD_MAX, 'That is too long'),
});

export const totpCodeSchema = z.object({ code: z.string({ error: 'Enter the code' }).trim().min(1, 'Enter the code').max(32, 'That code is too long') });

export const removeAccessSchema = z.object({ clientId: z.string().min(1).max(200) });

export const verifyEmailSchema = z.object({ token: z.string().min(1).max(200) });

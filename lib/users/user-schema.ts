import { z } from 'zod';
import { displayText } from '@/lib/text/display-text';

export const USER_ROLES = ['user', 'admin', 'super_admin'] as const;

/** One definition of a user's fields, shared by the CLI, the console and the API. */
export const userSchema = z.object({
  email: z
    .email({ error: 'Enter a valid email address' })
    .max(254)
    .transform((e) => e.toLowerCase()),
  name: displayText({ label: 'Name', max: 200 }).default(''),
  nickname: displayText({ label: 'Nickname', max: 100 }).default(''),
  password: z.string().min(12, { error: 'Use at least 12 characters' }).max(1024, { error: 'Use at most 1024 characters' }),
  role: z.enum(USER_ROLES).default('user'),
  emailVerified: z.boolean().default(false),
  mfaRequired: z.boolean().default(false),
});

export type UserInput = z.input<typeof userSchema>;

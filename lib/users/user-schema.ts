import { z } from 'zod';
import { displayText } from '@/lib/text/display-text';
import { PICTURE_URL_MAX, pictureUrlProblem } from './picture-url';

export const USER_ROLES = ['user', 'admin', 'super_admin'] as const;

/** A picture URL (picture-url.ts says which), or '' for none. */
export const pictureUrl = z
  .string()
  .trim()
  .max(PICTURE_URL_MAX, `Use at most ${PICTURE_URL_MAX} characters`)
  .superRefine((value, ctx) => {
    const problem = value === '' ? undefined : pictureUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/**
 * The profile claims (OIDC Core §5.1) Thalamus keeps for a user; '' means none, and the
 * claim is then left out of ID tokens and userinfo.
 */
const profileFields = {
  name: displayText({ label: 'Name', max: 200 }),
  nickname: displayText({ label: 'Nickname', max: 100 }),
  picture: pictureUrl,
};

/** One definition of a user's fields, shared by the CLI, the console and the API. */
export const userSchema = z.object({
  email: z
    .email({ error: 'Enter a valid email address' })
    .max(254)
    .transform((e) => e.toLowerCase()),
  name: profileFields.name.default(''),
  nickname: profileFields.nickname.default(''),
  picture: profileFields.picture.default(''),
  /** Absent: the user chooses it from an invitation (lib/account-links/invitation.ts). */
  password: z.string().min(12, { error: 'Use at least 12 characters' }).max(1024, { error: 'Use at most 1024 characters' }).optional(),
  role: z.enum(USER_ROLES).default('user'),
  emailVerified: z.boolean().default(false),
  mfaRequired: z.boolean().default(false),
});

export type UserInput = z.input<typeof userSchema>;

/**
 * An edit of a user's profile: only the fields given change. Unknown keys are refused,
 * so an email or a role sent here is an error rather than silently ignored.
 */
export const userProfileSchema = z.strictObject(profileFields).partial();

export type UserProfileInput = z.input<typeof userProfileSchema>;

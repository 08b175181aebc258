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

/** A sign-in email: stored lower-cased, so one address is one account whatever its case. */
const emailField = z
  .email({ error: 'Enter a valid email address' })
  .max(254, { error: 'Use at most 254 characters' })
  .transform((e) => e.toLowerCase());

/** One definition of a user's fields, shared by the CLI, the console and the API. */
export const userSchema = z.object({
  email: emailField,
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

/** The roles an administrator can give; super admins are made with `npx thalamus admins create`. */
export const ASSIGNABLE_ROLES = ['user', 'admin'] as const;

/**
 * An administrator's edit of a user (console, PATCH /api/users/{id}, `users update`):
 * any subset of the fields, in the admin API's snake_case. Unknown keys are refused.
 */
export const userUpdateSchema = z
  .strictObject({
    email: emailField,
    ...profileFields,
    role: z.enum(ASSIGNABLE_ROLES, { error: 'Use user or admin' }),
    email_verified: z.boolean({ error: 'Use true or false' }),
    mfa_required: z.boolean({ error: 'Use true or false' }),
    disabled: z.boolean({ error: 'Use true or false' }),
  })
  .partial();

export type UserUpdateInput = z.input<typeof userUpdateSchema>;

/** A new user as POST /api/users takes it (snake_case; the fields of userSchema). */
export const userCreateRequestSchema = z
  .strictObject({
    email: z.string({ error: 'Enter the email' }),
    name: z.string().optional(),
    nickname: z.string().optional(),
    picture: z.string().optional(),
    password: z.string({ error: 'Enter a password' }),
    role: z.enum(ASSIGNABLE_ROLES, { error: 'Use user or admin' }).default('user'),
    email_verified: z.boolean({ error: 'Use true or false' }).default(false),
    mfa_required: z.boolean({ error: 'Use true or false' }).default(false),
  })
  .transform(({ email_verified, mfa_required, ...rest }) => ({ ...rest, emailVerified: email_verified, mfaRequired: mfa_required }));

/** What the admin API answers for a user: never a password hash, an MFA secret or a recovery code. */
export const userResponseSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  nickname: z.string(),
  picture: z.string(),
  role: z.enum(USER_ROLES),
  email_verified: z.boolean(),
  disabled: z.boolean(),
  mfa_enabled: z.boolean(),
  mfa_required: z.boolean(),
  /** Until when sign-in is refused after too many failed attempts; null when not locked. */
  locked_until: z.iso.datetime().nullable(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
  last_login_at: z.iso.datetime().nullable(),
});

export type UserResponse = z.output<typeof userResponseSchema>;

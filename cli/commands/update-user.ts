import { getDb } from '@/lib/db/client';
import { CLI_ACTOR } from '@/lib/audit/record-audit';
import { ServiceError } from '@/lib/errors/service-error';
import { userIdByEmail } from '@/lib/users/find-user';
import { updateUser } from '@/lib/users/update-user';
import { CLI_MANAGER } from '@/lib/users/user-manager';
import { CliError } from '../cli-error';
import { command } from '../command-spec';

/** A ServiceError as the CLI says it: field errors as `--option: message`, exit status 2. */
export function cliServiceError(error: unknown, option: (path: string) => string = (path) => path): never {
  if (error instanceof ServiceError && error.fields.length) throw new CliError(error.fields.map((f) => `--${option(f.path)}: ${f.message}`).join('; '), false);
  if (error instanceof ServiceError) throw new CliError(error.message, false);
  throw error;
}

/** The user named by --id or --email (one of them). */
export async function namedUser(values: { id?: string; email?: string }): Promise<string> {
  if (!values.id === !values.email) throw new CliError('Name the user with --id or --email (one of them)');
  return values.id ?? (await userIdByEmail(await getDb(), values.email!));
}

const yesNo = (option: string, value: string | undefined) => {
  if (value === undefined) return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new CliError(`--${option} must be true or false`);
};

/** Options of `users update` by the field they change (lib/users/user-schema.ts userUpdateSchema). */
const OPTION_OF: Record<string, string> = { email: 'new-email', email_verified: 'email-verified', mfa_required: 'require-mfa' };

/** `users update`: any account's email, profile claims, role and account settings, found by ID or email. */
export const updateUserCommand = command({
  name: 'update',
  summary: "change a user's email, name, nickname, picture, role or account settings",
  options: {
    id: { type: 'string', value: 'ID', description: 'the user to change (or --email)' },
    email: { type: 'string', value: 'E', description: 'the user to change, by sign-in email (instead of --id)' },
    name: { type: 'string', value: 'N', description: 'display name ("" clears it)' },
    nickname: { type: 'string', value: 'N', description: 'nickname ("" clears it)' },
    picture: { type: 'string', value: 'URL', description: 'picture URL: https, or http on localhost ("" clears it)' },
    'new-email': { type: 'string', value: 'E', description: 'a new sign-in email (unverified unless --email-verified true)' },
    role: { type: 'string', value: 'user|admin', description: 'the role (super admins: `admins create`)' },
    'email-verified': { type: 'string', value: 'true|false', description: 'whether the email address is verified' },
    'require-mfa': { type: 'string', value: 'true|false', description: 'enroll in two-step verification at the next sign-in' },
    json: { type: 'boolean', default: false, description: 'print id, email, name, nickname, picture as JSON' },
  },
  async run({ values }) {
    const changes = {
      name: values.name,
      nickname: values.nickname,
      picture: values.picture,
      email: values['new-email'],
      role: values.role,
      email_verified: yesNo('email-verified', values['email-verified']),
      mfa_required: yesNo('require-mfa', values['require-mfa']),
    };
    if (!values.id === !values.email) throw new CliError('Name the user with --id or --email (one of them)');
    if (Object.values(changes).every((value) => value === undefined))
      throw new CliError('Nothing to change: give --name, --nickname, --picture, --new-email, --role, --email-verified or --require-mfa');
    try {
      const user = await updateUser(await getDb(), CLI_MANAGER(CLI_ACTOR), await namedUser(values), changes);
      if (values.json) console.log(JSON.stringify({ id: user.id, email: user.email, name: user.name, nickname: user.nickname, picture: user.picture }));
      else console.log(`Updated ${user.email} (${user.id})`);
      return 0;
    } catch (error) {
      cliServiceError(error, (path) => OPTION_OF[path] ?? path);
    }
  },
});

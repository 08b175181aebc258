import { randomBytes } from 'node:crypto';
import { getDb } from '@/lib/db/client';
import { createUser } from '@/lib/users/create-user';
import { ServiceError } from '@/lib/errors/service-error';
import { CLI_ACTOR } from '@/lib/audit/record-audit';
import { CliError } from '../cli-error';
import { command, type CommandGroup } from '../command-spec';
import { updateUserCommand } from './update-user';
import { deleteUserCommand, unlockUserCommand } from './delete-user';
import { printDelivery, userLinkCommands } from './user-links';
import { sendInvitation } from '@/lib/account-links/invitation';

type Kind = 'admins' | 'users';

const ROLES: Record<Kind, string[]> = { admins: ['admin', 'super_admin'], users: ['user'] };

/**
 * `admins create` and `users create`: the same flags, a different role. Without
 * --password a strong one is generated and printed once. `users update` changes the
 * profile of any account, administrators' included.
 */
export function personCommands(kind: Kind): CommandGroup {
  const roles = ROLES[kind];
  const create = command({
    name: 'create',
    summary:
      kind === 'admins'
        ? 'create an administrator (a password is generated and printed if omitted)'
        : 'create an end user (for demos and tests: users normally come from your directory)',
    options: {
      email: { type: 'string', value: 'E', required: true, description: 'sign-in email address' },
      password: { type: 'string', value: 'P', description: 'initial password (default: a generated one, printed once)' },
      invite: { type: 'boolean', default: false, description: 'no password: email an invitation to choose one (the link is printed when mail is not configured)' },
      name: { type: 'string', value: 'N', description: 'display name' },
      nickname: { type: 'string', value: 'N', description: 'nickname' },
      picture: { type: 'string', value: 'URL', description: 'picture URL: https, or http on localhost' },
      role: { type: 'string', value: roles.join('|'), default: kind === 'admins' ? 'admin' : 'user', description: 'role of the new account' },
      verified: { type: 'boolean', default: false, description: 'mark the email address as verified' },
      'require-mfa': { type: 'boolean', default: false, description: 'enroll in two-step verification at the next sign-in' },
      json: { type: 'boolean', default: false, description: 'print id, email, role (and a generated password) as JSON' },
    },
    async run({ values }) {
      if (!values.email) throw new CliError('--email is required');
      if (!roles.includes(values.role)) throw new CliError(`--role must be ${roles.join(' or ')}`);
      if (values.invite && values.password) throw new CliError('--invite and --password exclude each other: an invited user chooses their password');
      const generated = values.password || values.invite ? undefined : randomBytes(18).toString('base64url');
      try {
        const db = await getDb();
        const user = await createUser(
          db,
          {
            email: values.email,
            password: values.password ?? generated,
            name: values.name ?? '',
            nickname: values.nickname ?? '',
            picture: values.picture ?? '',
            role: values.role as 'user' | 'admin' | 'super_admin',
            emailVerified: values.verified,
            mfaRequired: values['require-mfa'],
          },
          CLI_ACTOR,
        );
        if (values.invite) {
          const delivery = await sendInvitation(db, CLI_ACTOR, user.id);
          if (!values.json) console.log(`Created ${user.role} ${user.email} (${user.id})`);
          printDelivery('invitation', user, delivery, values.json);
        } else if (values.json) {
          console.log(JSON.stringify({ id: user.id, email: user.email, role: user.role, ...(generated ? { password: generated } : {}) }));
        } else {
          console.log(`Created ${user.role} ${user.email} (${user.id})`);
          if (generated) console.log(`Password (shown once): ${generated}`);
        }
        return 0;
      } catch (error) {
        if (error instanceof ServiceError && error.code === 'invalid_request') throw new CliError(error.fields.map((f) => `--${f.path}: ${f.message}`).join('; '), false);
        if (error instanceof ServiceError) throw new CliError(error.message, false);
        throw error;
      }
    },
  });
  return {
    name: kind,
    summary: kind === 'admins' ? 'console administrators' : 'end users',
    subcommands: kind === 'users' ? [create, updateUserCommand, deleteUserCommand, unlockUserCommand, ...userLinkCommands] : [create],
  };
}

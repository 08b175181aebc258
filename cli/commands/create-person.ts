import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { getDb } from '@/lib/db/client';
import { createUser, UserExistsError } from '@/lib/users/create-user';
import { CliError } from '../cli-error';
import { CLI_ACTOR } from '@/lib/audit/record-audit';

/**
 * `admins create` and `users create`: the same flags, a different role. Without
 * --password a strong one is generated and printed once.
 */
export async function createPersonCommand(argv: string[], kind: 'admins' | 'users'): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'create') throw new CliError(`Unknown ${kind} command "${sub ?? ''}"`);
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      nickname: { type: 'string' },
      role: { type: 'string', default: kind === 'admins' ? 'admin' : 'user' },
      verified: { type: 'boolean', default: false },
      'require-mfa': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.email) throw new CliError('--email is required');
  const roles = kind === 'admins' ? ['admin', 'super_admin'] : ['user'];
  if (!roles.includes(values.role!)) throw new CliError(`--role must be ${roles.join(' or ')}`);
  const generated = values.password ? undefined : randomBytes(18).toString('base64url');
  try {
    const user = await createUser(await getDb(), {
      email: values.email,
      password: values.password ?? generated!,
      name: values.name ?? '',
      nickname: values.nickname ?? '',
      role: values.role as 'user' | 'admin' | 'super_admin',
      emailVerified: values.verified,
      mfaRequired: values['require-mfa'],
    }, CLI_ACTOR);
    if (values.json) {
      console.log(JSON.stringify({ id: user.id, email: user.email, role: user.role, ...(generated ? { password: generated } : {}) }));
    } else {
      console.log(`Created ${user.role} ${user.email} (${user.id})`);
      if (generated) console.log(`Password (shown once): ${generated}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof ZodError) throw new CliError(error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '), false);
    if (error instanceof UserExistsError) throw new CliError(error.message, false);
    throw error;
  }
}

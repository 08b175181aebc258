import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { getDb } from '@/lib/db/client';
import { createUser, UserExistsError } from '@/lib/users/create-user';
import { CliError } from '../cli-error';

export async function adminsCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'create') throw new CliError(`Unknown admins command "${sub ?? ''}"`);
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', default: 'admin' },
    },
  });
  if (!values.email) throw new CliError('--email is required');
  if (values.role !== 'admin' && values.role !== 'super_admin') throw new CliError('--role must be admin or super_admin');
  const generated = values.password ? undefined : randomBytes(18).toString('base64url');
  try {
    const user = await createUser(await getDb(), {
      email: values.email,
      password: values.password ?? generated!,
      name: values.name ?? '',
      role: values.role,
    });
    console.log(`Created ${user.role} ${user.email} (${user.id})`);
    if (generated) console.log(`Password (shown once): ${generated}`);
    return 0;
  } catch (error) {
    if (error instanceof ZodError) throw new CliError(error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '), false);
    if (error instanceof UserExistsError) throw new CliError(error.message, false);
    throw error;
  }
}

import { getDb } from '@/lib/db/client';
import { CLI_ACTOR } from '@/lib/audit/record-audit';
import { ServiceError } from '@/lib/errors/service-error';
import { userIdByEmail } from '@/lib/users/find-user';
import { updateUserProfile } from '@/lib/users/update-user-profile';
import { CliError } from '../cli-error';
import { command } from '../command-spec';

/** `users update`: the profile claims (name, nickname, picture) of any account, found by ID or email. */
export const updateUserCommand = command({
  name: 'update',
  summary: "change a user's name, nickname or picture (the claims of the profile scope)",
  options: {
    id: { type: 'string', value: 'ID', description: 'the user to change (or --email)' },
    email: { type: 'string', value: 'E', description: 'the user to change, by sign-in email (instead of --id)' },
    name: { type: 'string', value: 'N', description: 'display name ("" clears it)' },
    nickname: { type: 'string', value: 'N', description: 'nickname ("" clears it)' },
    picture: { type: 'string', value: 'URL', description: 'picture URL: https, or http on localhost ("" clears it)' },
    json: { type: 'boolean', default: false, description: 'print id, email, name, nickname, picture as JSON' },
  },
  async run({ values }) {
    if (!values.id === !values.email) throw new CliError('Name the user with --id or --email (one of them)');
    const profile = { name: values.name, nickname: values.nickname, picture: values.picture };
    if (Object.values(profile).every((value) => value === undefined)) throw new CliError('Nothing to change: give --name, --nickname or --picture');
    try {
      const db = await getDb();
      const user = await updateUserProfile(db, CLI_ACTOR, values.id ?? (await userIdByEmail(db, values.email!)), profile);
      if (values.json) console.log(JSON.stringify(user));
      else console.log(`Updated ${user.email} (${user.id})`);
      return 0;
    } catch (error) {
      if (error instanceof ServiceError && error.code === 'invalid_request') throw new CliError(error.fields.map((f) => `--${f.path}: ${f.message}`).join('; '), false);
      if (error instanceof ServiceError) throw new CliError(error.message, false);
      throw error;
    }
  },
});

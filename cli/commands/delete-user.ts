import { getDb } from '@/lib/db/client';
import { CLI_ACTOR } from '@/lib/audit/record-audit';
import { deleteUser } from '@/lib/users/delete-user';
import { unlockUser } from '@/lib/users/manage-user';
import { getUser } from '@/lib/users/user-response';
import { CLI_MANAGER } from '@/lib/users/user-manager';
import { command } from '../command-spec';
import { cliServiceError, namedUser } from './update-user';

const who = {
  id: { type: 'string', value: 'ID', description: 'the user (or --email)' },
  email: { type: 'string', value: 'E', description: 'the user, by sign-in email (instead of --id)' },
} as const;

/** `users delete`: the account with its sessions, grants and tokens (super admins too, never the last one). */
export const deleteUserCommand = command({
  name: 'delete',
  summary: 'delete a user with their sessions, grants and tokens',
  options: { ...who, json: { type: 'boolean', default: false, description: 'print id, email, deleted as JSON' } },
  async run({ values }) {
    try {
      const db = await getDb();
      const user = await getUser(db, await namedUser(values));
      await deleteUser(db, CLI_MANAGER(CLI_ACTOR), user.id);
      if (values.json) console.log(JSON.stringify({ id: user.id, email: user.email, deleted: true }));
      else console.log(`Deleted ${user.email} (${user.id})`);
      return 0;
    } catch (error) {
      cliServiceError(error);
    }
  },
});

/** `users unlock`: lifts a lockout after too many failed sign-ins or two-step codes. */
export const unlockUserCommand = command({
  name: 'unlock',
  summary: 'unlock an account locked by too many failed sign-ins',
  options: { ...who, json: { type: 'boolean', default: false, description: 'print id, email, was_locked as JSON' } },
  async run({ values }) {
    try {
      const db = await getDb();
      const id = await namedUser(values);
      const { was_locked } = await unlockUser(db, CLI_MANAGER(CLI_ACTOR), id);
      const user = await getUser(db, id);
      if (values.json) console.log(JSON.stringify({ id: user.id, email: user.email, was_locked }));
      else console.log(was_locked ? `Unlocked ${user.email} (${user.id})` : `${user.email} (${user.id}) was not locked`);
      return 0;
    } catch (error) {
      cliServiceError(error);
    }
  },
});

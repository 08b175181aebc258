import { closeDb } from '@/lib/db/client';
import { dbCommand } from './commands/db';
import { setupCommand } from './commands/setup';
import { clientsCommand } from './commands/clients';
import { createPersonCommand } from './commands/create-person';
import { settingsCommand } from './commands/settings';
import { apiKeysCommand } from './commands/api-keys';
import { keysCommand } from './commands/keys';
import { CliError } from './cli-error';

const USAGE = `Usage: thalamus <command>

Commands:
  setup                         apply migrations, then provision keys, default clients and the first admin
  db migrate                    apply pending database migrations
  db migration-new <name>       author the next migration for SQLite and PostgreSQL from prisma/schema.prisma
  db backup [--out FILE] [--json]
                                consistent copy of the running database (SQLite online backup, PostgreSQL pg_dump);
                                default data/backups/thalamus-<time>.db|.dump; sessions and tokens are left out
  admins create --email E [--password P] [--name N] [--role admin|super_admin]
                                create an administrator (a password is generated and printed if omitted)
  users create --email E [--password P] [--name N] [--verified] [--require-mfa] [--json]
                                create an end user (for demos and tests: users normally come from your directory)
  clients create --data JSON|@file
                                register an OAuth client (same body as POST /api/clients); prints it with its secret, once
  clients rotate-secret <client_id> [--previous-secret-expires-in SECONDS]
                                issue a new secret (printed once); the current one stops working at once or after SECONDS
  api-keys create --name N --scopes clients:read,clients:write [--description D] [--expires-at ISO] [--json]
                                create an admin API key for /api/clients; the key is printed once
  api-keys list | api-keys revoke <id>
  keys rotate [--alg ES256,RS256] [--retain-seconds N] [--json]
                                new signing keys sign from now on; the previous ones stay in /oauth/jwks (verify only)
                                for N seconds (default: the longest token lifetime + 5 min), then are dropped
  keys rotate --cookies [--retain-seconds N]
                                new cookie key; existing sessions keep working for N seconds (default: session lifetime)
  keys list [--json]            key IDs, algorithms and states (never key material)
  settings mfa-required [on|off]
                                show or set whether every user must use two-step verification

Environment: DATABASE_URL (default file:./data/thalamus.db), APP_URL, see .env.example.`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'setup':
        return await setupCommand(rest);
      case 'db':
        return await dbCommand(rest);
      case 'admins':
        return await createPersonCommand(rest, 'admins');
      case 'users':
        return await createPersonCommand(rest, 'users');
      case 'clients':
        return await clientsCommand(rest);
      case 'settings':
        return await settingsCommand(rest);
      case 'api-keys':
        return await apiKeysCommand(rest);
      case 'keys':
        return await keysCommand(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(USAGE);
        return command === undefined ? 1 : 0;
      default:
        throw new CliError(`Unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`thalamus: ${error.message}`);
      if (error.showUsage) console.error(`\n${USAGE}`);
      return 2;
    }
    console.error(`thalamus: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await closeDb();
  }
}

import { env, issuer } from '@/lib/config/env';
import { getDb, type Db } from '@/lib/db/client';
import { databaseTarget } from '@/lib/db/database-url';
import { applyMigrations } from '@/lib/db/migrations';
import { bootstrap } from '@/lib/setup/bootstrap';
import { command } from '../command-spec';

/** `thalamus setup`: what `npm start` runs before serving. Safe to run any number of times. */
export const setupCommand = command({
  name: 'setup',
  summary: 'apply migrations, then provision keys, default clients and the first admin',
  notes: ['What `npm start` runs before serving; safe to run any number of times. Generated secrets are printed once.'],
  async run() {
    const target = databaseTarget();
    const applied = await applyMigrations(target);
    if (applied.length) console.log(`Applied ${applied.length} migration(s) on ${target.provider}`);
    const db = await getDb();
    const report = await bootstrap(db);
    for (const line of report.created) console.log(`Created ${line}`);
    if (report.revealed.length) {
      console.log('\n  Store these now: they are shown only this once.');
      for (const { label, value } of report.revealed) console.log(`  ${label}: ${value}`);
      console.log('');
    }
    await tellStarter(db);
    return 0;
  },
});

/** What `npm start` needs to say where to go once the server answers (scripts/start.mjs). */
export interface SignInHint {
  consoleUrl: string;
  /** A super admin to sign in as; never a password. */
  adminEmail: string | null;
}

/**
 * scripts/start.mjs runs setup with an IPC channel, and prints this once the server is
 * ready: the secrets above scroll away, the place to sign in should be the last line.
 */
async function tellStarter(db: Db): Promise<void> {
  const send = process.send?.bind(process);
  if (!send) return;
  const hint: SignInHint = { consoleUrl: `${issuer()}/console`, adminEmail: await superAdminEmail(db) };
  await new Promise<void>((resolve, reject) => send(hint, undefined, undefined, (error) => (error ? reject(error) : resolve())));
}

/** ADMIN_EMAIL when that account is an active super admin, else the first one created. */
async function superAdminEmail(db: Db): Promise<string | null> {
  const where = { role: 'super_admin', disabled: false };
  const { ADMIN_EMAIL } = env();
  const configured = ADMIN_EMAIL ? await db.user.findFirst({ where: { ...where, email: ADMIN_EMAIL }, select: { email: true } }) : null;
  const first = configured ?? (await db.user.findFirst({ where, orderBy: { createdAt: 'asc' }, select: { email: true } }));
  return first?.email ?? null;
}

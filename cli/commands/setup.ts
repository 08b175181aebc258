import { getDb } from '@/lib/db/client';
import { databaseTarget } from '@/lib/db/database-url';
import { applyMigrations } from '@/lib/db/migrations';
import { bootstrap } from '@/lib/setup/bootstrap';

/** `thalamus setup`: what `npm start` runs before serving. Safe to run any number of times. */
export async function setupCommand(_argv: string[]): Promise<number> {
  const target = databaseTarget();
  const applied = await applyMigrations(target);
  if (applied.length) console.log(`Applied ${applied.length} migration(s) on ${target.provider}`);
  const report = await bootstrap(await getDb());
  for (const line of report.created) console.log(`Created ${line}`);
  if (report.revealed.length) {
    console.log('\n  Store these now: they are shown only this once.');
    for (const { label, value } of report.revealed) console.log(`  ${label}: ${value}`);
    console.log('');
  }
  return 0;
}

import { getDb } from '@/lib/db/client';
import { getBooleanSetting, setBooleanSetting, SETTINGS } from '@/lib/settings/settings';
import { CliError } from '../cli-error';

/** `thalamus settings mfa-required [on|off]`: show or set the installation-wide MFA policy. */
export async function settingsCommand(argv: string[]): Promise<number> {
  const [name, value] = argv;
  if (name !== 'mfa-required') throw new CliError(`Unknown setting "${name ?? ''}"`);
  const db = await getDb();
  if (value === undefined) {
    console.log(`mfa-required: ${(await getBooleanSetting(db, SETTINGS.mfaRequired)) ? 'on' : 'off'}`);
    return 0;
  }
  if (value !== 'on' && value !== 'off') throw new CliError('Use on or off');
  await setBooleanSetting(db, SETTINGS.mfaRequired, value === 'on');
  console.log(`mfa-required: ${value}${value === 'on' ? ' (users without a second factor enroll at their next sign-in)' : ''}`);
  return 0;
}

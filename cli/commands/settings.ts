import { getDb } from '@/lib/db/client';
import { getBooleanSetting, setBooleanSetting, SETTINGS } from '@/lib/settings/settings';
import { CliError } from '../cli-error';
import { command, type CommandGroup } from '../command-spec';

/** `settings <name> [on|off]`: shows an on/off policy, or sets it and says what follows when turned on. */
function onOffSetting(name: string, summary: string, key: string, whenOn: string) {
  return command({
    name,
    summary,
    positionals: [{ name: 'on|off', optional: true, description: 'the new value (without it, the current one is shown)' }],
    async run({ positionals: [value] }) {
      const db = await getDb();
      if (value === undefined) {
        console.log(`${name}: ${(await getBooleanSetting(db, key)) ? 'on' : 'off'}`);
        return 0;
      }
      if (value !== 'on' && value !== 'off') throw new CliError('Use on or off');
      await setBooleanSetting(db, key, value === 'on');
      console.log(`${name}: ${value}${value === 'on' ? ` (${whenOn})` : ''}`);
      return 0;
    },
  });
}

/** `thalamus settings mfa-required|admin-passkeys [on|off]`: show or set the installation-wide sign-in policies. */
export const settingsCommands: CommandGroup = {
  name: 'settings',
  summary: 'installation-wide settings',
  subcommands: [
    onOffSetting(
      'mfa-required',
      'show or set whether every user must use two-step verification',
      SETTINGS.mfaRequired,
      'users without a second factor enroll at their next sign-in',
    ),
    onOffSetting(
      'admin-passkeys',
      'show or set whether administrators must sign in to the console with a passkey',
      SETTINGS.adminPasskeysRequired,
      'administrators without a passkey add one on /account before they can sign in to the console',
    ),
  ],
};

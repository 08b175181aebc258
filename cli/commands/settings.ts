import { getDb } from '@/lib/db/client';
import { getBooleanSetting, setBooleanSetting, SETTINGS } from '@/lib/settings/settings';
import { CliError } from '../cli-error';
import { command, type CommandGroup } from '../command-spec';

const mfaRequired = command({
  name: 'mfa-required',
  summary: 'show or set whether every user must use two-step verification',
  positionals: [{ name: 'on|off', optional: true, description: 'the new value (without it, the current one is shown)' }],
  async run({ positionals: [value] }) {
    const db = await getDb();
    if (value === undefined) {
      console.log(`mfa-required: ${(await getBooleanSetting(db, SETTINGS.mfaRequired)) ? 'on' : 'off'}`);
      return 0;
    }
    if (value !== 'on' && value !== 'off') throw new CliError('Use on or off');
    await setBooleanSetting(db, SETTINGS.mfaRequired, value === 'on');
    console.log(`mfa-required: ${value}${value === 'on' ? ' (users without a second factor enroll at their next sign-in)' : ''}`);
    return 0;
  },
});

const adminPasskeys = command({
  name: 'admin-passkeys',
  summary: 'show or set whether administrators must sign in to the console with a passkey',
  positionals: [{ name: 'on|off', optional: true, description: 'the new value (without it, the current one is shown)' }],
  async run({ positionals: [value] }) {
    const db = await getDb();
    if (value === undefined) {
      console.log(`admin-passkeys: ${(await getBooleanSetting(db, SETTINGS.adminPasskeysRequired)) ? 'on' : 'off'}`);
      return 0;
    }
    if (value !== 'on' && value !== 'off') throw new CliError('Use on or off');
    await setBooleanSetting(db, SETTINGS.adminPasskeysRequired, value === 'on');
    console.log(`admin-passkeys: ${value}${value === 'on' ? ' (administrators without a passkey add one on /account before they can sign in to the console)' : ''}`);
    return 0;
  },
});

/** `thalamus settings mfa-required|admin-passkeys [on|off]`: show or set the installation-wide sign-in policies. */
export const settingsCommands: CommandGroup = {
  name: 'settings',
  summary: 'installation-wide settings',
  subcommands: [mfaRequired, adminPasskeys],
};

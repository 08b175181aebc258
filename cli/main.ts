import { closeDb } from '@/lib/db/client';
import { settleMailDeliveries } from '@/lib/mail/mail-queue';
import { logToStderr } from '@/lib/log/logger';
import { dbCommands } from './commands/db';
import { setupCommand } from './commands/setup';
import { clientsCommands } from './commands/clients';
import { resourcesCommands } from './commands/resources';
import { personCommands } from './commands/create-person';
import { settingsCommands } from './commands/settings';
import { apiKeysCommands } from './commands/api-keys';
import { keysCommands } from './commands/keys';
import { applyCommand, exportCommand } from './commands/config-as-code';
import { CliError } from './cli-error';
import { asksForHelp, isGroup, parseCommand, type CommandEntry, type CommandGroup, type CommandSpec } from './command-spec';
import { commandHelp, groupHelp, overview } from './command-help';

/** Every command, in the order `thalamus --help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  setupCommand,
  dbCommands,
  personCommands('admins'),
  personCommands('users'),
  clientsCommands,
  resourcesCommands,
  exportCommand,
  applyCommand,
  apiKeysCommands,
  keysCommands,
  settingsCommands,
];

const USAGE = overview(COMMANDS);

export async function main(argv: string[]): Promise<number> {
  logToStderr();
  let usage = USAGE;
  try {
    const [word, ...rest] = argv;
    if (word === undefined) {
      console.log(USAGE);
      return 1;
    }
    if (word === 'help' || word === '--help' || word === '-h') {
      console.log(rest.length ? find(rest).help : USAGE);
      return 0;
    }
    const target = find(argv);
    usage = target.help;
    if (asksForHelp(target.args)) {
      console.log(target.help);
      return 0;
    }
    if (!target.command) throw new CliError(`\`${target.path}\` needs a subcommand. ${subcommandList(target.group!)}`);
    return await target.command.run(parseCommand(target.command, target.args, target.path));
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`thalamus: ${error.message}`);
      if (error.showUsage) console.error(`\n${error.usage ?? usage}`);
      return 2;
    }
    console.error(`thalamus: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    // A command that sent mail lets its delivery attempts finish before the database closes.
    await settleMailDeliveries();
    await closeDb();
  }
}

interface Target {
  /** `thalamus api-keys create` */
  path: string;
  /** Undefined for a group named without a subcommand (`thalamus api-keys`, `thalamus api-keys --help`). */
  command?: CommandSpec;
  group?: CommandGroup;
  args: string[];
  help: string;
}

/** The command the words name; an unknown word lists the valid ones. */
function find(words: string[]): Target {
  const [word, sub, ...rest] = words;
  const entry = COMMANDS.find((e) => e.name === word);
  if (!entry) throw new CliError(`Unknown command '${word}'. Commands: ${COMMANDS.map((e) => e.name).join(', ')}.`);
  const path = `thalamus ${entry.name}`;
  if (!isGroup(entry)) return { path, command: entry, args: words.slice(1), help: commandHelp(path, entry) };
  const help = groupHelp(path, entry);
  if (sub === undefined || sub === '--help' || sub === '-h') return { path, group: entry, args: words.slice(1), help };
  const command = entry.subcommands.find((s) => s.name === sub);
  if (!command) throw new CliError(`Unknown subcommand '${sub}' for \`${path}\`. ${subcommandList(entry)}`, true, help);
  return { path: `${path} ${command.name}`, command, args: rest, help: commandHelp(`${path} ${command.name}`, command) };
}

function subcommandList(group: CommandGroup): string {
  return `Subcommands: ${group.subcommands.map((s) => s.name).join(', ')}.`;
}

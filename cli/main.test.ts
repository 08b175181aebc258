import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COMMANDS, main } from './main';
import { isGroup, type CommandSpec } from './command-spec';

/** Every runnable command with the words that name it: ['api-keys', 'create'], ['setup']. */
const RUNNABLE: [string[], CommandSpec][] = COMMANDS.flatMap((entry) =>
  isGroup(entry) ? entry.subcommands.map((sub): [string[], CommandSpec] => [[entry.name, sub.name], sub]) : [[[entry.name], entry]],
);

let stdout: string;
let stderr: string;

beforeEach(() => {
  stdout = '';
  stderr = '';
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void (stdout += `${args.join(' ')}\n`));
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void (stderr += `${args.join(' ')}\n`));
});
afterEach(() => vi.restoreAllMocks());

describe('thalamus <command> --help', () => {
  it.each(RUNNABLE.map(([words, spec]) => [words.join(' '), words, spec] as const))('%s --help prints its usage and every option on stdout', async (_, words, spec) => {
    for (const flag of ['--help', '-h']) {
      stdout = '';
      expect(await main([...words, flag])).toBe(0);
      expect(stdout).toContain(`Usage: thalamus ${words.join(' ')}`);
      for (const option of Object.keys(spec.options ?? {})) expect(stdout).toMatch(new RegExp(`--${option}\\b`));
      for (const positional of spec.positionals ?? []) expect(stdout).toContain(positional.name);
      expect(stdout).toContain('-h, --help');
    }
    expect(stderr).toBe('');
  });

  it('thalamus help <command> prints the same as <command> --help', async () => {
    expect(await main(['clients', 'create', '--help'])).toBe(0);
    const viaFlag = stdout;
    stdout = '';
    expect(await main(['help', 'clients', 'create'])).toBe(0);
    expect(stdout).toBe(viaFlag);
    expect(viaFlag).toContain('--data <JSON|@file>');
  });

  it('--help wins over other arguments, even unknown ones', async () => {
    expect(await main(['api-keys', 'create', '--nme', 'x', '--help'])).toBe(0);
    expect(stdout).toContain('Usage: thalamus api-keys create --name <N> --scopes <S,…> [options]');
    expect(stderr).toBe('');
  });

  it('a group lists its subcommands', async () => {
    expect(await main(['api-keys', '--help'])).toBe(0);
    expect(stdout).toMatch(/Subcommands:\n {2}create --name <N> --scopes <S,…> \[options\]\n.*\n {2}list +.*\n {2}revoke <id> +/);
  });

  it('the top-level usage lists every command, generated from the same descriptions', async () => {
    expect(await main(['--help'])).toBe(0);
    for (const [words, spec] of RUNNABLE) {
      expect(stdout).toContain(`  ${words.join(' ')}`);
      expect(stdout).toContain(spec.summary);
    }
    expect(stdout).toContain('`thalamus <command> --help`');
  });
});

describe('usage errors', () => {
  it('an unknown option names the valid ones, on stderr, exit 2', async () => {
    expect(await main(['api-keys', 'create', '--nme', 'x'])).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      "Unknown option '--nme' for `thalamus api-keys create`. Options: --name, --scopes, --description, --expires-at, --allowed-grant-types, " +
        '--allowed-scopes, --allowed-redirect-hosts, --organization, --max-clients, --writes-per-minute, --json, --help.',
    );
  });

  it('the option that was not the first one is named, with = too', async () => {
    expect(await main(['keys', 'list', '--json', '--format=table'])).toBe(2);
    expect(stderr).toContain("Unknown option '--format' for `thalamus keys list`. Options: --json, --help.");
  });

  it('a command without options says so', async () => {
    expect(await main(['db', 'migrate', '--dry-run'])).toBe(2);
    expect(stderr).toContain("Unknown option '--dry-run' for `thalamus db migrate`. It takes no options (only --help).");
  });

  it('an unknown subcommand lists the valid ones', async () => {
    expect(await main(['clients', 'delete'])).toBe(2);
    expect(stderr).toContain("Unknown subcommand 'delete' for `thalamus clients`. Subcommands: create, rotate-secret.");
    expect(stderr).toContain('Usage: thalamus clients <subcommand>');
  });

  it('a group without a subcommand lists them', async () => {
    expect(await main(['keys'])).toBe(2);
    expect(stderr).toContain('`thalamus keys` needs a subcommand. Subcommands: rotate, list.');
  });

  it('an unknown command lists the commands', async () => {
    expect(await main(['apikeys'])).toBe(2);
    expect(stderr).toContain("Unknown command 'apikeys'. Commands: setup, db, admins, users, clients, resources, export, apply, api-keys, keys, settings.");
  });

  it('a missing value and a positional too many name the command', async () => {
    expect(await main(['users', 'create', '--email'])).toBe(2);
    expect(stderr).toContain("Option '--email <value>' argument missing (`thalamus users create`");
    stderr = '';
    expect(await main(['clients', 'rotate-secret', 'client_a', 'client_b'])).toBe(2);
    expect(stderr).toContain("Unexpected argument 'client_b' for `thalamus clients rotate-secret`: it takes <client_id>");
  });

  it('a check inside the command prints its help after the message', async () => {
    expect(await main(['admins', 'create', '--email', 'ops@example.test', '--role', 'user'])).toBe(2);
    expect(stderr).toContain('thalamus: --role must be admin or super_admin\n\nUsage: thalamus admins create --email <E> [options]');
  });
});

import { describe, expect, it } from 'vitest';
import { COMMANDS } from './main';
import { asksForHelp, isGroup, parseCommand, type CommandSpec } from './command-spec';
import { CliError } from './cli-error';

function spec(group: string, name: string): CommandSpec {
  const entry = COMMANDS.find((e) => e.name === group);
  const found = entry && isGroup(entry) ? entry.subcommands.find((s) => s.name === name) : undefined;
  if (!found) throw new Error(`no command ${group} ${name}`);
  return found;
}

describe('parseCommand', () => {
  it('parses every flag scripts and tests pass to api-keys create, guardrails included', () => {
    const { values, positionals } = parseCommand(
      spec('api-keys', 'create'),
      [
        '--name',
        'billing',
        '--scopes',
        'clients:read,clients:write',
        '--description',
        'Billing service',
        '--expires-at',
        '2030-01-01T00:00:00Z',
        '--allowed-grant-types',
        'client_credentials',
        '--allowed-scopes',
        'openid,email',
        '--allowed-redirect-hosts',
        '*.corp.example',
        '--organization',
        'org_default',
        '--max-clients',
        '3',
        '--writes-per-minute=5',
        '--json',
      ],
      'thalamus api-keys create',
    );
    expect({ ...values }).toEqual({
      name: 'billing',
      scopes: 'clients:read,clients:write',
      description: 'Billing service',
      'expires-at': '2030-01-01T00:00:00Z',
      'allowed-grant-types': 'client_credentials',
      'allowed-scopes': 'openid,email',
      'allowed-redirect-hosts': '*.corp.example',
      organization: 'org_default',
      'max-clients': '3',
      'writes-per-minute': '5',
      json: true,
    });
    expect(positionals).toEqual([]);
  });

  it('applies defaults: booleans off, the role of the kind of person', () => {
    expect({ ...parseCommand(spec('users', 'create'), ['--email', 'ada@example.test'], 'thalamus users create').values }).toEqual({
      email: 'ada@example.test',
      invite: false,
      role: 'user',
      verified: false,
      'require-mfa': false,
      json: false,
    });
    expect(parseCommand(spec('admins', 'create'), ['--email', 'ops@example.test'], 'thalamus admins create').values.role).toBe('admin');
  });

  it('takes positionals where the command declares them, in any order with options', () => {
    const { values, positionals } = parseCommand(spec('clients', 'rotate-secret'), ['--previous-secret-expires-in', '8', 'client_abc'], 'thalamus clients rotate-secret');
    expect(positionals).toEqual(['client_abc']);
    expect(values['previous-secret-expires-in']).toBe('8');
    expect(parseCommand(spec('settings', 'mfa-required'), [], 'thalamus settings mfa-required').positionals).toEqual([]);
  });

  it('throws a usage error (exit 2) for an unknown option, a missing value, a stray positional', () => {
    const create = spec('api-keys', 'create');
    for (const args of [['--nme', 'x'], ['--name'], ['--json=yes'], ['stray']]) {
      expect(() => parseCommand(create, args, 'thalamus api-keys create')).toThrow(CliError);
    }
    expect(() => parseCommand(create, ['-x'], 'thalamus api-keys create')).toThrow("Unknown option '-x' for `thalamus api-keys create`.");
  });
});

describe('asksForHelp', () => {
  it('finds --help and -h, not in option values or after --', () => {
    expect(asksForHelp(['--help'])).toBe(true);
    expect(asksForHelp(['--name', 'x', '-h'])).toBe(true);
    expect(asksForHelp(['--name=--help'])).toBe(false);
    expect(asksForHelp(['--', '--help'])).toBe(false);
    expect(asksForHelp(['--helpful'])).toBe(false);
  });
});

import { parseArgs } from 'node:util';
import { CliError } from './cli-error';

/**
 * Every command of the CLI is described once, declaratively: its words, a one-line
 * summary, its options and positionals, each with a one-line description. The
 * `parseArgs` configuration and every help text (cli/command-help.ts, the top-level
 * usage included) are generated from these descriptions, so they cannot drift apart.
 */

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  default?: string | boolean;
  description: string;
  /** Placeholder for a string option's value in help texts: `--name <N>`. */
  value?: string;
  /** Shown without brackets in the usage line; the command itself says what is missing. */
  required?: boolean;
}

export type OptionSpecs = Record<string, OptionSpec>;

export interface PositionalSpec {
  name: string;
  description: string;
  optional?: boolean;
}

/** What `parseArgs` returns for these options: typed values (defaults applied) and positionals. */
export type ParsedCommand<O extends OptionSpecs> = ReturnType<typeof parseArgs<{ options: O; strict: true; allowPositionals: true }>>;

export interface CommandSpec<O extends OptionSpecs = OptionSpecs> {
  /** The word after the group's: `create` in `thalamus api-keys create`. */
  name: string;
  summary: string;
  options?: O;
  positionals?: PositionalSpec[];
  /** Further paragraphs for `--help`. */
  notes?: string[];
  run(input: ParsedCommand<O>): Promise<number>;
}

/** `thalamus api-keys …`: a word that only groups subcommands. */
export interface CommandGroup {
  name: string;
  summary: string;
  subcommands: CommandSpec[];
}

/** A top-level word: a command of its own (`setup`) or a group (`db`, `api-keys`). */
export type CommandEntry = CommandSpec | CommandGroup;

/** Declares a command; the `const` parameter keeps option types literal so `run` gets typed values. */
export function command<const O extends OptionSpecs = Record<never, OptionSpec>>(spec: CommandSpec<O>): CommandSpec {
  return spec as unknown as CommandSpec;
}

export function isGroup(entry: CommandEntry): entry is CommandGroup {
  return 'subcommands' in entry;
}

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

/** `--help` or `-h` anywhere among the arguments (before a `--`). */
export function asksForHelp(args: readonly string[]): boolean {
  return lenientTokens(args, {}).some((t) => t.kind === 'option' && t.name === 'help');
}

/**
 * Parses a command's arguments. An unknown option names the valid ones; a missing or
 * misplaced value, or a positional too many, names the command (all usage errors, exit 2).
 */
export function parseCommand(spec: CommandSpec, args: readonly string[], path: string): ParsedCommand<OptionSpecs> {
  const options = spec.options ?? {};
  const unknown = lenientTokens(args, options).find((t) => t.kind === 'option' && !Object.hasOwn(options, t.name));
  if (unknown?.kind === 'option') throw new CliError(`Unknown option '${unknown.rawName}' for \`${path}\`. ${optionList(spec)}`, false);
  const positionals = spec.positionals ?? [];
  let parsed: ParsedCommand<OptionSpecs>;
  try {
    parsed = parseArgs({ args: [...args], options: parseArgsOptions(options), strict: true, allowPositionals: positionals.length > 0 });
  } catch (error) {
    if (isParseArgsError(error)) throw new CliError(`${error.message} (\`${path}\`, see \`${path} --help\`)`, false);
    throw error;
  }
  const extra = parsed.positionals[positionals.length];
  if (extra !== undefined) throw new CliError(`Unexpected argument '${extra}' for \`${path}\`: it takes ${positionals.map((p) => `<${p.name}>`).join(' ')}`, false);
  return parsed;
}

function optionList(spec: CommandSpec): string {
  const names = Object.keys(spec.options ?? {}).map((name) => `--${name}`);
  return names.length ? `Options: ${[...names, '--help'].join(', ')}.` : 'It takes no options (only --help).';
}

/** The `parseArgs` part of each option: its type, short name and default, nothing for help texts. */
function parseArgsOptions(options: OptionSpecs) {
  return Object.fromEntries(
    Object.entries(options).map(([name, { type, short, default: fallback }]) => [
      name,
      // parseArgs rejects keys that are present but undefined
      { type, ...(short === undefined ? {} : { short }), ...(fallback === undefined ? {} : { default: fallback }) },
    ]),
  );
}

/** Tokens without validation, to find `--help` and unknown options before the strict parse. */
function lenientTokens(args: readonly string[], options: OptionSpecs) {
  return parseArgs({ args: [...args], options: { ...parseArgsOptions(options), ...HELP_OPTION }, strict: false, allowPositionals: true, tokens: true }).tokens;
}

function isParseArgsError(error: unknown): error is Error & { code: string } {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

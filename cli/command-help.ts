import { isGroup, type CommandEntry, type CommandGroup, type CommandSpec, type OptionSpec } from './command-spec';

/** Help texts, all generated from the command descriptions (cli/command-spec.ts). */

const COLUMN = 32;

/** `--name <N> --scopes <S,…> <client_id> [options]`: required options, positionals, then the rest. */
export function signature(spec: CommandSpec): string {
  const options = Object.entries(spec.options ?? {});
  const required = options.filter(([, option]) => option.required).map(([name, option]) => optionName(name, option));
  const optional = options.some(([, option]) => !option.required) ? ['[options]'] : [];
  const positionals = (spec.positionals ?? []).map((p) => (p.optional ? `[${p.name}]` : `<${p.name}>`));
  return [...required, ...positionals, ...optional].join(' ');
}

/** `thalamus api-keys create --help`. */
export function commandHelp(path: string, spec: CommandSpec): string {
  const lines = [`Usage: ${[path, signature(spec)].filter(Boolean).join(' ')}`, '', sentence(spec.summary)];
  if (spec.positionals?.length) {
    lines.push('', 'Arguments:');
    for (const p of spec.positionals) lines.push(row(p.optional ? `[${p.name}]` : `<${p.name}>`, p.description));
  }
  lines.push('', 'Options:');
  for (const [name, option] of Object.entries(spec.options ?? {})) lines.push(row(optionName(name, option), describeOption(option)));
  lines.push(row('-h, --help', 'show this help'));
  for (const note of spec.notes ?? []) lines.push('', note);
  return lines.join('\n');
}

/** `thalamus api-keys --help`: the subcommands, one line each. */
export function groupHelp(path: string, group: CommandGroup): string {
  return [
    `Usage: ${path} <subcommand> [options]`,
    '',
    sentence(group.summary),
    '',
    'Subcommands:',
    ...group.subcommands.map((sub) => row([sub.name, signature(sub)].filter(Boolean).join(' '), sub.summary)),
    '',
    `\`${path} <subcommand> --help\` shows a subcommand's options.`,
  ].join('\n');
}

/** `thalamus --help`: every command, one line each. */
export function overview(entries: readonly CommandEntry[]): string {
  const rows = entries.flatMap((entry) =>
    isGroup(entry)
      ? entry.subcommands.map((sub) => row([entry.name, sub.name, signature(sub)].filter(Boolean).join(' '), sub.summary))
      : [row([entry.name, signature(entry)].filter(Boolean).join(' '), entry.summary)],
  );
  return [
    'Usage: thalamus <command> [options]',
    '',
    'Commands:',
    ...rows,
    '',
    "`thalamus <command> --help` (or `thalamus help <command>`) shows a command's options.",
    'Environment: DATABASE_URL (default file:./data/thalamus.db), APP_URL, see .env.example.',
  ].join('\n');
}

/** Summaries are list items (`create an admin API key`); atop a help page they read as a sentence. */
function sentence(summary: string): string {
  return `${summary.charAt(0).toUpperCase()}${summary.slice(1)}.`;
}

function optionName(name: string, option: OptionSpec): string {
  const flag = option.short ? `-${option.short}, --${name}` : `--${name}`;
  return option.type === 'string' ? `${flag} <${option.value ?? 'value'}>` : flag;
}

function describeOption(option: OptionSpec): string {
  const fallback = option.type === 'string' && option.default !== undefined ? ` (default: ${String(option.default)})` : '';
  return `${option.description}${option.required ? ' (required)' : ''}${fallback}`;
}

/** Two columns; a long left side puts the description on the next line. */
function row(left: string, description: string): string {
  const indent = ' '.repeat(COLUMN + 2);
  return left.length < COLUMN ? `  ${left.padEnd(COLUMN)}${description}` : `  ${left}\n${indent}${description}`;
}

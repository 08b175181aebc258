import { getDb } from '@/lib/db/client';
import { KEY_RELOAD_INTERVAL_SECONDS, SIGNING_ALGS, type SigningAlg } from '@/lib/keys/keys';
import { listKeys, rotateKeys, type RotationReport } from '@/lib/keys/rotate-keys';
import { CliError } from '../cli-error';
import { command, type CommandGroup } from '../command-spec';

const rotate = command({
  name: 'rotate',
  summary: 'new signing keys sign from now on; the previous ones only verify, then are dropped',
  options: {
    cookies: { type: 'boolean', default: false, description: 'rotate the cookie key instead: existing sessions keep working for --retain-seconds' },
    alg: { type: 'string', value: 'ALG,…', description: `signing algorithms of the new keys (default: ${SIGNING_ALGS.join(',')})` },
    'retain-seconds': {
      type: 'string',
      value: 'N',
      description: 'how long retired keys stay accepted (default: the longest token lifetime + 5 min; the session lifetime for --cookies)',
    },
    json: { type: 'boolean', default: false, description: 'print the rotation report as JSON' },
  },
  notes: ['Retired signing keys stay in /oauth/jwks (verify only) for --retain-seconds, so tokens signed before the rotation still verify.'],
  async run({ values }) {
    if (values.cookies && values.alg) throw new CliError('--alg applies to signing keys; leave it out with --cookies');
    const report = await rotateKeys(await getDb(), {
      use: values.cookies ? 'cookie' : 'signing',
      algs: values.alg === undefined ? undefined : parseAlgs(values.alg),
      retainSeconds: values['retain-seconds'] === undefined ? undefined : parseSeconds(values['retain-seconds']),
    });
    if (values.json) console.log(JSON.stringify(report));
    else console.log(describe(report));
    return 0;
  },
});

const list = command({
  name: 'list',
  summary: 'key IDs, algorithms and states (never key material)',
  options: { json: { type: 'boolean', default: false, description: 'print the keys as JSON' } },
  async run({ values }) {
    const keys = await listKeys(await getDb());
    if (values.json) console.log(JSON.stringify(keys));
    else
      for (const k of keys)
        console.log(`${k.use.padEnd(8)} ${k.alg.padEnd(6)} ${k.status.padEnd(7)} ${k.kid}  created ${k.created_at}${k.retired_at ? `, retired ${k.retired_at}` : ''}`);
    return 0;
  },
});

/**
 * `thalamus keys rotate [--cookies] [--alg ES256,RS256] [--retain-seconds N] [--json]`
 * and `thalamus keys list [--json]`. Prints key IDs and dates only, never key material.
 */
export const keysCommands: CommandGroup = {
  name: 'keys',
  summary: 'signing and cookie keys',
  subcommands: [rotate, list],
};

function parseAlgs(raw: string): SigningAlg[] {
  const algs = raw
    .split(',')
    .map((a) => a.trim().toUpperCase())
    .filter(Boolean);
  const unknown = algs.filter((a) => !(SIGNING_ALGS as readonly string[]).includes(a));
  if (!algs.length || unknown.length) throw new CliError(`--alg must be a comma-separated list of ${SIGNING_ALGS.join(', ')}; got "${raw}"`);
  return [...new Set(algs)] as SigningAlg[];
}

function parseSeconds(raw: string): number {
  if (!/^\d{1,9}$/.test(raw.trim())) throw new CliError(`--retain-seconds must be a whole number of seconds (0 or more); got "${raw}"`);
  return Number(raw);
}

function describe(report: RotationReport): string {
  const what = report.use === 'signing' ? 'signing keys' : 'cookie keys';
  const lines = [`Rotated ${what}.`];
  for (const k of report.activated) lines.push(`  active   ${k.alg.padEnd(6)} ${k.kid}  (new: signs from now on)`);
  const until = report.retainedUntil.toISOString();
  const verifies = report.use === 'signing' ? 'still published in /oauth/jwks for verification' : 'still accepted for existing sessions';
  for (const k of report.retired) lines.push(`  retired  ${k.alg.padEnd(6)} ${k.kid}  (${verifies} until at least ${until})`);
  for (const k of report.dropped) lines.push(`  dropped  ${k.alg.padEnd(6)} ${k.kid}  (retired more than ${report.retainSeconds} s ago: no longer accepted)`);
  lines.push(`Running servers switch to the new keys within ${KEY_RELOAD_INTERVAL_SECONDS} seconds; no restart needed.`);
  return lines.join('\n');
}

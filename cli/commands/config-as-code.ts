import { readFileSync } from 'node:fs';
import { getDb } from '@/lib/db/client';
import { CLI_ACTOR } from '@/lib/audit/record-audit';
import { OPERATOR_ACCESS } from '@/lib/clients/client-access';
import { ENTITY_KINDS } from '@/lib/config-as-code/document-schema';
import { documentText, exportConfig, parseOnly } from '@/lib/config-as-code/export-config';
import { applyConfig } from '@/lib/config-as-code/apply-config';
import { formatPlan } from '@/lib/config-as-code/format-plan';
import { CliError } from '../cli-error';
import { command } from '../command-spec';
import { withFieldErrors } from '../json-input';

/** `thalamus export [--only …] > thalamus.json`: the configuration as code, without secrets. */
export const exportCommand = command({
  name: 'export',
  summary: 'print the organizations, scopes, APIs and clients as a JSON document (never secrets)',
  options: {
    only: { type: 'string', value: 'KIND,…', description: `export only these lists: ${ENTITY_KINDS.join(', ')}` },
  },
  notes: ['The same configuration always exports to the same bytes, so the file diffs well in version control. Apply it with `thalamus apply`.'],
  async run({ values }) {
    const only = parseOnly(values.only);
    if (!Array.isArray(only)) throw new CliError(`--only: unknown list '${only.unknown}'; use ${ENTITY_KINDS.join(', ')}`);
    process.stdout.write(documentText(await exportConfig(await getDb(), only)));
    return 0;
  },
});

/** `thalamus apply thalamus.json [--dry-run] [--prune]`: the plan, then (unless a dry run) the change in one transaction. */
export const applyCommand = command({
  name: 'apply',
  summary: 'make the installation match a document from `thalamus export`: prints the plan, then applies it',
  positionals: [{ name: 'file', description: 'the document (JSON), or - to read it from standard input' }],
  options: {
    'dry-run': { type: 'boolean', default: false, description: 'print what would change and change nothing' },
    prune: { type: 'boolean', default: false, description: 'delete what the document’s lists leave out (never default clients, built-in scopes or the default organization)' },
    json: { type: 'boolean', default: false, description: 'print the result as JSON: changes, skipped, applied, secrets' },
  },
  notes: [
    'All changes commit in one transaction, or none do. New confidential clients print their secret once.',
    'A list the document leaves out is not touched. Applying the same document again changes nothing.',
  ],
  async run({ values, positionals: [file] }) {
    if (!file) throw new CliError('Name the document to apply (or - for standard input)');
    const document = readDocument(file);
    const result = await withFieldErrors(async () => applyConfig(await getDb(), document, CLI_ACTOR, OPERATOR_ACCESS, { dryRun: values['dry-run'], prune: values.prune }));
    if (values.json) {
      console.log(JSON.stringify(result, null, 2));
      return 0;
    }
    console.log(formatPlan(result));
    if (values['dry-run']) console.log('Dry run: nothing was changed.');
    else if (result.applied) console.log('Applied.');
    const secrets = Object.entries(result.secrets);
    if (secrets.length) {
      console.log('\n  Store these now: they are shown only this once.');
      for (const [clientId, secret] of secrets) console.log(`  client_secret of ${clientId}: ${secret}`);
    }
    return 0;
  },
});

function readDocument(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${(error as Error).message}`, false);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file} is not valid JSON: ${(error as Error).message}`, false);
  }
}

import { readFileSync } from 'node:fs';
import { ServiceError } from '@/lib/errors/service-error';
import { CliError } from './cli-error';

/**
 * The body of a `--data` option: JSON given inline or, with a leading `@`, read from a
 * file, exactly what the matching admin API endpoint takes. `what` names it in errors.
 */
export function readJsonData(data: string | undefined, what: string): unknown {
  if (!data) throw new CliError(`--data is required: ${what} as JSON, or @path/to/file.json`);
  const text = data.startsWith('@') ? readFileSync(data.slice(1), 'utf8') : data;
  try {
    return JSON.parse(text);
  } catch {
    throw new CliError('--data is not valid JSON', false);
  }
}

/** Runs a service call; a refusal becomes the CLI's error, one line per field to fix. */
export async function withFieldErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ServiceError) throw new CliError([error.message, ...error.fields.map((f) => `  ${f.path}: ${f.message}`)].join('\n'), false);
    throw error;
  }
}

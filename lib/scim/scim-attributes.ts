import { ScimError } from './scim-error';
import { isRecord } from './read-scim-body';

/**
 * A SCIM resource's top-level attributes with their names as the schema spells them.
 * Attribute names are case-insensitive (RFC 7643 §2.1): `USERNAME` is `userName`. A name
 * that belongs to no schema the request declares is refused (400 invalidSyntax, naming
 * it) rather than dropped, so a connector learns of a mapping that goes nowhere.
 */
export function canonicalAttributes(body: Record<string, unknown>, known: readonly string[], extensions: readonly string[] = []): Record<string, unknown> {
  const byLower = new Map([...known, ...extensions].map((name) => [name.toLowerCase(), name]));
  const result: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    const name = byLower.get(key.toLowerCase());
    if (name) result[name] = value;
    else unknown.push(key);
  }
  if (unknown.length) throw new ScimError(400, `Unknown attribute${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`, 'invalidSyntax');
  return result;
}

/** The `schemas` a request declares (RFC 7643 §3): must include the resource's core schema. */
export function checkSchemas(value: unknown, core: string, allowed: readonly string[]): void {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw new ScimError(400, `schemas must be a list that includes "${core}"`, 'invalidSyntax');
  if (!value.includes(core)) throw new ScimError(400, `schemas must include "${core}"`, 'invalidSyntax');
  const unknown = value.filter((item) => item !== core && !allowed.includes(item));
  if (unknown.length) throw new ScimError(400, `Unsupported schema: ${unknown.join(', ')}`, 'invalidSyntax');
}

/** A string attribute, trimmed; `undefined` when absent or null. */
export function optionalString(value: unknown, name: string, max: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ScimError(400, `${name} must be a string`, 'invalidValue');
  const trimmed = value.trim();
  if (trimmed.length > max) throw new ScimError(400, `${name} must be at most ${max} characters`, 'invalidValue');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(trimmed)) throw new ScimError(400, `${name} contains control or text-direction characters`, 'invalidValue');
  return trimmed;
}

/** A boolean; `"True"`/`"False"` strings as Entra ID's PATCH sends them are read too. */
export function optionalBoolean(value: unknown, name: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw new ScimError(400, `${name} must be true or false`, 'invalidValue');
}

export function optionalRecord(value: unknown, name: string): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) throw new ScimError(400, `${name} must be an object`, 'invalidValue');
  return value;
}

export function optionalList(value: unknown, name: string): unknown[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new ScimError(400, `${name} must be a list`, 'invalidValue');
  return value;
}

import { BUILTIN_SCOPES } from './builtin-scopes';

/** Plain-words descriptions for the consent page; unknown scopes are shown by name. */
export function describeScopes(scopes: Iterable<string>): { name: string; description: string }[] {
  const known = new Map<string, string>(BUILTIN_SCOPES.map((s) => [s.name, s.description]));
  return [...scopes].map((name) => ({ name, description: known.get(name) ?? `Use the "${name}" permission` }));
}

/**
 * Why a client may not carry a scope the registry does not know, in the words saving uses
 * (known-scopes.ts) and the console form shows as the scope is added.
 */
export function unknownScopeMessage(scope: string): string {
  return `Unknown scope "${scope}": create it under OAuth Scopes first`;
}

import { DIRECTORY_SYNC_SCOPES } from '@/lib/scopes/builtin-scopes';
import { ServiceError, type FieldProblem } from '@/lib/errors/service-error';
import { clientFieldsSchema, type ClientCreateInput } from './client-schema';

/**
 * A Sync Connector Client is what an LDAP/Active Directory synchronization agent
 * needs: a confidential machine client with the client credentials grant and the
 * directory scopes. The caller only names it. The preset is applied where a client is
 * created (createClient), so the console, the admin API and the CLI make the same client
 * of the same request.
 */
export const SYNC_CONNECTOR_PRESET = {
  application_type: 'web',
  grant_types: ['client_credentials'],
  redirect_uris: [],
  post_logout_redirect_uris: [],
  scopes: [...DIRECTORY_SYNC_SCOPES],
  require_consent: false,
} satisfies Partial<ClientCreateInput>;

type PresetField = keyof typeof SYNC_CONNECTOR_PRESET;

/** What each preset field means, for the message of a request that contradicts it. */
const PRESET_WORDS: Record<PresetField, string> = {
  application_type: 'is a web application',
  grant_types: 'uses the client_credentials grant only',
  redirect_uris: 'has no redirect URIs',
  post_logout_redirect_uris: 'has no sign-out redirect URIs',
  scopes: `has the directory scopes (${DIRECTORY_SYNC_SCOPES.join(', ')})`,
  require_consent: 'asks no user for consent',
};

/** The console's "Sync Connector Client": a name and a description, the preset does the rest. */
export function syncConnectorClient(name: string, description = ''): Pick<ClientCreateInput, 'name' | 'description' | 'client_type'> {
  return { name, description, client_type: 'sync_connector' };
}

/**
 * A new client's input with the preset of its client type filled in. Fields the caller
 * leaves out take the preset's values; a field sent with the preset's value is fine; one
 * sent with another value is refused (400 naming every such field) rather than quietly
 * overridden, so the caller learns that it asked for something else than a Sync
 * Connector. A field whose value is malformed is left to the client schema, which names
 * the problem. Custom clients are returned as they came.
 */
export function withClientTypePreset(input: unknown): unknown {
  if (!isRecord(input) || input.client_type !== 'sync_connector') return input;
  const problems = contradictions(input);
  if (problems.length) throw new ServiceError('invalid_request', 'The request contradicts the Sync Connector Client preset', problems);
  return { ...SYNC_CONNECTOR_PRESET, ...input };
}

function contradictions(input: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of Object.keys(SYNC_CONNECTOR_PRESET) as PresetField[]) {
    if (input[field] === undefined) continue;
    const sent = clientFieldsSchema.shape[field].safeParse(input[field]);
    if (sent.success && !samePresetValue(sent.data, SYNC_CONNECTOR_PRESET[field])) {
      problems.push({ path: field, message: `A Sync Connector Client ${PRESET_WORDS[field]}: leave ${field} out, or register a Custom Client` });
    }
  }
  // Client credentials needs a secret (RFC 6749 §4.4); which way it is sent is the caller's choice.
  if (input.token_endpoint_auth_method === 'none') {
    problems.push({ path: 'token_endpoint_auth_method', message: 'A Sync Connector Client is confidential: use client_secret_basic or client_secret_post' });
  }
  return problems;
}

/** Lists are the same in any order. */
function samePresetValue(sent: unknown, preset: unknown): boolean {
  if (Array.isArray(sent) && Array.isArray(preset)) return sent.length === preset.length && preset.every((value) => sent.includes(value));
  return sent === preset;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import { z } from 'zod';
import { GRANT_TYPES } from './client-schema';

/**
 * The client list's facets: grant type, status, public or confidential, organization,
 * owner (the API key that registered a client) and "not used for N days". One
 * definition for the console's filters, GET /api/clients and the benchmark.
 */
export const CLIENT_STATUSES = ['enabled', 'disabled'] as const;
export const CLIENT_KINDS = ['public', 'confidential'] as const;
export const NOT_USED_DAYS = ['30', '90'] as const;
/** `owner=none`: the clients registered in the console or the CLI (and those whose key was revoked). */
export const NO_OWNER = 'none';

export type ClientStatus = (typeof CLIENT_STATUSES)[number];
export type ClientKind = (typeof CLIENT_KINDS)[number];
export type NotUsedDays = (typeof NOT_USED_DAYS)[number];

export const clientFacetFields = {
  grant_type: z
    .enum(GRANT_TYPES, { error: `Use one of ${GRANT_TYPES.join(', ')}` })
    .optional()
    .meta({ description: 'Only clients that may use this grant type' }),
  status: z.enum(CLIENT_STATUSES, { error: 'Use enabled or disabled' }).optional().meta({ description: 'enabled or disabled' }),
  client_kind: z
    .enum(CLIENT_KINDS, { error: 'Use public or confidential' })
    .optional()
    .meta({ description: 'public (token_endpoint_auth_method none) or confidential (every other method)' }),
  organization_id: z.string().min(1).max(64).optional().meta({ description: 'Only clients of this organization' }),
  owner: z.string().min(1).max(64).optional().meta({ description: 'The ID of the API key that registered the clients, or none for clients registered in the console or the CLI' }),
  not_used_days: z
    .enum(NOT_USED_DAYS, { error: 'Use 30 or 90' })
    .optional()
    .meta({ description: 'Only clients that got no token in this many days (30 or 90), never-used ones included' }),
};

export type ClientFacetFilters = { [K in keyof typeof clientFacetFields]?: z.output<(typeof clientFacetFields)[K]> };
export type ClientFacet = keyof ClientFacetFilters;
export const CLIENT_FACETS = Object.keys(clientFacetFields) as ClientFacet[];

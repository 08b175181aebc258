import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/sqlite/client';
import { escapeLike } from '@/lib/db/text-search';
import { GRANT_TYPES, type GrantType } from './client-schema';
import {
  CLIENT_FACETS,
  CLIENT_KINDS,
  CLIENT_STATUSES,
  NO_OWNER,
  NOT_USED_DAYS,
  type ClientFacet,
  type ClientFacetFilters,
  type ClientKind,
  type ClientStatus,
  type NotUsedDays,
} from './client-facet-fields';

// How the list's facets (client-facet-fields.ts) become database conditions and counts.

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * One facet's condition. Grant types are a JSON array in text: `"authorization_code"`
 * with its quotes matches that element and no other (none is a part of another), the
 * same on SQLite and PostgreSQL.
 */
function facetCondition<F extends ClientFacet>(facet: F, value: NonNullable<ClientFacetFilters[F]>, now: Date): Prisma.OAuthClientWhereInput {
  switch (facet) {
    case 'grant_type':
      return { grantTypes: { contains: escapeLike(JSON.stringify(value)) } };
    case 'status':
      return { enabled: value === 'enabled' };
    case 'client_kind':
      return value === 'public' ? { tokenEndpointAuthMethod: 'none' } : { tokenEndpointAuthMethod: { not: 'none' } };
    case 'organization_id':
      return { organizationId: value };
    case 'owner':
      return { ownerApiKeyId: value === NO_OWNER ? null : value };
    default: {
      // Never used, or last used before the cut-off: not among the clients used since
      // (one subquery on the client_usage index, not one per case).
      const cutoff = new Date(now.getTime() - Number(value) * DAY_MS);
      return { NOT: { usage: { is: { lastUsedAt: { gte: cutoff } } } } };
    }
  }
}

/** The conditions of the facets chosen, except `skip` (a facet's own counts ignore its choice). */
export function clientFacetFilter(filters: ClientFacetFilters, now = new Date(), skip?: ClientFacet): Prisma.OAuthClientWhereInput[] {
  return CLIENT_FACETS.flatMap((facet) => {
    const value = filters[facet];
    return value === undefined || facet === skip ? [] : [facetCondition(facet, value as never, now)];
  });
}

/** How many clients each option of each facet would list: `{ status: { enabled: 12, disabled: 3 }, … }`. */
export interface ClientFacetCounts {
  grant_type: Record<GrantType, number>;
  status: Record<ClientStatus, number>;
  client_kind: Record<ClientKind, number>;
  /** Organizations with clients, and the chosen one. */
  organization_id: Record<string, number>;
  /** API key IDs with clients, `none`, and the chosen one. */
  owner: Record<string, number>;
  not_used_days: Record<NotUsedDays, number>;
}

interface Group {
  enabled: boolean;
  tokenEndpointAuthMethod: string;
  organizationId: string;
  ownerApiKeyId: string | null;
  grantTypes: string;
  _count: { _all: number };
}

/** The options a group of clients (one combination of facet values) counts towards. */
function optionsOf(group: Group): { [F in Exclude<ClientFacet, 'not_used_days'>]: string[] } {
  return {
    grant_type: JSON.parse(group.grantTypes) as string[],
    status: [group.enabled ? 'enabled' : 'disabled'],
    client_kind: [group.tokenEndpointAuthMethod === 'none' ? 'public' : 'confidential'],
    organization_id: [group.organizationId],
    owner: [group.ownerApiKeyId ?? NO_OWNER],
  };
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * Standard faceted search: each facet's counts apply the search and every OTHER facet
 * chosen, so an option's count is what the list would show if it were picked instead.
 * One grouped query gives every facet but "not used" (the clients grouped by the values
 * the facets read, a few hundred groups at most in practice); "not used" is two counts.
 */
export async function countClientFacets(db: Db, base: Prisma.OAuthClientWhereInput, filters: ClientFacetFilters, now = new Date()): Promise<ClientFacetCounts> {
  const usage = filters.not_used_days ? [facetCondition('not_used_days', filters.not_used_days, now)] : [];
  const [groups, ...notUsed] = await Promise.all([
    db.oAuthClient.groupBy({
      by: ['enabled', 'tokenEndpointAuthMethod', 'organizationId', 'ownerApiKeyId', 'grantTypes'],
      where: { AND: [base, ...usage] },
      _count: { _all: true },
    }),
    ...NOT_USED_DAYS.map((days) =>
      db.oAuthClient.count({ where: { AND: [base, ...clientFacetFilter(filters, now, 'not_used_days'), facetCondition('not_used_days', days, now)] } }),
    ),
  ]);
  const counts: ClientFacetCounts = {
    grant_type: zeros(GRANT_TYPES),
    status: zeros(CLIENT_STATUSES),
    client_kind: zeros(CLIENT_KINDS),
    organization_id: filters.organization_id ? { [filters.organization_id]: 0 } : {},
    owner: { [NO_OWNER]: 0, ...(filters.owner ? { [filters.owner]: 0 } : {}) },
    not_used_days: Object.fromEntries(NOT_USED_DAYS.map((days, i) => [days, notUsed[i]!])) as Record<NotUsedDays, number>,
  };
  for (const group of groups as Group[]) {
    const options = optionsOf(group);
    const facets = Object.keys(options) as (keyof typeof options)[];
    const fits = (facet: keyof typeof options) => filters[facet] === undefined || options[facet].includes(filters[facet]);
    for (const facet of facets) {
      if (!facets.every((other) => other === facet || fits(other))) continue;
      const tally = counts[facet] as Record<string, number>;
      for (const option of options[facet]) if (facet !== 'grant_type' || option in tally) tally[option] = (tally[option] ?? 0) + group._count._all;
    }
  }
  return counts;
}

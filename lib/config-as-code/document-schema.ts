import { z } from 'zod';
import { clientFieldsSchema, clientIdSchema } from '@/lib/clients/client-schema';
import { clientRulesFor } from '@/lib/clients/default-clients';
import { organizationCreateSchema, organizationIdSchema } from '@/lib/organizations/organization-service';
import { scopeSchema } from '@/lib/scopes/scope-service';
import { resourceSchema } from '@/lib/resources/resource-schema';

/**
 * The one definition of a configuration document (`thalamus export`, `thalamus apply`,
 * POST /api/apply): what an installation's organizations, scopes, APIs and clients are,
 * without secrets, each entity keyed by the name that stays the same from one
 * installation to the next. Every entry is the entity's own schema (the one the console,
 * the admin API and the CLI use), plus its key. A list left out is not managed: apply
 * neither changes nor prunes that kind.
 */
export const DOCUMENT_VERSION = 1;

export const ENTITY_KINDS = ['organizations', 'scopes', 'resources', 'clients'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const documentOrganizationSchema = organizationCreateSchema.extend({ id: organizationIdSchema });

/** A scope of the registry that belongs to no API (OIDC scopes and the OAuth Scopes page's). */
export const documentScopeSchema = scopeSchema;

/** An API, keyed by its identifier (the tokens' audience); its scopes listed with it. */
export const documentResourceSchema = resourceSchema;

/**
 * Response types follow the grants (responseTypesFor) and are not part of the document;
 * `enabled` is. Rules across fields are the same as for any client: the console's
 * redirect URIs follow APP_URL and are not held to the redirect-URI policy.
 */
export const documentClientSchema = clientFieldsSchema
  .omit({ response_types: true })
  .extend({ client_id: clientIdSchema, enabled: z.boolean({ error: 'Use true or false' }).default(true) })
  .superRefine((client, ctx) => {
    const checked = clientRulesFor(client.client_id).safeParse(withoutKey(client));
    if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });

function withoutKey({ client_id: _id, enabled: _enabled, ...fields }: { client_id: string; enabled: boolean } & Record<string, unknown>) {
  return fields;
}

/** Each entry's key is listed once; the issue names the second entry. */
function uniqueBy<T extends z.ZodType<Record<string, unknown>>>(entry: T, key: string, label: string) {
  return z.array(entry).superRefine((entries, ctx) => {
    const seen = new Set<unknown>();
    entries.forEach((item, index) => {
      const value = item[key];
      if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [index, key], message: `${label} "${String(value)}" is listed twice` });
      seen.add(value);
    });
  });
}

export const configDocumentSchema = z.strictObject({
  version: z.literal(DOCUMENT_VERSION, { error: `Use version ${DOCUMENT_VERSION}` }),
  organizations: uniqueBy(documentOrganizationSchema, 'id', 'The organization').optional(),
  scopes: uniqueBy(documentScopeSchema, 'name', 'The scope').optional(),
  resources: uniqueBy(documentResourceSchema, 'identifier', 'The API').optional(),
  clients: uniqueBy(documentClientSchema, 'client_id', 'The client').optional(),
});

export type ConfigDocument = z.output<typeof configDocumentSchema>;
export type DocumentOrganization = z.output<typeof documentOrganizationSchema>;
export type DocumentScope = z.output<typeof documentScopeSchema>;
export type DocumentResource = z.output<typeof documentResourceSchema>;
export type DocumentClient = z.output<typeof documentClientSchema>;

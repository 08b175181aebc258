import { z } from 'zod';

/** What POST /api/apply answers and `thalamus apply --json` prints (plan-config.ts and apply-config.ts make it). */
const fieldChangeSchema = z.object({
  field: z.string().meta({ description: 'The field, e.g. redirect_uris, or scopes[invoices:read].description' }),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  added: z.array(z.unknown()).optional().meta({ description: 'For a list: entries added' }),
  removed: z.array(z.unknown()).optional().meta({ description: 'For a list: entries removed' }),
});

const entityType = z.enum(['organization', 'scope', 'resource', 'client']);

export const applyResultSchema = z.object({
  changes: z.array(
    z.object({
      action: z.enum(['create', 'update', 'delete']),
      type: entityType,
      key: z.string().meta({ description: 'Organization ID, scope name, API identifier or client ID' }),
      name: z.string(),
      path: z.string().optional().meta({ description: "The entry's place in the document, e.g. clients[2]" }),
      fields: z.array(fieldChangeSchema).meta({ description: 'What changes, for an update' }),
    }),
  ),
  skipped: z
    .array(z.object({ type: entityType, key: z.string(), name: z.string(), field: z.string().optional(), reason: z.string() }))
    .meta({ description: 'What apply leaves as it is, and why (protected entities and fields, entities the document leaves out without prune)' }),
  applied: z.boolean().meta({ description: 'False for a dry run or when there was nothing to change' }),
  secrets: z.record(z.string(), z.string()).meta({ description: 'client_secret of each confidential client apply created, by client ID: shown this once' }),
});

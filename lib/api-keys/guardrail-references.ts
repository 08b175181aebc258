import type { Db } from '@/lib/db/client';
import { ServiceError, type FieldProblem } from '@/lib/errors/service-error';
import { ADMIN_SCOPE } from '@/lib/scopes/builtin-scopes';
import { requireKnownScopes } from '@/lib/scopes/known-scopes';
import type { ApiKeyGuardrails } from './api-key-schema';

/**
 * Guardrails name an organization and scopes: both must exist, so a typo cannot leave a
 * key that can register nothing. The `admin` scope is never a key's to hand out: only a
 * super admin grants it, in the console or with the CLI.
 */
export async function checkGuardrailReferences(db: Db, guardrails: Pick<ApiKeyGuardrails, 'organization_id' | 'allowed_scopes'>): Promise<void> {
  const fields: FieldProblem[] = [];
  if (guardrails.organization_id && !(await db.organization.findUnique({ where: { id: guardrails.organization_id }, select: { id: true } }))) {
    fields.push({ path: 'organization_id', message: 'No organization has this ID' });
  }
  const scopes = guardrails.allowed_scopes ?? [];
  scopes.forEach((scope, index) => {
    if (scope === ADMIN_SCOPE) fields.push({ path: `allowed_scopes[${index}]`, message: 'The admin scope cannot be given to clients an API key registers' });
  });
  if (fields.length) throw new ServiceError('invalid_request', 'The guardrails name things that do not exist or cannot be delegated', fields);
  await requireKnownScopes(db, scopes, 'allowed_scopes');
}

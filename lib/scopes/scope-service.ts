import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { scopeNameSchema } from '@/lib/clients/client-schema';
import { ServiceError } from '@/lib/errors/service-error';
import { recordAudit, type Actor } from '@/lib/audit/record-audit';
import { displayText } from '@/lib/text/display-text';
import { changeResources } from '@/lib/resources/resources-version';
import { clientsUsingScope, describeClients } from './known-scopes';

/** A scope clients may request; the description is what the consent page shows. */
export const scopeSchema = z.strictObject({
  name: scopeNameSchema,
  description: displayText({ label: 'Description', max: 200, required: 'Describe what the scope allows, in plain words' }),
});
export type ScopeInput = z.input<typeof scopeSchema>;

export async function listScopes(db: Db) {
  return db.scope.findMany({ orderBy: [{ builtIn: 'desc' }, { name: 'asc' }] });
}

export async function createScope(db: Db, input: unknown, actor: Actor) {
  const parsed = scopeSchema.safeParse(input);
  if (!parsed.success) throw ServiceError.fromZod(parsed.error);
  if (await db.scope.findUnique({ where: { name: parsed.data.name } })) {
    throw new ServiceError('conflict', 'A scope with this name exists', [{ path: 'name', message: 'This scope already exists' }]);
  }
  return changeResources(db, async (tx) => {
    const scope = await tx.scope.create({ data: parsed.data });
    await recordAudit(tx, actor, 'scope.created', { type: 'scope', id: scope.name }, { after: parsed.data });
    return scope;
  });
}

export async function updateScopeDescription(db: Db, name: string, description: string, actor: Actor) {
  const parsed = scopeSchema.shape.description.safeParse(description);
  if (!parsed.success) throw new ServiceError('invalid_request', 'Invalid description', [{ path: 'description', message: parsed.error.issues[0]!.message }]);
  const scope = await db.scope.findUnique({ where: { name } });
  if (!scope) throw new ServiceError('not_found', `No scope is named ${name}`);
  return db.$transaction(async (tx) => {
    const updated = await tx.scope.update({ where: { name }, data: { description: parsed.data } });
    await recordAudit(tx, actor, 'scope.updated', { type: 'scope', id: name }, { before: { description: scope.description }, after: { description: parsed.data } });
    return updated;
  });
}

/**
 * Built-in scopes are protected; a scope still registered on clients cannot go either:
 * those clients would fail every authorization and token request (see known-scopes.ts).
 */
export async function deleteScope(db: Db, name: string, actor: Actor) {
  const scope = await db.scope.findUnique({ where: { name } });
  if (!scope) throw new ServiceError('not_found', `No scope is named ${name}`);
  if (scope.builtIn) throw new ServiceError('forbidden', `${name} is built in and cannot be removed`);
  await changeResources(db, async (tx) => {
    const users = await clientsUsingScope(tx as unknown as Db, name);
    if (users.length) {
      const clients = describeClients(users);
      throw new ServiceError('conflict', `${name} is still used by ${users.length === 1 ? 'the client' : `${users.length} clients`} ${clients}: remove it from them first`, [
        { path: 'name', message: `Used by ${clients}` },
      ]);
    }
    await tx.scope.delete({ where: { name } });
    await recordAudit(tx, actor, 'scope.deleted', { type: 'scope', id: name }, { before: { name, description: scope.description } });
  });
}

/** Plain-words descriptions for the consent page, from the registry; unknown scopes by name. */
export async function describeScopes(db: Db, names: string[]): Promise<{ name: string; description: string }[]> {
  const rows = await db.scope.findMany({ where: { name: { in: names } } });
  const known = new Map(rows.map((r) => [r.name, r.description]));
  return names.map((name) => ({ name, description: known.get(name) ?? `Use the "${name}" permission` }));
}

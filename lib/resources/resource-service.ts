import type { Db } from '@/lib/db/client';
import type { ApiResource, Scope } from '@/lib/db/generated/sqlite/client';
import { parseInput, ServiceError } from '@/lib/errors/service-error';
import { recordAudit, type Actor } from '@/lib/audit/record-audit';
import { newId } from '@/lib/secrets/ids';
import { clientsUsingScope, describeClients, type ScopeUser } from '@/lib/scopes/known-scopes';
import { resourceResponseSchema, resourceSchema, resourceScopeSchema, resourceUpdateSchema, type ResourceResponse } from './resource-schema';
import { changeResources } from './resources-version';

type ResourceRow = ApiResource & { scopes: Pick<Scope, 'name' | 'description'>[] };
const WITH_SCOPES = { scopes: { select: { name: true, description: true }, orderBy: { name: 'asc' } } } as const;

function toResponse(row: ResourceRow): ResourceResponse {
  return resourceResponseSchema.parse({
    id: row.id,
    name: row.name,
    identifier: row.identifier,
    description: row.description,
    access_token_format: row.accessTokenFormat,
    access_token_lifetime: row.accessTokenLifetime,
    protected: row.protected,
    scopes: row.scopes,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  });
}

export async function listResources(db: Db): Promise<ResourceResponse[]> {
  const rows = await db.apiResource.findMany({ include: WITH_SCOPES, orderBy: [{ protected: 'desc' }, { name: 'asc' }] });
  return rows.map(toResponse);
}

async function findResource(db: Pick<Db, 'apiResource'>, id: string): Promise<ResourceRow> {
  const row = await db.apiResource.findUnique({ where: { id }, include: WITH_SCOPES });
  if (!row) throw new ServiceError('not_found', `No API has the ID ${id}`);
  return row;
}

export async function getResource(db: Db, id: string): Promise<ResourceResponse> {
  return toResponse(await findResource(db, id));
}

/** A scope name is one entry of the registry: a client's scopes list does not say which API it means. */
async function refuseTakenScopeNames(db: Pick<Db, 'scope'>, names: string[], path: (index: number) => string) {
  const taken = new Set((await db.scope.findMany({ where: { name: { in: names } }, select: { name: true } })).map((row) => row.name));
  const problems = names.flatMap((name, index) =>
    taken.has(name) ? [{ path: path(index), message: `The scope "${name}" exists already (scope names are unique across APIs)` }] : [],
  );
  if (problems.length) throw new ServiceError('conflict', problems[0]!.message, problems);
}

export async function createResource(db: Db, input: unknown, actor: Actor): Promise<ResourceResponse> {
  const fields = parseInput(resourceSchema, input);
  if (await db.apiResource.findUnique({ where: { identifier: fields.identifier }, select: { id: true } })) {
    throw new ServiceError('conflict', 'An API with this identifier exists', [{ path: 'identifier', message: 'Another API has this identifier' }]);
  }
  await refuseTakenScopeNames(
    db,
    fields.scopes.map((scope) => scope.name),
    (index) => `scopes[${index}].name`,
  );
  return conflictOnDuplicate(
    changeResources(db, async (tx) => {
      const row = await tx.apiResource.create({
        data: {
          id: newId('res'),
          name: fields.name,
          identifier: fields.identifier,
          description: fields.description,
          accessTokenFormat: fields.access_token_format,
          accessTokenLifetime: fields.access_token_lifetime,
          scopes: { create: fields.scopes },
        },
        include: WITH_SCOPES,
      });
      const created = toResponse(row);
      await recordAudit(tx, actor, 'resource.created', { type: 'resource', id: row.id }, { after: created });
      return created;
    }),
    'identifier',
  );
}

/** Two writers racing past the checks above: the unique index decides, and the loser gets the same 409. */
async function conflictOnDuplicate<T>(write: Promise<T>, path: string): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'P2002') throw new ServiceError('conflict', 'It exists already', [{ path, message: 'This exists already' }]);
    throw error;
  }
}

/**
 * Thalamus's own API keeps its identifier (it follows the issuer) and issues tokens as the
 * client's "Access token format" and ACCESS_TOKEN_TTL say, as before APIs existed: only its
 * name and description change.
 */
export async function updateResource(db: Db, id: string, input: unknown, actor: Actor): Promise<ResourceResponse> {
  const patch = parseInput(resourceUpdateSchema, input);
  const current = await findResource(db, id);
  if (current.protected && (patch.access_token_format !== undefined || patch.access_token_lifetime !== undefined)) {
    const fields = (['access_token_format', 'access_token_lifetime'] as const).filter((key) => patch[key] !== undefined);
    throw new ServiceError(
      'forbidden',
      "Thalamus's API issues tokens in each client's access token format and for ACCESS_TOKEN_TTL",
      fields.map((path) => ({ path, message: 'Cannot be changed on Thalamus’s API' })),
    );
  }
  return changeResources(db, async (tx) => {
    const row = await tx.apiResource.update({
      where: { id },
      data: { name: patch.name, description: patch.description, accessTokenFormat: patch.access_token_format, accessTokenLifetime: patch.access_token_lifetime },
      include: WITH_SCOPES,
    });
    const updated = toResponse(row);
    await recordAudit(tx, actor, 'resource.updated', { type: 'resource', id }, { before: toResponse(current), after: updated });
    return updated;
  });
}

/** Clients that depend on an API: it is their default resource, or they hold one of its scopes. */
export async function clientsUsingResource(db: Db, resource: ResourceRow): Promise<ScopeUser[]> {
  const byDefault = await db.oAuthClient.findMany({ where: { defaultResource: resource.identifier }, select: { clientId: true, name: true } });
  const users = new Map(byDefault.map((row) => [row.clientId, { client_id: row.clientId, name: row.name }]));
  for (const scope of resource.scopes) for (const user of await clientsUsingScope(db, scope.name)) users.set(user.client_id, user);
  return [...users.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Refused while clients use the API (409 naming them): their requests would end in invalid_target or invalid_scope. */
export async function deleteResource(db: Db, id: string, actor: Actor): Promise<void> {
  const resource = await findResource(db, id);
  if (resource.protected) throw new ServiceError('forbidden', `${resource.name} is Thalamus's own API and cannot be deleted`);
  const users = await clientsUsingResource(db, resource);
  if (users.length) {
    const clients = describeClients(users);
    throw new ServiceError(
      'conflict',
      `${resource.name} is still used by ${users.length === 1 ? 'the client' : `${users.length} clients`} ${clients}: remove its scopes and default API from them first`,
      [{ path: 'identifier', message: `Used by ${clients}` }],
    );
  }
  await changeResources(db, async (tx) => {
    await tx.apiResource.delete({ where: { id } });
    await recordAudit(tx, actor, 'resource.deleted', { type: 'resource', id }, { before: toResponse(resource) });
  });
}

export async function addResourceScope(db: Db, id: string, input: unknown, actor: Actor): Promise<ResourceResponse> {
  const scope = parseInput(resourceScopeSchema, input);
  const resource = await findResource(db, id);
  if (resource.protected) throw new ServiceError('forbidden', "Thalamus's API serves its built-in scopes only", [{ path: 'name', message: 'Thalamus’s API has fixed scopes' }]);
  await refuseTakenScopeNames(db, [scope.name], () => 'name');
  return conflictOnDuplicate(
    changeResources(db, async (tx) => {
      await tx.scope.create({ data: { ...scope, resourceId: id } });
      await recordAudit(tx, actor, 'scope.created', { type: 'scope', id: scope.name }, { after: { ...scope, resource: resource.identifier } });
      return toResponse(await findResource(tx, id));
    }),
    'name',
  );
}

/** A scope clients still hold stays (409 naming them), as on the OAuth Scopes page. */
export async function removeResourceScope(db: Db, id: string, name: string, actor: Actor): Promise<ResourceResponse> {
  const resource = await findResource(db, id);
  const scope = resource.scopes.find((s) => s.name === name);
  if (!scope) throw new ServiceError('not_found', `${resource.name} has no scope named ${name}`);
  if (resource.protected) throw new ServiceError('forbidden', `${name} is built in and cannot be removed`);
  const users = await clientsUsingScope(db, name);
  if (users.length) {
    const clients = describeClients(users);
    throw new ServiceError('conflict', `${name} is still used by ${users.length === 1 ? 'the client' : `${users.length} clients`} ${clients}: remove it from them first`, [
      { path: 'name', message: `Used by ${clients}` },
    ]);
  }
  return changeResources(db, async (tx) => {
    await tx.scope.delete({ where: { name } });
    await recordAudit(tx, actor, 'scope.deleted', { type: 'scope', id: name }, { before: { ...scope, resource: resource.identifier } });
    return toResponse(await findResource(tx, id));
  });
}

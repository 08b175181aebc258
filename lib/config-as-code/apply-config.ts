import type { Db } from '@/lib/db/client';
import { inOneTransaction } from '@/lib/db/one-transaction';
import { parseInput, ServiceError } from '@/lib/errors/service-error';
import type { Actor } from '@/lib/audit/record-audit';
import type { ClientAccess } from '@/lib/clients/client-access';
import { createClient } from '@/lib/clients/create-client';
import { updateClient } from '@/lib/clients/update-client';
import { deleteClient, setClientEnabled } from '@/lib/clients/delete-client';
import { createOrganization, deleteOrganization, updateOrganization } from '@/lib/organizations/organization-service';
import { createScope, deleteScope, updateScopeDescription } from '@/lib/scopes/scope-service';
import { addResourceScope, createResource, deleteResource, removeResourceScope, updateResource } from '@/lib/resources/resource-service';
import { configDocumentSchema, type ConfigDocument } from './document-schema';
import { clientEntry, readConfigState } from './config-state';
import { planConfig, type ConfigPlan, type EntityType, type PlannedChange } from './plan-config';

export interface ApplyOptions {
  dryRun?: boolean;
  prune?: boolean;
}

export interface ApplyResult extends ConfigPlan {
  /** False for a dry run (and when there was nothing to do). */
  applied: boolean;
  /** The secrets of the confidential clients apply created, by client ID: shown this once. */
  secrets: Record<string, string>;
}

/**
 * Applies a configuration document: validates all of it, plans the changes against the
 * installation (plan-config.ts), then makes them through the same services the console,
 * the admin API and the CLI use (their rules, protections and audit events), all in one
 * transaction: either every change commits, or none does.
 */
export async function applyConfig(db: Db, input: unknown, actor: Actor, access: ClientAccess, options: ApplyOptions = {}): Promise<ApplyResult> {
  const document = parseInput(configDocumentSchema, input, 'The document has invalid fields');
  const planOptions = { prune: options.prune ?? false, viaApi: access.kind !== 'operator' };
  if (options.dryRun) return { ...planConfig(document, await readConfigState(db), planOptions), applied: false, secrets: {} };
  return inOneTransaction(db, async (tx) => {
    const plan = planConfig(document, await readConfigState(tx), planOptions);
    const secrets: Record<string, string> = {};
    const steps = new Steps(tx, document, actor, access, secrets);
    for (const change of ordered(plan.changes)) await atPath(change, () => steps.run(change));
    for (const change of plan.changes) if (change.type === 'resource' && change.action === 'update') await atPath(change, () => steps.removeResourceScopes(change));
    return { ...plan, applied: plan.changes.length > 0, secrets };
  });
}

/** Creations and changes first (organizations before the clients in them), then deletions the other way round. */
const BUILD_ORDER: EntityType[] = ['organization', 'scope', 'resource', 'client'];
function ordered(changes: PlannedChange[]): PlannedChange[] {
  const rank = (c: PlannedChange) => (c.action === 'delete' ? BUILD_ORDER.length * 2 - BUILD_ORDER.indexOf(c.type) : BUILD_ORDER.indexOf(c.type));
  return [...changes].sort((a, b) => rank(a) - rank(b));
}

/** A service's refusal, told against the document entry it is about (`clients[2].redirect_uris[0]`). */
async function atPath(change: PlannedChange, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    const where = change.path ?? `${change.type} ${change.key}`;
    const fields = error.fields.map((f) => ({ path: change.path ? (f.path ? `${change.path}.${f.path}` : change.path) : f.path, message: f.message }));
    throw new ServiceError(error.code, `${where} (${change.type} ${change.name}): ${error.message}`, fields.length ? fields : [{ path: where, message: error.message }]);
  }
}

class Steps {
  constructor(
    private readonly tx: Db,
    private readonly document: ConfigDocument,
    private readonly actor: Actor,
    private readonly access: ClientAccess,
    private readonly secrets: Record<string, string>,
  ) {}

  async run(change: PlannedChange): Promise<void> {
    const { tx, actor } = this;
    switch (`${change.type}.${change.action}`) {
      case 'organization.create': {
        const { id, ...fields } = this.document.organizations!.find((o) => o.id === change.key)!;
        await createOrganization(tx, fields, actor, { id });
        return;
      }
      case 'organization.update':
        await updateOrganization(
          tx,
          change.key,
          this.changedValues(
            change,
            this.document.organizations!.find((o) => o.id === change.key)!,
          ),
          actor,
        );
        return;
      case 'organization.delete':
        return deleteOrganization(tx, change.key, actor);
      case 'scope.create':
        await createScope(
          tx,
          this.document.scopes!.find((s) => s.name === change.key)!,
          actor,
        );
        return;
      case 'scope.update':
        await updateScopeDescription(tx, change.key, this.document.scopes!.find((s) => s.name === change.key)!.description, actor);
        return;
      case 'scope.delete':
        return deleteScope(tx, change.key, actor);
      case 'resource.create':
        await createResource(
          tx,
          this.document.resources!.find((r) => r.identifier === change.key)!,
          actor,
        );
        return;
      case 'resource.update':
        return this.updateResource(change);
      case 'resource.delete':
        return deleteResource(tx, await this.resourceId(change.key), actor);
      case 'client.create':
        return this.createClient(change.key);
      case 'client.update': {
        const entry = clientEntry(this.document.clients!.find((c) => c.client_id === change.key)!);
        await updateClient(tx, change.key, this.changedValues(change, entry), actor, this.access);
        return;
      }
      case 'client.delete':
        return deleteClient(tx, change.key, actor, this.access);
    }
  }

  /** The document's values of the fields the plan found changed: exactly what a PATCH would send. */
  private changedValues(change: PlannedChange, entry: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(change.fields.filter((f) => f.field in entry).map((f) => [f.field, entry[f.field]]));
  }

  private async createClient(clientId: string): Promise<void> {
    const { client_id: _id, enabled, ...fields } = this.document.clients!.find((c) => c.client_id === clientId)!;
    const created = await createClient(this.tx, fields, this.actor, this.access, { clientId });
    if (created.client_secret) this.secrets[clientId] = created.client_secret;
    if (!enabled) await setClientEnabled(this.tx, clientId, false, this.actor, this.access);
  }

  private async resourceId(identifier: string): Promise<string> {
    return (await this.tx.apiResource.findUniqueOrThrow({ where: { identifier }, select: { id: true } })).id;
  }

  /** Its own fields, new scopes and scope descriptions; scopes it no longer lists go after every client change. */
  private async updateResource(change: PlannedChange): Promise<void> {
    const entry = this.document.resources!.find((r) => r.identifier === change.key)!;
    const id = await this.resourceId(change.key);
    const own = this.changedValues(change, {
      name: entry.name,
      description: entry.description,
      access_token_format: entry.access_token_format,
      access_token_lifetime: entry.access_token_lifetime,
    });
    if (Object.keys(own).length) await updateResource(this.tx, id, own, this.actor);
    const added = new Set(change.fields.find((f) => f.field === 'scopes')?.added ?? []);
    for (const scope of entry.scopes) {
      if (added.has(scope.name)) await addResourceScope(this.tx, id, scope, this.actor);
      else if (change.fields.some((f) => f.field === `scopes[${scope.name}].description`)) await updateScopeDescription(this.tx, scope.name, scope.description, this.actor);
    }
  }

  async removeResourceScopes(change: PlannedChange): Promise<void> {
    const removed = change.fields.find((f) => f.field === 'scopes')?.removed ?? [];
    if (!removed.length) return;
    const id = await this.resourceId(change.key);
    for (const name of removed) await removeResourceScope(this.tx, id, String(name), this.actor);
  }
}

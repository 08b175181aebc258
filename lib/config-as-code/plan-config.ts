import { ServiceError } from '@/lib/errors/service-error';
import { CONSOLE_CLIENT_DISABLE_REFUSAL, CONSOLE_CLIENT_ID, CONSOLE_CLIENT_MANAGED_FIELDS } from '@/lib/clients/default-clients';
import { DEFAULT_CLIENT_FIXED_FIELDS } from '@/lib/clients/update-client';
import type { ConfigDocument } from './document-schema';
import { clientEntry, type ConfigState } from './config-state';

/**
 * The diff between a configuration document and an installation: what apply would create,
 * change and delete, per entity and per field, and what it leaves alone and why. Pure: it
 * reads the state it is given, so a dry run and the real apply (which plans again inside
 * its transaction) say the same.
 */

export type EntityType = 'organization' | 'scope' | 'resource' | 'client';

export interface FieldChange {
  field: string;
  before?: unknown;
  after?: unknown;
  /** For lists: the entries added and removed (order changes show as before/after). */
  added?: unknown[];
  removed?: unknown[];
}

export interface PlannedChange {
  action: 'create' | 'update' | 'delete';
  type: EntityType;
  /** The entity's stable key: organization ID, scope name, resource identifier, client ID. */
  key: string;
  name: string;
  /** Where the entry is in the document (`clients[2]`); absent for a deletion. */
  path?: string;
  fields: FieldChange[];
}

export interface SkippedChange {
  type: EntityType;
  key: string;
  name: string;
  /** The field left as it is; absent when the whole entity is. */
  field?: string;
  reason: string;
}

export interface ConfigPlan {
  changes: PlannedChange[];
  skipped: SkippedChange[];
}

export interface PlanOptions {
  /** Delete what the document's lists leave out (never what is protected). */
  prune: boolean;
  /** An API credential rather than an operator: default clients are not its to change (client-access.ts). */
  viaApi: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** One field's difference, or nothing when it is the same. */
export function fieldChange(field: string, before: unknown, after: unknown): FieldChange | undefined {
  if (same(before, after)) return undefined;
  if (Array.isArray(before) && Array.isArray(after) && [...before, ...after].every((item) => typeof item !== 'object')) {
    const added = after.filter((item) => !before.includes(item));
    const removed = before.filter((item) => !after.includes(item));
    if (added.length || removed.length) return { field, added, removed };
  }
  return { field, before, after };
}

function changedFields(fields: readonly string[], before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  return fields.flatMap((field) => fieldChange(field, before[field], after[field]) ?? []);
}

export function planConfig(document: ConfigDocument, state: ConfigState, options: PlanOptions): ConfigPlan {
  const plan: ConfigPlan = { changes: [], skipped: [] };
  if (document.organizations) planOrganizations(document.organizations, state, options, plan);
  if (document.scopes) planScopes(document.scopes, state, options, plan);
  if (document.resources) planResources(document.resources, state, options, plan);
  if (document.clients) planClients(document.clients, state, options, plan);
  return plan;
}

function planOrganizations(entries: NonNullable<ConfigDocument['organizations']>, state: ConfigState, { prune }: PlanOptions, plan: ConfigPlan) {
  const current = new Map(state.organizations.map((o) => [o.id, o]));
  entries.forEach((entry, index) => {
    const path = `organizations[${index}]`;
    const existing = current.get(entry.id);
    const base = { type: 'organization' as const, key: entry.id, name: entry.name, path };
    if (!existing) plan.changes.push({ ...base, action: 'create', fields: [] });
    else {
      const fields = changedFields(['name', 'description'], existing, entry);
      if (fields.length) plan.changes.push({ ...base, action: 'update', fields });
    }
  });
  const listed = new Set(entries.map((e) => e.id));
  for (const organization of state.organizations.filter((o) => !listed.has(o.id))) {
    const base = { type: 'organization' as const, key: organization.id, name: organization.name };
    if (organization.is_default) plan.skipped.push({ ...base, reason: 'The default organization is never deleted' });
    else if (prune) plan.changes.push({ ...base, action: 'delete', fields: [] });
    else plan.skipped.push({ ...base, reason: 'Not in the document: --prune deletes it' });
  }
}

function planScopes(entries: NonNullable<ConfigDocument['scopes']>, state: ConfigState, { prune }: PlanOptions, plan: ConfigPlan) {
  const current = new Map(state.scopes.map((s) => [s.name, s]));
  entries.forEach((entry, index) => {
    const path = `scopes[${index}]`;
    const existing = current.get(entry.name);
    if (existing?.resource) {
      throw new ServiceError('conflict', `The scope ${entry.name} belongs to the API ${existing.resource}`, [
        { path: `${path}.name`, message: `Belongs to the API ${existing.resource}: list it under that API's scopes` },
      ]);
    }
    const base = { type: 'scope' as const, key: entry.name, name: entry.name, path };
    if (!existing) plan.changes.push({ ...base, action: 'create', fields: [] });
    else {
      const fields = changedFields(['description'], existing, entry);
      if (fields.length) plan.changes.push({ ...base, action: 'update', fields });
    }
  });
  const listed = new Set(entries.map((e) => e.name));
  for (const scope of state.scopes.filter((s) => s.resource === null && !listed.has(s.name))) {
    const base = { type: 'scope' as const, key: scope.name, name: scope.name };
    if (scope.built_in) plan.skipped.push({ ...base, reason: 'Built-in scopes are never deleted' });
    else if (prune) plan.changes.push({ ...base, action: 'delete', fields: [] });
    else plan.skipped.push({ ...base, reason: 'Not in the document: --prune deletes it' });
  }
}

const RESOURCE_FIELDS = ['name', 'description', 'access_token_format', 'access_token_lifetime'] as const;
/** Thalamus's own API: only its name and description change (resource-service.ts). */
const PROTECTED_RESOURCE_FIXED = new Set<string>(['access_token_format', 'access_token_lifetime', 'scopes']);

function planResources(entries: NonNullable<ConfigDocument['resources']>, state: ConfigState, { prune }: PlanOptions, plan: ConfigPlan) {
  const current = new Map(state.resources.map((r) => [r.identifier, r]));
  entries.forEach((entry, index) => {
    const path = `resources[${index}]`;
    const existing = current.get(entry.identifier);
    const base = { type: 'resource' as const, key: entry.identifier, name: entry.name, path };
    if (!existing) {
      plan.changes.push({ ...base, action: 'create', fields: [] });
      return;
    }
    const before = new Map(existing.scopes.map((s) => [s.name, s.description]));
    const after = new Map(entry.scopes.map((s) => [s.name, s.description]));
    const added = entry.scopes.filter((s) => !before.has(s.name)).map((s) => s.name);
    const missing = existing.scopes.filter((s) => !after.has(s.name)).map((s) => s.name);
    const removed = prune ? missing : [];
    if (!prune && missing.length) plan.skipped.push({ ...base, field: 'scopes', reason: `Not in the document: ${missing.join(', ')} (--prune removes them)` });
    const fields = [
      ...changedFields(RESOURCE_FIELDS, existing, entry),
      ...(added.length || removed.length ? [{ field: 'scopes', added, removed }] : []),
      ...entry.scopes.flatMap((s) => (before.has(s.name) ? (fieldChange(`scopes[${s.name}].description`, before.get(s.name), s.description) ?? []) : [])),
    ];
    const allowed = existing.protected ? fields.filter((f) => !PROTECTED_RESOURCE_FIXED.has(f.field.replace(/\[.*$/, ''))) : fields;
    for (const f of fields.filter((f) => !allowed.includes(f))) {
      plan.skipped.push({ ...base, field: f.field, reason: "Thalamus's own API keeps its token settings and built-in scopes" });
    }
    if (allowed.length) plan.changes.push({ ...base, action: 'update', fields: allowed });
  });
  const listed = new Set(entries.map((e) => e.identifier));
  for (const resource of state.resources.filter((r) => !r.protected && !listed.has(r.identifier))) {
    const base = { type: 'resource' as const, key: resource.identifier, name: resource.name };
    if (prune) plan.changes.push({ ...base, action: 'delete', fields: [] });
    else plan.skipped.push({ ...base, reason: 'Not in the document: --prune deletes it' });
  }
}

/** Why a field of an existing client is left as it is, if it is. */
function clientFieldRefusal(clientId: string, isDefault: boolean, field: string, options: PlanOptions): string | undefined {
  if (field === 'client_type') return 'The client type is fixed once a client is created';
  if (!isDefault) return undefined;
  if (options.viaApi) return 'Default clients are changed in the console or with the CLI, not with an API credential';
  if ((DEFAULT_CLIENT_FIXED_FIELDS as readonly string[]).includes(field)) return 'Fixed on a default client: the console, the apps or directory sync depend on it';
  if (clientId !== CONSOLE_CLIENT_ID) return undefined;
  if ((CONSOLE_CLIENT_MANAGED_FIELDS as readonly string[]).includes(field)) return "Thalamus keeps the console's redirect URIs on APP_URL";
  if (field === 'enabled') return CONSOLE_CLIENT_DISABLE_REFUSAL;
  // update-client.ts: requiring PAR or DPoP of the console's client would lock every administrator out.
  if (field === 'require_pushed_authorization_requests' || field === 'dpop_bound_access_tokens')
    return "Fixed on the console's own client: administrators sign in without PAR or DPoP";
  return undefined;
}

function planClients(entries: NonNullable<ConfigDocument['clients']>, state: ConfigState, options: PlanOptions, plan: ConfigPlan) {
  const current = new Map(state.clients.map((c) => [c.client_id, c]));
  entries.forEach((entry, index) => {
    const path = `clients[${index}]`;
    const existing = current.get(entry.client_id);
    const base = { type: 'client' as const, key: entry.client_id, name: entry.name, path };
    if (!existing) {
      plan.changes.push({ ...base, action: 'create', fields: [] });
      return;
    }
    const wanted = clientEntry(entry);
    const fields: FieldChange[] = [];
    for (const [field, value] of Object.entries(wanted)) {
      const change = fieldChange(field, existing[field as keyof typeof existing], value);
      if (!change) continue;
      const refusal = clientFieldRefusal(entry.client_id, existing.is_default, field, options);
      if (refusal) plan.skipped.push({ ...base, field, reason: refusal });
      else fields.push(change);
    }
    if (fields.length) plan.changes.push({ ...base, action: 'update', fields });
  });
  const listed = new Set(entries.map((e) => e.client_id));
  for (const client of state.clients.filter((c) => !listed.has(c.client_id))) {
    const base = { type: 'client' as const, key: client.client_id, name: client.name };
    if (client.is_default) plan.skipped.push({ ...base, reason: 'Default clients are never deleted' });
    else if (options.prune) plan.changes.push({ ...base, action: 'delete', fields: [] });
    else plan.skipped.push({ ...base, reason: 'Not in the document: --prune deletes it' });
  }
}

import { filter as matches, parse, type Filter } from 'scim2-parse-filter';
import { ScimError } from './scim-error';
import { PATCH_OP_SCHEMA } from './scim-error';
import { MAX_OPERATIONS } from './scim-schemas';
import { isRecord } from './read-scim-body';

/**
 * SCIM PATCH (RFC 7644 §3.5.2) applied to a resource's JSON representation; the caller
 * then stores the result with the same checks as a PUT, so a PATCH can never write what
 * a PUT would refuse, and a request with one bad operation changes nothing. Paths:
 * `attr`, `attr.sub`, `attr[filter]`, `attr[filter].sub`, with or without the schema URN;
 * no path means the value is an object of attributes. `op` is case-insensitive (Entra ID
 * sends "Replace").
 */

type Resource = Record<string, unknown>;
interface Operation {
  op: 'add' | 'replace' | 'remove';
  path?: string;
  value?: unknown;
}

export function readPatchOperations(body: Record<string, unknown>): Operation[] {
  const schemas = body.schemas;
  if (!Array.isArray(schemas) || !schemas.includes(PATCH_OP_SCHEMA)) throw new ScimError(400, `schemas must be ["${PATCH_OP_SCHEMA}"]`, 'invalidSyntax');
  const operations = body.Operations ?? body.operations;
  if (!Array.isArray(operations) || operations.length === 0) throw new ScimError(400, 'Operations must be a non-empty list', 'invalidSyntax');
  if (operations.length > MAX_OPERATIONS) throw new ScimError(400, `At most ${MAX_OPERATIONS} operations in one request`, 'tooMany');
  return operations.map((item, index) => {
    if (!isRecord(item) || typeof item.op !== 'string') throw new ScimError(400, `Operations[${index}].op must be add, replace or remove`, 'invalidSyntax');
    const op = item.op.toLowerCase();
    if (op !== 'add' && op !== 'replace' && op !== 'remove') throw new ScimError(400, `Operations[${index}].op must be add, replace or remove, not "${item.op}"`, 'invalidSyntax');
    if (item.path !== undefined && typeof item.path !== 'string') throw new ScimError(400, `Operations[${index}].path must be a string`, 'invalidPath');
    if (op === 'remove' && !item.path) throw new ScimError(400, `Operations[${index}]: remove needs a path`, 'noTarget');
    if (op !== 'remove' && item.value === undefined) throw new ScimError(400, `Operations[${index}]: ${op} needs a value`, 'invalidValue');
    return { op, path: item.path as string | undefined, value: item.value };
  });
}

export function applyPatch(resource: Resource, operations: Operation[], schemaUrn: string): Resource {
  const result = structuredClone(resource);
  for (const operation of operations) {
    if (!operation.path) {
      if (!isRecord(operation.value)) throw new ScimError(400, `${operation.op} without a path needs an object of attributes`, 'invalidValue');
      for (const [key, value] of Object.entries(operation.value)) applyAt(result, { op: operation.op, path: key, value }, schemaUrn);
    } else {
      applyAt(result, operation, schemaUrn);
    }
  }
  return result;
}

interface ParsedPath {
  attribute: string;
  filter?: Filter;
  sub?: string;
}

function parsePath(path: string, schemaUrn: string): ParsedPath {
  let rest = path.trim();
  if (rest.toLowerCase().startsWith(`${schemaUrn.toLowerCase()}:`)) rest = rest.slice(schemaUrn.length + 1);
  // An extension's attribute (urn:…:enterprise:2.0:User:manager) is held under its URN, not kept.
  const extension = /^(urn:[^[\]]+):([A-Za-z][\w$-]*)$/.exec(rest);
  if (extension) return { attribute: extension[1]!, sub: extension[2] };
  const match = /^([A-Za-z][\w$-]*)(?:\[(.+)\])?(?:\.([A-Za-z][\w$-]*))?$/.exec(rest);
  if (!match) throw new ScimError(400, `The path "${path}" is not a valid attribute path (RFC 7644 §3.5.2)`, 'invalidPath');
  const [, attribute, filterText, sub] = match;
  let filter: Filter | undefined;
  if (filterText) {
    try {
      filter = parse(filterText);
    } catch {
      throw new ScimError(400, `The filter in the path "${path}" is not valid`, 'invalidPath');
    }
  }
  return { attribute: attribute!, filter, sub };
}

/** The key as the resource already spells it, attribute names being case-insensitive. */
const keyOf = (target: Resource, name: string) => Object.keys(target).find((key) => key.toLowerCase() === name.toLowerCase()) ?? name;

function applyAt(resource: Resource, operation: Operation, schemaUrn: string): void {
  const { attribute, filter, sub } = parsePath(operation.path!, schemaUrn);
  const key = keyOf(resource, attribute);
  if (filter) return applyToMatches(resource, key, filter, sub, operation);
  if (sub) {
    const parent = isRecord(resource[key]) ? (resource[key] as Resource) : {};
    if (operation.op === 'remove') delete parent[keyOf(parent, sub)];
    else parent[keyOf(parent, sub)] = operation.value;
    resource[key] = parent;
    return;
  }
  if (operation.op === 'remove') {
    const current = resource[key];
    // Removing listed values from a multi-valued attribute (Entra ID removes members so).
    if (Array.isArray(current) && Array.isArray(operation.value)) {
      const values = new Set(operation.value.map((item) => (isRecord(item) ? item.value : item)));
      resource[key] = current.filter((item) => !values.has(isRecord(item) ? item.value : item));
    } else {
      delete resource[key];
    }
    return;
  }
  const current = resource[key];
  if (operation.op === 'add' && Array.isArray(current)) {
    const added = Array.isArray(operation.value) ? operation.value : [operation.value];
    const seen = new Set(current.map((item) => JSON.stringify(isRecord(item) ? item.value : item)));
    resource[key] = [...current, ...added.filter((item) => !seen.has(JSON.stringify(isRecord(item) ? item.value : item)))];
  } else if (operation.op === 'add' && isRecord(current) && isRecord(operation.value)) {
    resource[key] = { ...current, ...operation.value };
  } else {
    resource[key] = operation.value;
  }
}

function applyToMatches(resource: Resource, key: string, filter: Filter, sub: string | undefined, operation: Operation): void {
  const current = resource[key];
  const list = Array.isArray(current) ? current : [];
  const test = matches(filter);
  const hits = list.filter((item) => isRecord(item) && test(item));
  if (operation.op === 'remove') {
    if (sub) hits.forEach((item) => delete (item as Resource)[keyOf(item as Resource, sub)]);
    else resource[key] = list.filter((item) => !hits.includes(item));
    return;
  }
  if (!hits.length) {
    // RFC 7644 §3.5.2.3: replace with a filter that matches nothing is 400 noTarget.
    if (operation.op === 'replace' && !sub) throw new ScimError(400, `No value of ${key} matches the path's filter`, 'noTarget');
    // Entra ID adds emails[type eq "work"].value to a user who has none yet.
    resource[key] = [...list, sub ? { ...equalities(filter), [sub]: operation.value } : operation.value];
    return;
  }
  for (const item of hits as Resource[]) {
    if (sub) item[keyOf(item, sub)] = operation.value;
    else if (isRecord(operation.value)) Object.assign(item, operation.value);
  }
}

/** `type eq "work"` → { type: 'work' }: the sub-attributes a new value of a filtered path gets. */
function equalities(filter: Filter): Resource {
  if (filter.op === 'eq') return { [filter.attrPath]: filter.compValue };
  if (filter.op === 'and') return Object.assign({}, ...filter.filters.map(equalities));
  return {};
}

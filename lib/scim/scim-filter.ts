import { parse, type Filter } from 'scim2-parse-filter';
import { ScimError } from './scim-error';

/**
 * SCIM list filters (RFC 7644 §3.4.2.2) translated into database conditions. Thalamus
 * supports what directory connectors send to match and page through accounts: `eq`,
 * `co` and `sw` on a few attributes, joined with `and` / `or`, and `emails[value eq "…"]`.
 * Anything else is answered 400 `invalidFilter` naming what is not supported, never
 * evaluated half-way. Attribute names are case-insensitive and may carry their schema
 * URN (RFC 7643 §2.1, RFC 7644 §3.10).
 */

export type Condition = Record<string, unknown>;

/** How one filterable attribute becomes a condition. `lower`: stored lower-cased, compared so (caseExact false). */
export interface FilterableAttribute {
  column: string;
  lower?: boolean;
  /** For a relation such as members.value: wraps the column's condition. */
  wrap?: (inner: Condition) => Condition;
  boolean?: boolean;
}

const SUPPORTED_OPERATORS = new Set(['eq', 'co', 'sw']);
const MAX_FILTER_LENGTH = 1000;

export function filterCondition(filter: string | null, attributes: Record<string, FilterableAttribute>, schemaUrn: string): Condition {
  if (filter === null || filter.trim() === '') return {};
  if (filter.length > MAX_FILTER_LENGTH) throw new ScimError(400, `The filter is longer than ${MAX_FILTER_LENGTH} characters`, 'invalidFilter');
  let ast: Filter;
  try {
    ast = parse(filter);
  } catch (error) {
    throw new ScimError(400, `The filter is not valid SCIM filter syntax (RFC 7644 §3.4.2.2): ${(error as Error).message}`, 'invalidFilter');
  }
  return translate(ast, attributes, schemaUrn, '');
}

function translate(node: Filter, attributes: Record<string, FilterableAttribute>, schemaUrn: string, prefix: string): Condition {
  switch (node.op) {
    case 'and':
      return { AND: node.filters.map((inner) => translate(inner, attributes, schemaUrn, prefix)) };
    case 'or':
      return { OR: node.filters.map((inner) => translate(inner, attributes, schemaUrn, prefix)) };
    case '[]':
      return translate(node.valFilter, attributes, schemaUrn, `${attributeName(node.attrPath, schemaUrn)}.`);
    case 'not':
      throw new ScimError(400, 'The "not" operator is not supported', 'invalidFilter');
    case 'pr':
      throw new ScimError(400, 'The "pr" operator is not supported: use eq, co or sw', 'invalidFilter');
    default: {
      if (!SUPPORTED_OPERATORS.has(node.op)) throw new ScimError(400, `The "${node.op}" operator is not supported: use eq, co or sw`, 'invalidFilter');
      const name = prefix + attributeName(node.attrPath, schemaUrn);
      const attribute = attributes[name];
      if (!attribute) {
        throw new ScimError(400, `Filtering on "${node.attrPath}" is not supported: filter on ${Object.keys(attributes).join(', ')}`, 'invalidFilter');
      }
      return compare(attribute, node.op, node.compValue, node.attrPath);
    }
  }
}

function compare(attribute: FilterableAttribute, op: string, value: unknown, path: string): Condition {
  let inner: unknown;
  if (attribute.boolean) {
    if (op !== 'eq' || typeof value !== 'boolean') throw new ScimError(400, `Compare "${path}" with eq true or eq false`, 'invalidFilter');
    inner = value;
  } else {
    if (typeof value !== 'string') throw new ScimError(400, `Compare "${path}" with a string`, 'invalidFilter');
    const text = attribute.lower ? value.toLowerCase() : value;
    inner = op === 'eq' ? text : op === 'co' ? { contains: text } : { startsWith: text };
  }
  const condition = { [attribute.column]: inner };
  return attribute.wrap ? attribute.wrap(condition) : condition;
}

/** `urn:…:User:userName` and `USERNAME` are both `username`. */
function attributeName(path: string, schemaUrn: string): string {
  const lower = path.toLowerCase();
  const urn = `${schemaUrn.toLowerCase()}:`;
  return lower.startsWith(urn) ? lower.slice(urn.length) : lower;
}

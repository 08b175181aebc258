import type { ConfigPlan, FieldChange, PlannedChange, SkippedChange } from './plan-config';

/**
 * The plan as `thalamus apply` prints it, one line per entity, Terraform-like:
 *   + client "Billing" (billing-client-id)
 *   ~ client "Billing" (billing-client-id): redirect_uris: + https://new  - https://old
 *   - client "Old" (old-client-id)
 *   = client "Thalamus Console" (thalamus-console) keeps redirect_uris: Thalamus keeps …
 */
const SIGNS = { create: '+', update: '~', delete: '-' } as const;

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
const quoted = (value: unknown) => JSON.stringify(value);

function describe(entity: { type: string; name: string; key: string }): string {
  return entity.name === entity.key ? `${entity.type} ${quoted(entity.key)}` : `${entity.type} ${quoted(entity.name)} (${entity.key})`;
}

export function formatFieldChange(change: FieldChange): string {
  if (change.added || change.removed) {
    const parts = [...(change.added ?? []).map((item) => `+ ${show(item)}`), ...(change.removed ?? []).map((item) => `- ${show(item)}`)];
    return `${change.field}: ${parts.join('  ')}`;
  }
  return `${change.field}: ${quoted(change.before)} → ${quoted(change.after)}`;
}

export function formatChange(change: PlannedChange): string {
  const line = `${SIGNS[change.action]} ${describe(change)}`;
  return change.fields.length ? `${line}: ${change.fields.map(formatFieldChange).join('; ')}` : line;
}

export function formatSkipped(skipped: SkippedChange): string {
  return `= ${describe(skipped)}${skipped.field ? ` keeps ${skipped.field}` : ' stays'}: ${skipped.reason}`;
}

export function planSummary(plan: ConfigPlan): string {
  if (plan.changes.length === 0) return 'No changes.';
  const count = (action: PlannedChange['action']) => plan.changes.filter((c) => c.action === action).length;
  return `${plan.changes.length} ${plan.changes.length === 1 ? 'change' : 'changes'}: ${count('create')} to create, ${count('update')} to change, ${count('delete')} to delete.`;
}

export function formatPlan(plan: ConfigPlan): string {
  return [...plan.changes.map(formatChange), ...plan.skipped.map(formatSkipped), planSummary(plan)].join('\n');
}

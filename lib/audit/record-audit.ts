import type { Prisma } from '@/lib/db/generated/sqlite/client';
import { newId } from '@/lib/secrets/ids';

/**
 * Who made a change: an administrator in the console, an admin API key, a client's
 * admin-scope token (platform automation), the CLI or Thalamus itself.
 */
export interface Actor {
  type: 'admin' | 'api_key' | 'client' | 'cli' | 'system';
  id?: string;
  /** Human-readable: an email, an API key's name and hint, "CLI". */
  label: string;
}

export const CLI_ACTOR: Actor = { type: 'cli', label: 'Command line' };

export type Tx = Prisma.TransactionClient;

const SECRET_KEYS = /secret|password|digest|token|totp|key$/i;

/** Removes anything secret-looking, however deep, so no audit row can hold one. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !SECRET_KEYS.test(key) || key.endsWith('_hints') || key === 'hint')
        .map(([key, item]) => [key, withoutSecrets(item)]),
    );
  }
  return value;
}

/** Only the fields that changed, before and after. */
export function diff(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined) {
  if (!before || !after) return { ...(before ? { before: withoutSecrets(before) } : {}), ...(after ? { after: withoutSecrets(after) } : {}) };
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => key !== 'updated_at' && JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  const pick = (source: Record<string, unknown>) => withoutSecrets(Object.fromEntries(keys.map((key) => [key, source[key]])));
  return { before: pick(before), after: pick(after) };
}

/** Writes one audit event, inside the caller's transaction: the change and its record commit together. */
export async function recordAudit(tx: Tx, actor: Actor, action: string, target: { type: string; id: string }, changes: Record<string, unknown> = {}): Promise<void> {
  await tx.auditEvent.create({
    data: {
      id: newId('evt'),
      actorType: actor.type,
      actorId: actor.id ?? null,
      actorLabel: actor.label,
      action,
      targetType: target.type,
      targetId: target.id,
      changes: JSON.stringify(withoutSecrets(changes)),
    },
  });
}

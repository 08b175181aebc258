import type { Db } from '@/lib/db/client';
import { recordAudit, type Actor } from '@/lib/audit/record-audit';
import { parseInput, ServiceError } from '@/lib/errors/service-error';
import { passkeyCount } from '@/lib/passkeys/passkey-list';
import { z } from 'zod';
import { getBooleanSetting, SETTINGS } from './settings';

/** The installation's sign-in policies as the console shows them (`npx thalamus settings` sets the same). */
export interface SignInPolicies {
  mfaRequired: boolean;
  adminPasskeysRequired: boolean;
}

export const POLICY_KEYS = { mfaRequired: SETTINGS.mfaRequired, adminPasskeysRequired: SETTINGS.adminPasskeysRequired } as const;

const policyChangeSchema = z.strictObject({
  policy: z.enum(['mfaRequired', 'adminPasskeysRequired'], { error: 'Use mfaRequired or adminPasskeysRequired' }),
  enabled: z.boolean({ error: 'Use true or false' }),
});

export async function readSignInPolicies(db: Db): Promise<SignInPolicies> {
  const [mfaRequired, adminPasskeysRequired] = await Promise.all([getBooleanSetting(db, SETTINGS.mfaRequired), getBooleanSetting(db, SETTINGS.adminPasskeysRequired)]);
  return { mfaRequired, adminPasskeysRequired };
}

/**
 * A super admin turns a policy on or off in the console; audited as `settings.changed`.
 * Requiring passkeys of administrators is refused to one who has none: their own next
 * console page would ask for a passkey they cannot give (the CLI can still set it).
 */
export async function changeSignInPolicy(db: Db, actor: Actor & { id: string }, input: unknown): Promise<void> {
  const { policy, enabled } = parseInput(policyChangeSchema, input);
  if (policy === 'adminPasskeysRequired' && enabled && (await passkeyCount(db, actor.id)) === 0) {
    throw new ServiceError('invalid_request', 'Add a passkey to your own account first (on /account): with this on, the console asks every administrator for one', [
      { path: 'adminPasskeysRequired', message: 'Add a passkey to your account first' },
    ]);
  }
  const key = POLICY_KEYS[policy];
  await db.$transaction(async (tx) => {
    const before = (await tx.setting.findUnique({ where: { key } }))?.value === 'true';
    if (before === enabled) return;
    await tx.setting.upsert({ where: { key }, create: { key, value: String(enabled) }, update: { value: String(enabled) } });
    await recordAudit(tx, actor, 'settings.changed', { type: 'setting', id: key }, { before: { [key]: before }, after: { [key]: enabled } });
  });
}

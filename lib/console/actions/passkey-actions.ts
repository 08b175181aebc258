'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { adminAction } from '@/lib/console/admin-action';
import { clientAddress } from '@/lib/http/client-address';
import { listPasskeys } from '@/lib/passkeys/passkey-list';
import { removePasskey } from '@/lib/passkeys/remove-passkey';

const userId = z.string().min(1).max(64);
const page = '/console/users';

/** A user's passkeys for the details panel (names and dates; never key material). */
export const listUserPasskeysAction = adminAction({ args: [userId], revalidate: page }, async ([id]) =>
  (await listPasskeys(await getDb(), id)).map((p) => ({
    ...p,
    createdAt: p.createdAt.toISOString(),
    lastUsedAt: p.lastUsedAt?.toISOString() ?? null,
    suspendedAt: p.suspendedAt?.toISOString() ?? null,
  })),
);

/** "Remove" of one passkey: audited, recorded as the user's security event; only super admins remove administrators' passkeys. */
export const removeUserPasskeyAction = adminAction({ args: [userId, z.unknown()], revalidate: page }, async ([id, passkeyId], { admin, actor }) => {
  const request = await headers();
  const manager = { actor, managesAdmins: admin.role === 'super_admin', address: clientAddress({ headers: request }), userAgent: request.get('user-agent') ?? '' };
  return removePasskey(await getDb(), id, { passkeyId }, { manager });
});

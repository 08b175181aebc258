import type { Db } from '@/lib/db/client';
import { CONSOLE_CLIENT_ID } from '@/lib/clients/default-clients';
import { CLIENT_SECRET_PREFIX } from '@/lib/clients/client-secret';
import { adoptSecret } from '@/lib/secrets/secret-token';
import { deriveSecret } from '@/lib/keys/keys';
import { newId } from '@/lib/secrets/ids';
import { changeClients } from '@/lib/clients/clients-version';

/**
 * The console signs administrators in through Thalamus's own authorization code flow,
 * as the confidential client "thalamus-console". Its secret is derived from the
 * internal key rather than stored, so every instance knows it and no file holds it.
 */
export async function consoleClientSecret(db: Db): Promise<string> {
  return `${CLIENT_SECRET_PREFIX}${await deriveSecret(db, 'thalamus-console client secret')}`;
}

/** Registers the derived secret's digest on the console client (idempotent). */
export async function ensureConsoleClientSecret(db: Db): Promise<boolean> {
  const secret = adoptSecret(await consoleClientSecret(db), CLIENT_SECRET_PREFIX);
  const existing = await db.clientSecret.findUnique({ where: { digest: secret.digest } });
  if (existing) return false;
  await changeClients(db, (tx) => tx.clientSecret.create({ data: { id: newId('sec'), clientId: CONSOLE_CLIENT_ID, digest: secret.digest, hint: secret.hint } }));
  return true;
}

/** The session-encryption secret of the console (next-auth). */
export function consoleSessionSecret(db: Db): Promise<string> {
  return deriveSecret(db, 'thalamus-console session');
}

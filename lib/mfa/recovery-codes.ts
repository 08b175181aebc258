import { randomBytes } from 'node:crypto';
import type { Db } from '@/lib/db/client';
import { digestSecret } from '@/lib/secrets/secret-token';
import { newId } from '@/lib/secrets/ids';

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // no 0/o, 1/l/i
export const RECOVERY_CODE_COUNT = 10;

function newCode(): string {
  const bytes = randomBytes(10);
  const chars = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

function normalize(code: string): string {
  return code.trim().toLowerCase().replace(/[\s-]/g, '');
}

/** Replaces a user's recovery codes; returns the new plaintext codes, shown once. */
export async function issueRecoveryCodes(db: Db, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await db.$transaction([
    db.recoveryCode.deleteMany({ where: { userId } }),
    db.recoveryCode.createMany({ data: codes.map((code) => ({ id: newId('rc'), userId, digest: digestSecret(normalize(code)) })) }),
  ]);
  return codes;
}

/** Uses up one recovery code; true if it was valid and unused (atomic: it works once). */
export async function redeemRecoveryCode(db: Db, userId: string, code: string): Promise<boolean> {
  const { count } = await db.recoveryCode.updateMany({
    where: { userId, digest: digestSecret(normalize(code)), usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1;
}

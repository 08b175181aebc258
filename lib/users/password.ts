import bcrypt from 'bcryptjs';
import { createHash } from 'node:crypto';
import { env } from '@/lib/config/env';

/**
 * Human passwords: bcrypt (OWASP Password Storage Cheat Sheet: work factor ≥ 10).
 * bcrypt reads only the first 72 bytes; longer inputs are first reduced with SHA-256
 * so that every byte counts and two long passwords with a shared prefix differ.
 */
function bcryptInput(password: string): string {
  return Buffer.byteLength(password, 'utf8') > 72 ? createHash('sha256').update(password, 'utf8').digest('base64') : password;
}

export function hashPassword(password: string, cost = env().BCRYPT_COST): Promise<string> {
  return bcrypt.hash(bcryptInput(password), cost);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(bcryptInput(password), hash);
}

/** A hash of a random string, compared against when the account does not exist, so timing does not reveal it. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(createHash('sha256').update(String(Math.random())).digest('hex'));
  return decoyHash;
}

import argon2 from 'argon2';
import bcrypt from 'bcryptjs';
import { createHash } from 'node:crypto';

/**
 * Human passwords: Argon2id, the OWASP Password Storage Cheat Sheet's first choice, at its
 * recommended minimum (19 MiB of memory, 2 iterations, 1 lane; RFC 9106 §4). It is
 * memory-hard, so guessing on GPUs gains far less than against bcrypt, and it costs about
 * 22 ms of CPU here against 70 ms for bcrypt at cost 10 in bcryptjs, which is what lets
 * one core take 15 sign-ins a second. It runs on libuv's thread pool, so a sign-in does
 * not stall the requests around it.
 *
 * bcrypt hashes (`$2a$`/`$2b$`/`$2y$`: accounts created before Argon2id, or imported from
 * another system) are still verified, and replaced by an Argon2id hash at the next
 * successful sign-in (`needsRehash`).
 */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

export interface PasswordCheck {
  matches: boolean;
  /** The hash is a bcrypt hash or weaker than today's parameters: store a new one. */
  needsRehash: boolean;
}

export async function checkPassword(password: string, hash: string): Promise<PasswordCheck> {
  if (isBcrypt(hash)) return { matches: await bcrypt.compare(bcryptInput(password), hash), needsRehash: true };
  if (!hash.startsWith('$argon2')) return { matches: false, needsRehash: false };
  try {
    return { matches: await argon2.verify(hash, password), needsRehash: argon2.needsRehash(hash, ARGON2_OPTIONS) };
  } catch {
    return { matches: false, needsRehash: false }; // a damaged hash matches nothing
  }
}

function isBcrypt(hash: string): boolean {
  return /^\$2[aby]\$\d{2}\$/.test(hash);
}

/**
 * bcrypt reads only the first 72 bytes; Thalamus's bcrypt hashes were made from the
 * SHA-256 of longer passwords, so every byte counted. Argon2id has no such limit.
 */
function bcryptInput(password: string): string {
  return Buffer.byteLength(password, 'utf8') > 72 ? createHash('sha256').update(password, 'utf8').digest('base64') : password;
}

/** A hash of a random string, compared against when the account does not exist, so timing does not reveal it. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(createHash('sha256').update(String(Math.random())).digest('hex'));
  return decoyHash;
}

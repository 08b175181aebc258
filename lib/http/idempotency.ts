import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Db } from '@/lib/db/client';
import { deriveSecret } from '@/lib/keys/keys';
import { apiError } from './api-error';

/**
 * `Idempotency-Key` on POST: a retried request (same key, same API key, same body)
 * gets the first response again instead of creating a second client. Responses are
 * kept 24 hours, encrypted (AES-256-GCM) because a registration response holds the
 * new client's secret. A retry with a different body, or one that arrives while the
 * first is still running, gets 409.
 */
const TTL_MS = 24 * 3600 * 1000;
const IN_PROGRESS = 0;

async function cipherKey(db: Db): Promise<Buffer> {
  return Buffer.from(await deriveSecret(db, 'idempotency records'), 'base64url');
}

async function seal(db: Db, plaintext: string): Promise<string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await cipherKey(db), iv);
  const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((b) => b.toString('base64url')).join('.');
}

async function open(db: Db, sealed: string): Promise<string> {
  const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', await cipherKey(db), iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(data!), decipher.final()]).toString('utf8');
}

export async function idempotent(db: Db, request: Request, apiKeyId: string, bodyText: string, run: () => Promise<{ status: number; body: unknown }>): Promise<Response> {
  const key = request.headers.get('idempotency-key');
  if (key === null) {
    const result = await run();
    return Response.json(result.body, { status: result.status, headers: { 'Cache-Control': 'no-store' } });
  }
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    return apiError(400, 'invalid_request', 'Idempotency-Key must be 1 to 255 printable characters', [{ path: 'Idempotency-Key', message: 'Invalid header value' }]);
  }
  // The same key sent to another endpoint is another request, not a retry.
  const requestHash = createHash('sha256')
    .update(`${request.method} ${new URL(request.url).pathname}\n`)
    .update(bodyText)
    .digest('base64url');
  await db.idempotencyRecord.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  const existing = await db.idempotencyRecord.findUnique({ where: { apiKeyId_key: { apiKeyId, key } } });
  if (existing) {
    if (existing.requestHash !== requestHash) return apiError(409, 'conflict', 'This Idempotency-Key was used with a different request (body or endpoint)');
    if (existing.status === IN_PROGRESS) return apiError(409, 'conflict', 'A request with this Idempotency-Key is still being processed; retry shortly');
    return new Response(await open(db, existing.body), {
      status: existing.status,
      headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'Idempotent-Replayed': 'true' },
    });
  }
  try {
    await db.idempotencyRecord.create({ data: { apiKeyId, key, requestHash, status: IN_PROGRESS, body: '', expiresAt: new Date(Date.now() + TTL_MS) } });
  } catch {
    return apiError(409, 'conflict', 'A request with this Idempotency-Key is still being processed; retry shortly');
  }
  try {
    const result = await run();
    const text = JSON.stringify(result.body);
    if (result.status < 500) {
      await db.idempotencyRecord.update({ where: { apiKeyId_key: { apiKeyId, key } }, data: { status: result.status, body: await seal(db, text) } });
    } else {
      await db.idempotencyRecord.delete({ where: { apiKeyId_key: { apiKeyId, key } } });
    }
    return new Response(text, { status: result.status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });
  } catch (error) {
    await db.idempotencyRecord.delete({ where: { apiKeyId_key: { apiKeyId, key } } }).catch(() => undefined);
    throw error;
  }
}

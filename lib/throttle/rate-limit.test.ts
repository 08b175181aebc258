import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { clearAttempts, isLimited, takeAttempt } from './rate-limit';

afterAll(closeDb);

describe('takeAttempt', () => {
  const limit = { max: 5, windowSeconds: 60 };

  it('allows exactly the limit, even when 20 attempts arrive at once', async () => {
    const db = await getDb();
    const key = `test:${randomUUID()}`;
    const verdicts = await Promise.all(Array.from({ length: 20 }, () => takeAttempt(db, key, limit)));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
    expect(verdicts.find((v) => !v.allowed)?.retryAfter).toBeGreaterThan(0);
    expect((await isLimited(db, key, limit)).allowed).toBe(false);
  });

  it('starts a new window once the old one is over, and can be cleared', async () => {
    const db = await getDb();
    const key = `test:${randomUUID()}`;
    const past = new Date(Date.now() - 120_000);
    for (let i = 0; i < 5; i++) await takeAttempt(db, key, limit, past);
    expect((await takeAttempt(db, key, limit, past)).allowed).toBe(false);
    expect((await takeAttempt(db, key, limit)).allowed).toBe(true);
    await clearAttempts(db, key);
    expect((await isLimited(db, key, limit)).allowed).toBe(true);
  });
});

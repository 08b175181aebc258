import type { Db } from '@/lib/db/client';

/** A passkey as its owner and administrators see it (never its key material). */
export interface PasskeySummary {
  id: string;
  name: string;
  /** "singleDevice" (a security key or one device) | "multiDevice" (synced by a password manager) */
  deviceType: string;
  backedUp: boolean;
  createdAt: Date;
  lastUsedAt: Date | null;
  /** When a copy was detected: it no longer signs in. */
  suspendedAt: Date | null;
}

export async function listPasskeys(db: Db, userId: string): Promise<PasskeySummary[]> {
  return db.passkey.findMany({
    where: { userId },
    orderBy: { createdAt: 'asc' },
    select: { id: true, name: true, deviceType: true, backedUp: true, createdAt: true, lastUsedAt: true, suspendedAt: true },
  });
}

export async function passkeyCount(db: Db, userId: string): Promise<number> {
  return db.passkey.count({ where: { userId } });
}

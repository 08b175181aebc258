import type { Db } from '@/lib/db/client';

/** What the hosted pages show of a client: its name and logo. */
export interface ClientSummary {
  clientId: string;
  name: string;
  logoUri: string | null;
}

export async function clientSummary(db: Db, clientId: string): Promise<ClientSummary | undefined> {
  const row = await db.oAuthClient.findUnique({ where: { clientId }, select: { clientId: true, name: true, logoUri: true } });
  return row ?? undefined;
}

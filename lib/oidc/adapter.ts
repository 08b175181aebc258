import { errors, type Adapter, type AdapterPayload } from 'oidc-provider';
import { getDb } from '@/lib/db/client';
import { toProviderMetadata } from '@/lib/clients/provider-metadata';
import { currentResourceRegistry } from '@/lib/resources/resource-registry';

/**
 * oidc-provider storage adapter backed by Prisma.
 *
 * - `Client` is read from the oauth_clients table and is read-only here: clients are
 *   written by lib/clients (console, admin API, CLI), never by the provider.
 * - Every other model (Session, Interaction, AuthorizationCode, AccessToken,
 *   RefreshToken, ClientCredentials, Grant, …) lives in oidc_models keyed by
 *   (type, id), with indexed grant_id, uid, user_code and expires_at.
 * - `consume` is a conditional update: of two concurrent consumers exactly one
 *   wins; the other gets `invalid_grant` (RFC 6749 §4.1.2: a code is single-use).
 * - Expired rows are never returned, and `purgeExpired` deletes them.
 */
export class PrismaAdapter implements Adapter {
  constructor(private readonly type: string) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    if (this.type === 'Client') throw new Error('Clients are managed by Thalamus, not by the provider');
    const db = await getDb();
    const data = {
      payload: JSON.stringify(payload),
      grantId: payload.grantId ?? null,
      clientId: payload.clientId ?? null,
      uid: payload.uid ?? null,
      userCode: payload.userCode ?? null,
      accountId: payload.accountId ?? null,
      expiresAt: expiresIn ? new Date(Date.now() + (expiresIn + keptAfterExpiry(this.type)) * 1000) : null,
    };
    await db.oidcModel.upsert({
      where: { type_id: { type: this.type, id } },
      create: { type: this.type, id, ...data },
      update: data,
    });
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    const db = await getDb();
    if (this.type === 'Client') {
      const row = await db.oAuthClient.findUnique({
        where: { clientId: id },
        include: { secrets: { select: { digest: true, expiresAt: true } } },
      });
      if (!row || !row.enabled) return undefined;
      const registry = await currentResourceRegistry(getDb);
      return toProviderMetadata(row, new Date(), new Set(registry.scopeNames)) as unknown as AdapterPayload;
    }
    const row = await db.oidcModel.findUnique({ where: { type_id: { type: this.type, id } } });
    const payload = live(row);
    // A replaced refresh token used again within its client's reuse grace is served as
    // unused, so a client that lost the response is not mistaken for a thief.
    if (payload?.consumed && this.type === 'RefreshToken' && (await withinReuseGrace(payload.clientId, row!.consumedAt!))) delete payload.consumed;
    return payload;
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    const db = await getDb();
    return live(await db.oidcModel.findFirst({ where: { type: this.type, uid } }));
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    const db = await getDb();
    return live(await db.oidcModel.findFirst({ where: { type: this.type, userCode } }));
  }

  async consume(id: string): Promise<void> {
    const db = await getDb();
    const { count } = await db.oidcModel.updateMany({
      where: { type: this.type, id, consumedAt: null },
      data: { consumedAt: new Date() },
    });
    if (count === 0) {
      if (this.type === 'RefreshToken') {
        const row = await db.oidcModel.findUnique({ where: { type_id: { type: this.type, id } }, select: { consumedAt: true, clientId: true } });
        if (row?.consumedAt && (await withinReuseGrace(row.clientId ?? undefined, row.consumedAt))) return;
      }
      throw new errors.InvalidGrant(`${this.type} has already been used`);
    }
  }

  async destroy(id: string): Promise<void> {
    const db = await getDb();
    await db.oidcModel.deleteMany({ where: { type: this.type, id } });
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    const db = await getDb();
    await db.oidcModel.deleteMany({ where: { grantId } });
  }
}

/**
 * Whether a refresh token replaced at `consumedAt` is still inside its client's reuse grace
 * (refresh_token_reuse_grace, seconds). Read only for a replaced token used again: rare.
 */
async function withinReuseGrace(clientId: string | undefined, consumedAt: Date): Promise<boolean> {
  if (!clientId) return false;
  const db = await getDb();
  const client = await db.oAuthClient.findUnique({ where: { clientId }, select: { refreshTokenReuseGrace: true } });
  return !!client && Date.now() - consumedAt.getTime() <= client.refreshTokenReuseGrace * 1000;
}

/**
 * A device code is kept an hour past its expiry: a device still polling then is told
 * `expired_token` (RFC 8628 §3.5), so it can say "start again", rather than the
 * `invalid_grant` of a code never seen. The provider checks the code's own `exp`.
 */
const DEVICE_CODE_KEPT_SECONDS = 3600;

function keptAfterExpiry(type: string): number {
  return type === 'DeviceCode' ? DEVICE_CODE_KEPT_SECONDS : 0;
}

type Row = { payload: string; expiresAt: Date | null; consumedAt: Date | null } | null;

function live(row: Row): AdapterPayload | undefined {
  if (!row) return undefined;
  if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) return undefined;
  const payload = JSON.parse(row.payload) as AdapterPayload;
  if (row.consumedAt) payload.consumed = Math.floor(row.consumedAt.getTime() / 1000);
  return payload;
}

/** Revokes everything issued to a client: codes, tokens, grants (used when a client is deleted). */
export async function revokeByClientId(clientId: string): Promise<number> {
  const db = await getDb();
  const { count } = await db.oidcModel.deleteMany({ where: { clientId } });
  return count;
}

/** Deletes artefacts past their expiry; returns how many went. */
export async function purgeExpired(now = new Date()): Promise<number> {
  const db = await getDb();
  const { count } = await db.oidcModel.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}

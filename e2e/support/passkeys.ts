import { execFileSync } from 'node:child_process';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { createDb, type Db } from '../../lib/db/client';
import { parseDatabaseUrl } from '../../lib/db/database-url';
import { createTestDatabase } from '../../scripts/test-database.mjs';
import { startExtraServer, type ExtraServer } from './extra-server';

/**
 * Passkeys need a host name: WebAuthn refuses an IP address as relying party ID, and the
 * test server's APP_URL is http://127.0.0.1:<port>. So the passkey tests run their own
 * installation at http://localhost:<port> (a secure context for WebAuthn), on a database
 * of its own, set up with `thalamus setup` for that APP_URL as an operator would.
 */
export interface PasskeyInstallation {
  url: string;
  /** The environment of its CLI (DATABASE_URL and APP_URL of this installation). */
  env: NodeJS.ProcessEnv;
  server: ExtraServer;
  /** Runs `work` with a database client of this installation. */
  withDb<T>(work: (db: Db) => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

export async function startPasskeyInstallation(port: number): Promise<PasskeyInstallation> {
  const database = await createTestDatabase(process.env.DATABASE_URL);
  const url = `http://localhost:${port}`;
  const env = { ...process.env, DATABASE_URL: database.url, APP_URL: url };
  execFileSync(process.execPath, ['bin/thalamus.mjs', 'setup'], { env, stdio: 'ignore' });
  const server = await startExtraServer(port, { DATABASE_URL: database.url, APP_URL: url });
  return {
    url,
    env,
    server,
    async withDb(work) {
      const db = createDb(parseDatabaseUrl(database.url));
      try {
        return await work(db);
      } finally {
        await db.$disconnect();
      }
    },
    async stop() {
      await server.stop();
      await database.drop();
    },
  };
}

/** A credential as Chromium's virtual authenticator holds it (CDP WebAuthn.Credential). */
export interface VirtualCredential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  privateKey: string;
  userHandle?: string;
  signCount: number;
}

/**
 * A platform authenticator with user verification (a laptop's fingerprint reader, say)
 * in this browser, through the DevTools protocol: it answers WebAuthn requests itself.
 */
export class VirtualAuthenticator {
  private constructor(
    private readonly cdp: CDPSession,
    readonly id: string,
  ) {}

  static async add(context: BrowserContext, page: Page): Promise<VirtualAuthenticator> {
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    return new VirtualAuthenticator(cdp, authenticatorId);
  }

  async credentials(): Promise<VirtualCredential[]> {
    const { credentials } = await this.cdp.send('WebAuthn.getCredentials', { authenticatorId: this.id });
    return credentials as VirtualCredential[];
  }

  /** Puts a credential back as it was (a copy of the authenticator made earlier, say). */
  async restore(credential: VirtualCredential): Promise<void> {
    await this.cdp.send('WebAuthn.removeCredential', { authenticatorId: this.id, credentialId: credential.credentialId });
    await this.cdp.send('WebAuthn.addCredential', { authenticatorId: this.id, credential });
  }
}

/**
 * A browser without passkey autofill (no conditional mediation): the sign-in page then
 * waits for "Sign in with a passkey". Chromium's virtual authenticator answers an
 * autofill request at once, as if the person had picked the passkey from the Email
 * field's suggestions, which would sign in before a test could click or type anything.
 */
export async function withoutPasskeyAutofill(page: Page): Promise<void> {
  await page.addInitScript(() => {
    Object.defineProperty(PublicKeyCredential, 'isConditionalMediationAvailable', { value: async () => false });
  });
}

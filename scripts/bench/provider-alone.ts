/**
 * Reference row: oidc-provider on its own (plain Node http server, in-memory adapter),
 * issuing the same ES256 JWT client_credentials tokens. It is the ceiling for what the
 * library can do on this machine; Thalamus adds Next.js, the bridge and the database.
 * Usage: node --import tsx scripts/bench/provider-alone.ts <port>
 */
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

const port = Number(process.argv[2] ?? 3390);
const issuer = `http://127.0.0.1:${port}`;
const { privateKey } = await generateKeyPair('ES256', { extractable: true });
const jwk = { ...(await exportJWK(privateKey)), kid: 'bench', alg: 'ES256', use: 'sig' };

const provider = new Provider(issuer, {
  scopes: ['openid', 'directory:read'],
  clients: [
    {
      client_id: 'bench',
      client_secret: 'bench-secret-bench-secret-bench-secret',
      grant_types: ['client_credentials'],
      redirect_uris: [],
      response_types: [],
      scope: 'directory:read',
      id_token_signed_response_alg: 'ES256',
    },
  ],
  jwks: { keys: [jwk] as never },
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => `${issuer}/api`,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({ scope: 'directory:read', audience: `${issuer}/api`, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'ES256' } } }),
    },
  },
});
createServer(provider.callback()).listen(port, '127.0.0.1', () => console.log(`ready ${issuer}`));

import { handleOidcRequest } from '@/lib/oidc/handle-request';

// Every /oauth/* endpoint (authorize, token, userinfo, jwks, introspect, revoke, logout)
// is served by oidc-provider; see lib/oidc.
export const dynamic = 'force-dynamic';

export const GET = (request: Request) => handleOidcRequest(request);
export const POST = (request: Request) => handleOidcRequest(request);
export const OPTIONS = (request: Request) => handleOidcRequest(request);

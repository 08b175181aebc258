import { handleOidcRequest } from '@/lib/oidc/handle-request';

// OpenID Connect Discovery 1.0 §4
export const dynamic = 'force-dynamic';

export const GET = (request: Request) => handleOidcRequest(request);
export const OPTIONS = (request: Request) => handleOidcRequest(request);

import { handleOidcRequest } from '@/lib/oidc/handle-request';

// RFC 8414 §3: authorization server metadata. The OpenID Provider metadata is a
// superset with the same meaning, so both documents are one.
export const dynamic = 'force-dynamic';

export const GET = (request: Request) => handleOidcRequest(request, '/.well-known/openid-configuration');

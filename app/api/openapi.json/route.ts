import { issuer } from '@/lib/config/env';
import { openApiDocument } from '@/lib/openapi/openapi-document';

export const dynamic = 'force-dynamic';

/** GET /api/openapi.json: the admin API as OpenAPI 3.1 (public: it describes, it does not grant). */
export function GET() {
  return Response.json(openApiDocument(issuer()));
}

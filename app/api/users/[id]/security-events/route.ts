import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { withApiKey } from '@/lib/http/with-api-key';
import { parseInput } from '@/lib/errors/service-error';
import { pageNumber, pageSize } from '@/lib/db/list-query';
import { userSecurityEvents } from '@/lib/users/user-activity';

export const dynamic = 'force-dynamic';

const querySchema = z.strictObject({ page: pageNumber, page_size: pageSize(50) });

/** GET /api/users/{id}/security-events?page=&page_size=: sign-ins, lockouts and account changes, newest first. */
export const GET = withApiKey<{ id: string }>('users:read', async (request, { params }) => {
  const query = parseInput(querySchema, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await userSecurityEvents(await getDb(), params.id, query.page, query.page_size), { headers: { 'Cache-Control': 'no-store' } });
});

import { collectionRoutes } from '@/lib/scim/collection-routes';
import { createScimUser, listScimUsers } from '@/lib/scim/scim-users';

export const dynamic = 'force-dynamic';

/** GET /scim/v2/Users?filter=&startIndex=&count= (RFC 7644 §3.4.2); POST /scim/v2/Users → 201 with the user and its Location (§3.3). */
const routes = collectionRoutes({ list: listScimUsers, create: createScimUser });
export const GET = routes.GET;
export const POST = routes.POST;

import { collectionRoutes } from '@/lib/scim/collection-routes';
import { createScimGroup, listScimGroups } from '@/lib/scim/scim-groups';

export const dynamic = 'force-dynamic';

/** GET /scim/v2/Groups?filter=&startIndex=&count= (RFC 7644 §3.4.2); POST /scim/v2/Groups → 201 with the group and its Location (§3.3). */
const routes = collectionRoutes({ list: listScimGroups, create: createScimGroup });
export const GET = routes.GET;
export const POST = routes.POST;

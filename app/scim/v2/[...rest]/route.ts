import { ScimError, scimErrorResponse } from '@/lib/scim/scim-error';

export const dynamic = 'force-dynamic';

/** Anything else under /scim/v2 is answered in the SCIM error shape, not with an HTML page. */
const notFound = async () => scimErrorResponse(new ScimError(404, 'No such SCIM endpoint: Users, Groups, ServiceProviderConfig, ResourceTypes and Schemas are served'));

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };

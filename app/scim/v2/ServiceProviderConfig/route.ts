import { withDirectoryToken } from '@/lib/scim/with-directory-token';
import { scimJson } from '@/lib/scim/scim-error';
import { serviceProviderConfig } from '@/lib/scim/scim-schemas';

export const dynamic = 'force-dynamic';

/** GET /scim/v2/ServiceProviderConfig (RFC 7644 §4). */
export const GET = withDirectoryToken('directory:read', async () => scimJson(serviceProviderConfig()));

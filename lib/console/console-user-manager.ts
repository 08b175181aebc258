import { headers } from 'next/headers';
import type { AdminContext } from '@/lib/console/admin-action';
import { clientAddress } from '@/lib/http/client-address';
import type { UserManager } from '@/lib/users/user-manager';

/** The signed-in admin as a UserManager: only super admins change administrators (lib/users/user-manager.ts). */
export async function consoleUserManager({ admin, actor }: AdminContext): Promise<UserManager> {
  const request = await headers();
  return { actor, managesAdmins: admin.role === 'super_admin', address: clientAddress({ headers: request }), userAgent: request.get('user-agent') ?? '' };
}

import type { Actor } from '@/lib/audit/record-audit';
import { ServiceError } from '@/lib/errors/service-error';

/**
 * Who is changing a user, and how far their rights go. Admins manage end users;
 * only super admins (in the console), the platform token (scope admin) and the CLI
 * give or remove the admin role, or change and delete administrators. An admin API key
 * with users:write manages end users only, so a leaked key cannot mint an administrator.
 */
export interface UserManager {
  actor: Actor;
  managesAdmins: boolean;
  /** Where the request came from, for the security events it causes. */
  address?: string;
  userAgent?: string;
}

export const CLI_MANAGER = (actor: Actor): UserManager => ({ actor, managesAdmins: true });

export function requireManagesAdmins(manager: UserManager, role: string, what: string): void {
  if (role === 'user' || manager.managesAdmins) return;
  throw new ServiceError('forbidden', `Only super admins can ${what} an administrator`);
}

export function refuseSuperAdmin(role: string, what: string): void {
  if (role === 'super_admin') throw new ServiceError('forbidden', `Super admins are managed with \`npx thalamus admins\`: you cannot ${what} one here`);
}

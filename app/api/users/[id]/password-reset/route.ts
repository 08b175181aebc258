import { accountLinkRoute } from '@/lib/http/account-link-route';

export const dynamic = 'force-dynamic';

/** POST /api/users/{id}/password-reset: emails a new reset link (earlier ones stop working), or answers the one-time link when mail is not configured. */
export const POST = accountLinkRoute('password_reset');

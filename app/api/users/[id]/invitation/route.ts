import { accountLinkRoute } from '@/lib/http/account-link-route';

export const dynamic = 'force-dynamic';

/** POST /api/users/{id}/invitation: (re)sends the invitation of a user without a password, or answers the one-time link when mail is not configured. */
export const POST = accountLinkRoute('invitation');

import 'server-only';
import { CONSOLE_CLIENT_ID } from '@/lib/clients/default-clients';
import type { InteractionDetails } from '@/lib/oidc/interaction';
import { countActivity } from './activity-counts';

export { countActivity };

/**
 * Counts a completed sign-in, and whether it was to an application rather than to this
 * console (the overview's "first sign-in" step asks for one to an application).
 */
export function countSignIn(details: Pick<InteractionDetails, 'params'>): void {
  countActivity('sign_in');
  if (details.params.client_id !== CONSOLE_CLIENT_ID) countActivity('app_sign_in');
}

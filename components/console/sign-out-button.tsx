'use client';

import { signOut } from 'next-auth/react';
import { consoleSignOutUrlAction } from '@/lib/console/actions/sign-out-actions';

/**
 * Ends the console session, then the Thalamus single sign-on session (RP-initiated
 * logout). The click is the admin's one confirmation: the logout request carries the
 * console's ID token, so the provider does not ask again. `logoutUrl` (no hint, so the
 * provider asks) is the way out when the hint cannot be had.
 */
export function SignOutButton({ logoutUrl }: { logoutUrl: string }) {
  return (
    <button
      type="button"
      onClick={async () => {
        const callbackUrl = await consoleSignOutUrlAction().catch(() => logoutUrl);
        await signOut({ callbackUrl });
      }}
      className="rounded-md px-2 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      Sign out
    </button>
  );
}

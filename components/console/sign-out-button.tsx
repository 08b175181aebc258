'use client';

import { signOut } from 'next-auth/react';

/** Ends the console session, then the Thalamus single sign-on session (RP-initiated logout). */
export function SignOutButton({ logoutUrl }: { logoutUrl: string }) {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: logoutUrl })}
      className="rounded-md px-2 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      Sign out
    </button>
  );
}

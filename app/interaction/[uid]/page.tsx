import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Sign in' };

/**
 * The provider sends users here to sign in (the interaction URL in lib/oidc).
 * Hosted sign-in is not part of this release yet, so say so plainly.
 */
export default function InteractionPage() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-4 px-6">
      <h1 className="text-2xl font-semibold">Sign-in is not available yet</h1>
      <p className="text-slate-600 dark:text-slate-300">
        This Thalamus server does not offer interactive sign-in yet. Applications can use the client credentials grant
        in the meantime. Please return to the application.
      </p>
    </main>
  );
}

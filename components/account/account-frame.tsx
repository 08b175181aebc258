import type { ReactNode } from 'react';

/** The account page's frame: the hosted pages' look, wider, with the person's identity and a way out. */
export function AccountFrame({ email, signOut, children }: { email: string; signOut: ReactNode; children: ReactNode }) {
  return (
    <main className="mx-auto w-full max-w-2xl space-y-6 px-4 py-10">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
          <p className="text-sm break-all text-slate-600 dark:text-slate-400">{email}</p>
        </div>
        {signOut}
      </header>
      {children}
    </main>
  );
}

import type { ReactNode } from 'react';

/** The frame of every hosted page: the client being signed in to, a title and the step's content. */
export function AuthCard({ title, client, children }: { title: string; client?: { name: string; logoUri: string | null }; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        {client && (
          <div className="mb-6 flex items-center gap-3">
            {client.logoUri ? (
              // eslint-disable-next-line @next/next/no-img-element -- arbitrary client logo URL
              <img src={client.logoUri} alt="" className="h-10 w-10 rounded-md object-contain" referrerPolicy="no-referrer" />
            ) : (
              <span aria-hidden className="flex h-10 w-10 items-center justify-center rounded-md bg-indigo-100 text-lg font-semibold text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300">
                {client.name.slice(0, 1).toUpperCase()}
              </span>
            )}
            <p className="text-sm text-slate-600 dark:text-slate-400">
              to continue to <span className="font-semibold text-slate-900 dark:text-slate-100">{client.name}</span>
            </p>
          </div>
        )}
        <h1 className="mb-6 text-xl font-semibold tracking-tight">{title}</h1>
        {children}
      </div>
    </main>
  );
}

import type { ReactNode } from 'react';
import { withoutControls } from '@/lib/text/control-characters';

/**
 * The frame of every hosted page: the client being signed in to, a title and the step's
 * content. The client's name is the registrant's text, shown isolated (`<bdi>`) so that
 * right-to-left text or a direction override saved in it cannot reorder the page's words.
 */
export function AuthCard({
  title,
  client,
  accountLink = true,
  children,
}: {
  title: string;
  client?: { name: string; logoUri: string | null };
  /** The footer's link to the account page (/account), where people manage their password, two-step verification, apps and sessions. */
  accountLink?: boolean;
  children: ReactNode;
}) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        {client && (
          <div className="mb-6 flex items-center gap-3">
            {client.logoUri ? (
              // eslint-disable-next-line @next/next/no-img-element -- arbitrary client logo URL
              <img src={client.logoUri} alt="" className="h-10 w-10 rounded-md object-contain" referrerPolicy="no-referrer" />
            ) : (
              <span
                aria-hidden
                className="flex h-10 w-10 items-center justify-center rounded-md bg-indigo-100 text-lg font-semibold text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300"
              >
                {Array.from(withoutControls(client.name))[0]?.toUpperCase()}
              </span>
            )}
            <p className="text-sm text-slate-600 dark:text-slate-400">
              to continue to <bdi className="font-semibold text-slate-900 dark:text-slate-100">{client.name}</bdi>
            </p>
          </div>
        )}
        <h1 className="mb-6 text-xl font-semibold tracking-tight">{title}</h1>
        {children}
        {accountLink && (
          <p className="mt-6 border-t border-slate-200 pt-4 text-center text-sm dark:border-slate-800">
            <a href="/account" className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
              Manage your account
            </a>
          </p>
        )}
      </div>
    </main>
  );
}

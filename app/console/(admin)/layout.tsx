import type { ReactNode } from 'react';
import { redirect } from 'next/navigation';
import { consoleAccess } from '@/lib/console/require-admin';
import { consoleLogoutUrl } from '@/lib/console/logout-url';
import { ConsoleNavigation } from '@/components/console/console-navigation';
import { SignOutButton } from '@/components/console/sign-out-button';
import { ThemeToggle, themeScript } from '@/components/console/theme-toggle';
import { Forbidden } from '@/components/console/forbidden';
import { Toaster } from '@/components/console/toaster';
import { requestNonce } from '@/lib/security/request-nonce';

export const dynamic = 'force-dynamic';

/** Every console page: a skip link, the header and sidebar, and the page itself in `<main id="content">`. */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const access = await consoleAccess();
  if (access.status === 'signed-out') redirect('/console/sign-in');
  if (access.status === 'forbidden') return <Forbidden email={access.email} logoutUrl={consoleLogoutUrl()} />;
  const { admin } = access;
  return (
    <div className="min-h-screen">
      <script nonce={await requestNonce()} dangerouslySetInnerHTML={{ __html: themeScript }} />
      <a href="#content" className="sr-only rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50">
        Skip to content
      </a>
      <ConsoleNavigation
        account={
          <>
            <p className="truncate text-sm font-medium" title={admin.email}>
              {admin.name || admin.email}
            </p>
            <p className="truncate text-xs text-slate-500">
              {admin.email} · {admin.role === 'super_admin' ? 'Super admin' : 'Admin'}
            </p>
            <div className="flex items-center justify-between">
              <SignOutButton logoutUrl={consoleLogoutUrl()} />
              <ThemeToggle />
            </div>
          </>
        }
      >
        <main id="content" tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
          {children}
        </main>
      </ConsoleNavigation>
      <Toaster />
    </div>
  );
}

import type { ReactNode } from 'react';
import { redirect } from 'next/navigation';
import { consoleAccess } from '@/lib/console/require-admin';
import { consoleLogoutUrl } from '@/lib/console/logout-url';
import { SidebarNav } from '@/components/console/sidebar-nav';
import { SignOutButton } from '@/components/console/sign-out-button';
import { ThemeToggle, themeScript } from '@/components/console/theme-toggle';
import { Forbidden } from '@/components/console/forbidden';
import { Toaster } from '@/components/console/toaster';
import { requestNonce } from '@/lib/security/request-nonce';

export const dynamic = 'force-dynamic';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const access = await consoleAccess();
  if (access.status === 'signed-out') redirect('/console/sign-in');
  if (access.status === 'forbidden') return <Forbidden email={access.email} logoutUrl={consoleLogoutUrl()} />;
  const { admin } = access;
  return (
    <div className="flex min-h-screen">
      <script nonce={await requestNonce()} dangerouslySetInnerHTML={{ __html: themeScript }} />
      <aside className="flex w-60 shrink-0 flex-col border-r border-slate-200 bg-white px-3 py-5 dark:border-slate-800 dark:bg-slate-900">
        <p className="mb-6 px-3 text-lg font-bold tracking-tight">
          Thalamus <span className="text-sm font-medium text-slate-500">Console</span>
        </p>
        <SidebarNav />
        <div className="mt-auto space-y-2 border-t border-slate-200 px-3 pt-4 dark:border-slate-800">
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
        </div>
      </aside>
      <div className="min-w-0 flex-1">{children}</div>
      <Toaster />
    </div>
  );
}

import Link from 'next/link';

const tab = 'rounded-md px-3 py-1.5 text-sm font-medium';

/** The Audit Log's two views: configuration changes, and what happened to accounts (security events). */
export function AuditViews({ current }: { current: 'changes' | 'security' }) {
  const item = (view: 'changes' | 'security', label: string, href: string) => (
    <Link
      href={href}
      aria-current={current === view ? 'page' : undefined}
      className={`${tab} ${current === view ? 'bg-indigo-50 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300' : 'text-slate-600 hover:bg-slate-100 dark:text-slate-400 dark:hover:bg-slate-800'}`}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Audit Log views" className="mb-4 flex gap-2">
      {item('changes', 'Changes', '/console/audit')}
      {item('security', 'Security events', '/console/audit?view=security')}
    </nav>
  );
}

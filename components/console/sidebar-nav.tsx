'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const sections = [
  { title: 'Get started', links: [{ href: '/console', label: 'Overview' }] },
  {
    title: 'Configuration',
    links: [
      { href: '/console/clients', label: 'OAuth Clients' },
      { href: '/console/scopes', label: 'OAuth Scopes' },
      { href: '/console/apis', label: 'APIs' },
      { href: '/console/organizations', label: 'Organizations' },
    ],
  },
  {
    title: 'Directory',
    links: [
      { href: '/console/users', label: 'Users' },
      { href: '/console/groups', label: 'Groups' },
    ],
  },
  {
    title: 'Settings',
    links: [
      { href: '/console/settings/api-keys', label: 'API Keys' },
      { href: '/console/settings/email', label: 'Email' },
      { href: '/console/settings/sign-in', label: 'Sign-in' },
    ],
  },
  { title: 'Activity', links: [{ href: '/console/audit', label: 'Audit Log' }] },
];

/** The console's sections and pages; `onNavigate` runs when a link is followed (the phone drawer closes). */
export function SidebarNav({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Console" className="space-y-6">
      {sections.map((section) => (
        <div key={section.title}>
          <p className="mb-2 px-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">{section.title}</p>
          <ul className="space-y-1">
            {section.links.map((link) => {
              const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
              return (
                <li key={link.href}>
                  <Link
                    href={link.href}
                    aria-current={current ? 'page' : undefined}
                    onClick={onNavigate}
                    className={`block rounded-md px-3 py-2 text-sm font-medium ${current ? 'bg-indigo-50 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300' : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'}`}
                  >
                    {link.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}

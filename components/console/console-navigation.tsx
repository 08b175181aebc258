'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { SidebarNav } from './sidebar-nav';

const SIDEBAR_ID = 'console-sidebar';

/**
 * The console's header and sidebar. On wide screens (lg and up) the sidebar is always
 * there; on narrower ones it hides behind the header's "Menu" button and opens over the
 * page as a drawer, which closes on navigation, on Escape and on a click beside it.
 * `children` is the page, beside the sidebar.
 */
export function ConsoleNavigation({ account, children }: { account: ReactNode; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const sidebar = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!open) return;
    const links = sidebar.current?.querySelectorAll<HTMLElement>('nav a');
    // The focus goes to the current page's link (else the first), so Tab and Shift+Tab move from there.
    (sidebar.current?.querySelector<HTMLElement>('a[aria-current="page"]') ?? links?.[0])?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);

  return (
    <>
      <header className="sticky top-0 z-30 flex h-14 items-center gap-3 border-b border-slate-200 bg-white px-4 dark:border-slate-800 dark:bg-slate-900">
        <button
          ref={menuButton}
          type="button"
          aria-expanded={open}
          aria-controls={SIDEBAR_ID}
          onClick={() => setOpen(!open)}
          className="-ml-1 inline-flex items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 lg:hidden dark:text-slate-300 dark:hover:bg-slate-800"
        >
          <svg aria-hidden viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor">
            {open ? (
              <path d="M5.3 4 10 8.6 14.7 4 16 5.3 11.4 10l4.6 4.7-1.3 1.3-4.7-4.6L5.3 16 4 14.7 8.6 10 4 5.3 5.3 4Z" />
            ) : (
              <path d="M3 5h14v2H3V5Zm0 4h14v2H3V9Zm0 4h14v2H3v-2Z" />
            )}
          </svg>
          Menu
        </button>
        <p className="text-lg font-bold tracking-tight">
          Thalamus <span className="text-sm font-medium text-slate-500">Console</span>
        </p>
      </header>
      <div className="lg:flex">
        {open && <div aria-hidden className="fixed inset-0 top-14 z-20 bg-slate-950/40 lg:hidden" onClick={() => setOpen(false)} />}
        <aside
          ref={sidebar}
          id={SIDEBAR_ID}
          aria-label="Console menu"
          className={`${open ? 'flex' : 'hidden'} fixed top-14 bottom-0 left-0 z-30 w-72 max-w-[85vw] flex-col overflow-y-auto border-r border-slate-200 bg-white px-3 py-5 shadow-xl lg:sticky lg:bottom-auto lg:flex lg:h-[calc(100vh-3.5rem)] lg:w-60 lg:max-w-none lg:shrink-0 lg:shadow-none dark:border-slate-800 dark:bg-slate-900`}
        >
          <SidebarNav onNavigate={() => setOpen(false)} />
          <div className="mt-auto space-y-2 border-t border-slate-200 px-3 pt-4 dark:border-slate-800">{account}</div>
        </aside>
        {children}
      </div>
    </>
  );
}

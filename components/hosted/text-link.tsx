import type { ReactNode } from 'react';

/** A plain link in the hosted pages' accent colour (full page loads: these pages work without JavaScript). */
export function TextLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
      {children}
    </a>
  );
}

/** A link styled as the page's main button ("Sign in" on a success page). */
export function ButtonLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a
      href={href}
      className="inline-flex w-full items-center justify-center rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
    >
      {children}
    </a>
  );
}

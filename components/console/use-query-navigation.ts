'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTransition } from 'react';

/**
 * For list views whose search, filters, sorting and page live in the URL: `navigate`
 * sets or removes query parameters (an empty value removes one) and keeps the others;
 * the server renders the page they describe.
 */
export function useQueryNavigation() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const navigate = (changes: Record<string, string | undefined>, replace = false) => {
    // The URL as it is now, not as it was when the caller rendered: a search typed just
    // before a row was opened must not close the row again when its delay runs out.
    const next = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    const url = next.size ? `${pathname}?${next}` : pathname;
    startTransition(() => (replace ? router.replace(url, { scroll: false }) : router.push(url, { scroll: false })));
  };
  return { navigate, pending, params };
}

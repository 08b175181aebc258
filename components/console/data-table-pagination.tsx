import type { ReactNode } from 'react';
import { Button } from './button';

type Turn = { onPageChange: (page: number) => void; href?: never } | { href: (page: number) => string; onPageChange?: never };

/**
 * Below a list paged on the server: what is shown, "Page n of m", and Previous / Next.
 * In a client view they are buttons (`onPageChange`); on a server-rendered page they
 * are links (`href`), shown only where there is a page to go to.
 */
export function DataTablePagination({ page, pageSize, total, summary, ...turn }: { page: number; pageSize: number; total: number; summary: ReactNode } & Turn) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const step = (to: number, label: string, disabled: boolean) => {
    if (turn.href)
      return disabled ? null : (
        <a href={turn.href(to)} className="font-medium underline">
          {label}
        </a>
      );
    return (
      <Button disabled={disabled} onClick={() => turn.onPageChange(to)}>
        {label}
      </Button>
    );
  };
  return (
    <nav aria-label="Pagination" className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600 dark:text-slate-400">
      <p>{summary}</p>
      <div className="flex items-center gap-2">
        {step(page - 1, 'Previous', page <= 1)}
        <span>
          Page {page} of {pages}
        </span>
        {step(page + 1, 'Next', page >= pages)}
      </div>
    </nav>
  );
}

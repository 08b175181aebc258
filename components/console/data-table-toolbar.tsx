'use client';

import { useEffect, useId, useState, type ReactNode } from 'react';

/**
 * Above a list: the search box (its text reaches `onSearch` once typing pauses, so each
 * keystroke is not a request), the list's filters, and "Loading…" while the next page renders.
 */
export function DataTableToolbar({
  search,
  onSearch,
  placeholder,
  pending = false,
  children,
}: {
  /** The search the shown page answers (the URL's `q`). */
  search?: string;
  /** Without it the list has no search box (a short list with filters only). */
  onSearch?: (search: string | undefined) => void;
  placeholder?: string;
  pending?: boolean;
  children?: ReactNode;
}) {
  return (
    <div className="mb-4 flex flex-wrap items-center gap-3">
      {onSearch && <SearchBox search={search} onSearch={onSearch} placeholder={placeholder} />}
      {children}
      {pending && (
        <span className="text-sm text-slate-500" role="status">
          Loading…
        </span>
      )}
    </div>
  );
}

function SearchBox({ search, onSearch, placeholder }: { search?: string; onSearch: (search: string | undefined) => void; placeholder?: string }) {
  const id = useId();
  const [text, setText] = useState(search ?? '');
  useEffect(() => {
    if (text === (search ?? '')) return;
    const timer = setTimeout(() => onSearch(text || undefined), 250);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only typing starts a search
  }, [text]);
  return (
    <>
      <label className="sr-only" htmlFor={id}>
        Search
      </label>
      <input
        id={id}
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={placeholder}
        className="min-w-0 flex-1 basis-56 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-indigo-500 sm:max-w-sm dark:border-slate-700 dark:bg-slate-950"
      />
    </>
  );
}

/**
 * One of a list's filters: a select named by `label` whose value lives in the URL
 * (the first option, value "", is "no filter"). A filter in use is outlined, so the
 * narrowed list says why at a glance.
 */
export function ToolbarFilter({
  label,
  value,
  onChange,
  className = '',
  children,
}: {
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  /** E.g. a maximum width for a select whose options can be long (names). */
  className?: string;
  /** The `<option>`s, the unfiltered one (value "") first. */
  children: ReactNode;
}) {
  const id = useId();
  return (
    <>
      <label className="sr-only" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value || undefined)}
        className={`rounded-md border bg-white px-3 py-2 text-sm dark:bg-slate-950 ${value ? 'border-indigo-500 ring-1 ring-indigo-500' : 'border-slate-300 dark:border-slate-700'} ${className}`}
      >
        {children}
      </select>
    </>
  );
}

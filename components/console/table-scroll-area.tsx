'use client';

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * The frame of a console table. A table wider than the screen scrolls inside it, never
 * the page: a hint below says so, and the frame takes the keyboard focus so arrow keys
 * scroll it too (`relative`, so a visually hidden header cannot widen the page). It is also the `table` container: cells tighten in a narrow one
 * (`@max-4xl/table:…`), so a list beside the details panel keeps every column.
 */
export function TableScrollArea({ children }: { children: ReactNode }) {
  const frame = useRef<HTMLDivElement>(null);
  const hint = useId();
  const [overflowing, setOverflowing] = useState(false);
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    // A ResizeObserver reports once at the start, then on every change of either size.
    const observer = new ResizeObserver(() => setOverflowing(element.scrollWidth > element.clientWidth + 1));
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div className="@container/table">
      <div
        ref={frame}
        tabIndex={overflowing ? 0 : undefined}
        aria-describedby={overflowing ? hint : undefined}
        className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
      >
        {children}
      </div>
      {overflowing && (
        <p id={hint} className="mt-1.5 text-right text-xs text-slate-500">
          Scroll sideways for more columns <span aria-hidden>→</span>
        </p>
      )}
    </div>
  );
}

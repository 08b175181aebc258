'use client';

import { useEffect, useState } from 'react';
import { withoutControls } from '@/lib/text/control-characters';

type Toast = { id: number; message: string; kind: 'success' | 'error' };
const EVENT = 'thalamus:toast';

/**
 * Shows a short message in the corner (announced to screen readers). Messages often hold
 * a name; control and text-direction characters in one (saved before they were refused)
 * are left out so they cannot turn the message around.
 */
export function toast(message: string, kind: Toast['kind'] = 'success') {
  window.dispatchEvent(new CustomEvent(EVENT, { detail: { message, kind } }));
}

export function Toaster() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  useEffect(() => {
    let next = 0;
    const onToast = (event: Event) => {
      const { message, kind } = (event as CustomEvent<Omit<Toast, 'id'>>).detail;
      const id = ++next;
      setToasts((current) => [...current, { id, message, kind }]);
      setTimeout(() => setToasts((current) => current.filter((t) => t.id !== id)), kind === 'error' ? 8000 : 4000);
    };
    window.addEventListener(EVENT, onToast);
    return () => window.removeEventListener(EVENT, onToast);
  }, []);
  return (
    <div aria-live="polite" className="pointer-events-none fixed right-4 bottom-4 z-50 flex flex-col gap-2">
      {toasts.map((t) => (
        <div
          key={t.id}
          role={t.kind === 'error' ? 'alert' : 'status'}
          className={`pointer-events-auto rounded-md px-4 py-3 text-sm shadow-lg ${t.kind === 'error' ? 'bg-red-600 text-white' : 'bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900'}`}
        >
          {withoutControls(t.message)}
        </div>
      ))}
    </div>
  );
}

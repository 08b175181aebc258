'use client';

import { toast } from './toaster';

export function CopyButton({ value, label }: { value: string; label: string }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={async (event) => {
        event.stopPropagation();
        try {
          await navigator.clipboard.writeText(value);
          toast('Copied to the clipboard');
        } catch {
          toast('Could not copy: select the text and copy it yourself', 'error');
        }
      }}
      className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900 dark:hover:bg-slate-800 dark:hover:text-slate-100"
    >
      <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
        <path d="M7 3a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2H7Zm0 2h6v8H7V5Z" />
        <path d="M3 7a1 1 0 0 1 1 1v7a2 2 0 0 0 2 2h6a1 1 0 1 1 0 2H6a4 4 0 0 1-4-4V8a1 1 0 0 1 1-1Z" />
      </svg>
    </button>
  );
}

'use client';

import { useEffect, useState } from 'react';

/** Light or dark, remembered in this browser; follows the system until chosen. */
export function ThemeToggle() {
  const [dark, setDark] = useState<boolean | null>(null);
  useEffect(() => setDark(document.documentElement.classList.contains('dark')), []);
  if (dark === null) return null;
  return (
    <button
      type="button"
      aria-pressed={dark}
      onClick={() => {
        const next = !dark;
        document.documentElement.classList.toggle('dark', next);
        localStorage.setItem('thalamus-theme', next ? 'dark' : 'light');
        setDark(next);
      }}
      className="rounded-md px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      Dark theme
    </button>
  );
}

/** Applied before the first paint so a dark page does not flash white. */
export const themeScript = `(()=>{try{const t=localStorage.getItem('thalamus-theme');const d=t?t==='dark':matchMedia('(prefers-color-scheme: dark)').matches;document.documentElement.classList.toggle('dark',d)}catch{}})()`;

'use client';

import { useSyncExternalStore } from 'react';

/** Light or dark, remembered in this browser; follows the system until chosen. */
export function ThemeToggle() {
  // The theme lives in the page's `dark` class (set before the first paint by themeScript);
  // the server cannot know it, so the button appears once the browser has rendered.
  const dark = useSyncExternalStore(watchThemeClass, isDark, () => null);
  if (dark === null) return null;
  return (
    <button
      type="button"
      aria-pressed={dark}
      onClick={() => {
        const next = !dark;
        document.documentElement.classList.toggle('dark', next);
        localStorage.setItem('thalamus-theme', next ? 'dark' : 'light');
      }}
      className="rounded-md px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      Dark theme
    </button>
  );
}

function isDark(): boolean {
  return document.documentElement.classList.contains('dark');
}

function watchThemeClass(changed: () => void): () => void {
  const observer = new MutationObserver(changed);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}

/** Applied before the first paint so a dark page does not flash white. */
export const themeScript = `(()=>{try{const t=localStorage.getItem('thalamus-theme');const d=t?t==='dark':matchMedia('(prefers-color-scheme: dark)').matches;document.documentElement.classList.toggle('dark',d)}catch{}})()`;

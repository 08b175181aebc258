'use client';

import type { ButtonHTMLAttributes } from 'react';
import { useFormStatus } from 'react-dom';

const styles = {
  primary: 'bg-indigo-600 text-white hover:bg-indigo-500 disabled:bg-indigo-400',
  secondary: 'border border-slate-300 bg-transparent hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800',
  danger: 'border border-red-300 bg-transparent text-red-700 hover:bg-red-50 dark:border-red-900 dark:text-red-300 dark:hover:bg-red-950',
};

/**
 * A form's submit button that shows it is working and cannot be clicked twice. It fills
 * its card on the hosted pages; `fit` sizes it to its text (the account page's sections).
 */
export function SubmitButton({ children, variant = 'primary', fit = false, ...props }: { variant?: keyof typeof styles; fit?: boolean } & ButtonHTMLAttributes<HTMLButtonElement>) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`inline-flex ${fit ? '' : 'w-full '}items-center justify-center rounded-md px-4 py-2 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${styles[variant]}`}
      {...props}
    >
      {children}
    </button>
  );
}

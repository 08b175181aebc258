'use client';

import { signIn } from 'next-auth/react';
import { useEffect, useRef } from 'react';

/** Starts the console's sign-in at once; the button is there if scripts are slow or the first try failed. */
export function SignInRedirect({ callbackUrl, auto }: { callbackUrl: string; auto: boolean }) {
  const started = useRef(false);
  useEffect(() => {
    if (auto && !started.current) {
      started.current = true;
      void signIn('thalamus', { callbackUrl });
    }
  }, [auto, callbackUrl]);
  return (
    <button
      type="button"
      onClick={() => void signIn('thalamus', { callbackUrl })}
      className="inline-flex w-full items-center justify-center rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
    >
      Sign in with Thalamus
    </button>
  );
}

'use client';

import { useEffect } from 'react';

/**
 * When a step finishes the sign-in, the browser continues at the provider's resume
 * URL with a full navigation (the resume endpoint is not a page of this app, and it
 * must be requested exactly once).
 */
export function useContinue(redirectTo: string | undefined) {
  useEffect(() => {
    if (redirectTo) window.location.assign(redirectTo);
  }, [redirectTo]);
}

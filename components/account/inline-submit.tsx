'use client';

import type { ComponentProps } from 'react';
import { SubmitButton } from '@/components/hosted/submit-button';

/** A submit button sized to its text (the hosted pages' SubmitButton fills its card). */
export function InlineSubmit(props: Omit<ComponentProps<typeof SubmitButton>, 'fit'>) {
  return <SubmitButton fit {...props} />;
}
